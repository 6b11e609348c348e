import { allocateCells, keyShareCells, settleCells, splitPeriodCells } from "./allocationFunctions";
import { contractDiffCells, contractEndValue, indexAdjustValue, noticeDateValue, upliftValue } from "./contractFunctions";
import { checkTableCells } from "./tableFunctions";
import { CellResult, ExcelMatrix, ExcelScalar } from "./excelValues";

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
  run: (...args: FunctionArgument[]) => FunctionResult;
}

type Fn = (...args: never[]) => FunctionResult;
const spec = (s: Omit<FunctionSpec, "run"> & { run: Fn }): FunctionSpec => s as FunctionSpec;

/**
 * The SAMKALK functions as a table, for hosts that register functions by table (the embedded
 * engine). Excel gets the same implementations through the JSDoc wrappers in functions.ts; a test
 * checks that the two agree.
 */
export const FUNCTIONS: readonly FunctionSpec[] = [
  spec({ id: "ALLOCATE", sv: "FORDELA", minArgs: 2, maxArgs: 4, rangeArgs: [1], result: { kind: "shapeOfArgument", index: 1 }, run: allocateCells }),
  spec({ id: "KEYSHARE", sv: "NYCKELANDEL", minArgs: 1, maxArgs: 2, rangeArgs: [0], result: { kind: "shapeOfArgument", index: 0 }, run: keyShareCells }),
  spec({ id: "CONTRACTDIFF", sv: "AVTALSDIFF", minArgs: 2, maxArgs: 2, rangeArgs: [0, 1], result: { kind: "shapeOfArgument", index: 0 }, run: contractDiffCells }),
  spec({ id: "UPLIFT", sv: "UPPRAKNA", minArgs: 2, maxArgs: 4, rangeArgs: [], result: { kind: "scalar" }, run: upliftValue }),
  spec({ id: "INDEXADJUST", sv: "INDEXERA", minArgs: 3, maxArgs: 4, rangeArgs: [], result: { kind: "scalar" }, run: indexAdjustValue }),
  spec({ id: "SPLITPERIODS", sv: "PERIODISERA", minArgs: 2, maxArgs: 3, rangeArgs: [], result: { kind: "rowOfLength", index: 1 }, run: splitPeriodCells }),
  spec({ id: "NOTICEDATE", sv: "UPPSAGNINGSDAG", minArgs: 2, maxArgs: 2, rangeArgs: [], result: { kind: "scalar" }, run: noticeDateValue }),
  spec({ id: "CONTRACTEND", sv: "AVTALSSLUT", minArgs: 2, maxArgs: 3, rangeArgs: [], result: { kind: "scalar" }, volatile: true, run: (a: ExcelScalar, b: ExcelScalar, c?: ExcelScalar) => contractEndValue(a, b, c) }),
  spec({ id: "SETTLE", sv: "REGLERING", minArgs: 2, maxArgs: 3, rangeArgs: [1], result: { kind: "shapeOfArgument", index: 1 }, run: settleCells }),
  spec({ id: "CHECKTABLE", sv: "TABELLKOLL", minArgs: 1, maxArgs: 2, rangeArgs: [0, 1], result: { kind: "findings", tableIndex: 0, width: 5 }, run: checkTableCells }),
];

export const NAMESPACE = "SAMKALK";
