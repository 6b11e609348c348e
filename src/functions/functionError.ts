import { DomainError, ErrorCode, isDomainError } from "../core/errors";

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

/**
 * Excel shows a function's own message only with #VALUE! and #N/A: every input the user must fix
 * is #VALUE! with its Swedish message, a value that is not there #N/A. A bare #NUM! or #DIV/0!
 * would hide the message that says what to fix.
 */
const CODE_FOR: Record<ErrorCode, ExcelErrorCode> = {
  NOT_A_NUMBER: "#VALUE!",
  MISSING_VALUE: "#N/A",
  NEGATIVE_WEIGHT: "#VALUE!",
  ZERO_WEIGHTS: "#VALUE!",
  EMPTY_KEY: "#VALUE!",
  DUPLICATE_MEMBER: "#VALUE!",
  PERCENT_SUM: "#VALUE!",
  PRECISION: "#VALUE!",
  OUT_OF_RANGE: "#VALUE!",
  INVALID_DATE: "#VALUE!",
  INVALID_ARGUMENT: "#VALUE!",
  UNKNOWN_COLUMN: "#VALUE!",
  AMBIGUOUS_COLUMN: "#VALUE!",
  INVALID_RULE: "#VALUE!",
  DIVISION_BY_ZERO: "#VALUE!",
};

/** A domain error from the core as the Excel error its cell should show. */
export function toFunctionError(error: DomainError, argument?: string): FunctionError {
  return new FunctionError(CODE_FOR[error.code], argument ? `${argument}: ${error.message}` : error.message);
}

/** Calls into the core and turns its domain errors into Excel errors naming the argument. */
export function guard<T>(run: () => T, argument?: string): T {
  try {
    return run();
  } catch (error) {
    if (isDomainError(error)) throw toFunctionError(error, argument);
    throw error;
  }
}
