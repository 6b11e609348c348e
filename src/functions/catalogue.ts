import { allocateCells, keyShareCells, settleCells, splitPeriodCells } from "./allocationFunctions";
import { contractDiffCells, contractEndValue, indexAdjustValue, noticeDateValue, upliftValue } from "./contractFunctions";
import { checkTableCells } from "./tableFunctions";
import { capitalCostValue, savingsValue } from "./calculatorFunctions";
import { CellResult, ExcelMatrix, ExcelScalar } from "./excelValues";
import metadata from "./metadata.json";
import translations from "./translations.sv.json";

export type FunctionArgument = ExcelScalar | ExcelMatrix;
export type FunctionResult = number | CellResult[][] | (string | number)[][];

/** How big a function's result is, for engines that must know before evaluating (spill size). */
export type ResultShape =
  | { kind: "scalar" }
  | { kind: "shapeOfArgument"; index: number }
  | { kind: "rowOfLength"; index: number }
  | { kind: "findings"; tableIndex: number; width: number };

export interface FunctionSpec {
  /** The ASCII id, also the English name: SAMKALK.<id>. Never changes. */
  id: string;
  /** The Swedish name, SAMKALK.<sv>. */
  sv: string;
  minArgs: number;
  maxArgs: number;
  /** Arguments that take ranges (matrix dimensionality). */
  rangeArgs: number[];
  result: ResultShape;
  volatile?: boolean;
  /** The result is an Excel date serial, shown as a date where the cell has no format of its own. */
  returnsDate?: boolean;
  run: (...args: FunctionArgument[]) => FunctionResult;
}

type Fn = (...args: never[]) => FunctionResult;

/** What the metadata cannot say: the code that runs and how big its result is before it runs. */
const IMPLEMENTATIONS: Record<string, { run: Fn; result: ResultShape; returnsDate?: boolean }> = {
  ALLOCATE: { run: allocateCells, result: { kind: "shapeOfArgument", index: 1 } },
  KEYSHARE: { run: keyShareCells, result: { kind: "shapeOfArgument", index: 0 } },
  CONTRACTDIFF: { run: contractDiffCells, result: { kind: "shapeOfArgument", index: 0 } },
  UPLIFT: { run: upliftValue, result: { kind: "scalar" } },
  INDEXADJUST: { run: indexAdjustValue, result: { kind: "scalar" } },
  SPLITPERIODS: { run: splitPeriodCells, result: { kind: "rowOfLength", index: 1 } },
  NOTICEDATE: { run: noticeDateValue, result: { kind: "scalar" }, returnsDate: true },
  CONTRACTEND: { run: (a: ExcelScalar, b: ExcelScalar, c?: ExcelScalar) => contractEndValue(a, b, c), result: { kind: "scalar" }, returnsDate: true },
  SETTLE: { run: settleCells, result: { kind: "shapeOfArgument", index: 1 } },
  CHECKTABLE: { run: checkTableCells, result: { kind: "findings", tableIndex: 0, width: 5 } },
  SAVINGS: { run: savingsValue, result: { kind: "scalar" } },
  CAPITALCOST: { run: capitalCostValue, result: { kind: "scalar" } },
};

interface MetadataFunction {
  id: string;
  parameters: { name: string; optional?: boolean; dimensionality?: string }[];
  options?: { volatile?: boolean };
}

/**
 * The SAMKALK functions as a table, for hosts that register functions by table (the embedded
 * engine), built from the metadata generated from the JSDoc in functions.ts (metadata.json, the
 * same content as the functions.json Excel reads) and the Swedish names in translations.sv.json.
 * A function in one but not the other fails here, at load, not silently in one host.
 */
export function catalogueFrom(metadata: { functions: readonly MetadataFunction[] }, swedish: Record<string, { name: string }>): FunctionSpec[] {
  const ids = new Set(metadata.functions.map((f) => f.id));
  const missing = [...Object.keys(IMPLEMENTATIONS).filter((id) => !ids.has(id)), ...metadata.functions.map((f) => f.id).filter((id) => !IMPLEMENTATIONS[id] || !swedish[id])];
  if (missing.length > 0) throw new Error(`SAMKALK-funktionerna går inte ihop med metadata.json/translations.sv.json: ${missing.join(", ")}`);
  return metadata.functions.map((f) => ({
    id: f.id,
    sv: swedish[f.id].name,
    minArgs: f.parameters.filter((p) => !p.optional).length,
    maxArgs: f.parameters.length,
    rangeArgs: f.parameters.flatMap((p, i) => (p.dimensionality === "matrix" ? [i] : [])),
    result: IMPLEMENTATIONS[f.id].result,
    ...(f.options?.volatile ? { volatile: true } : {}),
    ...(IMPLEMENTATIONS[f.id].returnsDate ? { returnsDate: true } : {}),
    run: IMPLEMENTATIONS[f.id].run as FunctionSpec["run"],
  }));
}

export const FUNCTIONS: readonly FunctionSpec[] = catalogueFrom(metadata, translations);

export const NAMESPACE = "SAMKALK";
