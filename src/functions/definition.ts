import { CellResult, ExcelMatrix, ExcelScalar } from "./excelValues";

export type FunctionArgument = ExcelScalar | ExcelMatrix;
export type FunctionResult = number | CellResult[][] | (string | number)[][];

/** How big a function's result is, for engines that must know before evaluating (spill size). */
export type ResultShape =
  | { kind: "scalar" }
  | { kind: "shapeOfArgument"; index: number }
  /** One row; `length` reads the argument at `index` as the body does (it throws where the body would). */
  | { kind: "rowOfLength"; index: number; length: (value: ExcelScalar) => number }
  | { kind: "findings"; tableIndex: number; width: number };

/**
 * One SAMKALK function, beside its body: what the English JSDoc in functions.ts cannot say. The
 * Swedish metadata (translations.sv.json) and the function's section of the help page are
 * generated from it by `npm run metadata`; the catalogue checks it against the metadata at load.
 */
export interface FunctionDefinition {
  /** The ASCII id, also the English name: SAMKALK.<id>. Never changes. */
  id: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  run: (...args: any[]) => FunctionResult;
  result: ResultShape;
  /** Arguments that compute without an error, as Excel passes them: the tests call every function with them. */
  sample: readonly unknown[];
  /** The result is an Excel date serial, shown as a date where the cell has no format of its own. */
  returnsDate?: boolean;
  sv: {
    /** SAMKALK.<name> in Swedish Excel; also the help page's anchor, in lower case. */
    name: string;
    description: string;
    /** By the English parameter name of the JSDoc. */
    parameters: Record<string, { name: string; description: string }>;
  };
  /** The help page's section after its heading: Swedish paragraphs, one in English, an example (HTML). */
  help: string;
}

/** A column range as Excel passes it, for samples: column(1, 2) is [[1], [2]]. */
export const column = (...values: unknown[]): unknown[][] => values.map((v) => [v]);
