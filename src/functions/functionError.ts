import { DomainError, ErrorCode } from "../core/errors";

/** Excel's error values, as both Office and HyperFormula know them. */
export type ExcelErrorCode = "#VALUE!" | "#NUM!" | "#N/A" | "#DIV/0!";

/**
 * An error a spreadsheet function returns to its cell: an Excel error code and a Swedish message
 * that names the argument (and, for ranges, the position). Each host maps it to its own error
 * type: CustomFunctions.Error in Excel, CellError in the embedded engine.
 */
export class FunctionError extends Error {
  constructor(readonly code: ExcelErrorCode, message: string) {
    super(message);
    this.name = "FunctionError";
  }
}

const CODE_FOR: Record<ErrorCode, ExcelErrorCode> = {
  NOT_A_NUMBER: "#VALUE!",
  MISSING_VALUE: "#N/A",
  NEGATIVE_WEIGHT: "#NUM!",
  ZERO_WEIGHTS: "#DIV/0!",
  EMPTY_KEY: "#VALUE!",
  DUPLICATE_MEMBER: "#VALUE!",
  PERCENT_SUM: "#NUM!",
  PRECISION: "#NUM!",
  OUT_OF_RANGE: "#NUM!",
  INVALID_DATE: "#VALUE!",
  INVALID_ARGUMENT: "#VALUE!",
  UNKNOWN_COLUMN: "#VALUE!",
  AMBIGUOUS_COLUMN: "#VALUE!",
  INVALID_RULE: "#VALUE!",
  DIVISION_BY_ZERO: "#DIV/0!",
};

/** A domain error from the core as the Excel error its cell should show. */
export function toFunctionError(error: DomainError, argument?: string): FunctionError {
  return new FunctionError(CODE_FOR[error.code], argument ? `${argument}: ${error.message}` : error.message);
}
