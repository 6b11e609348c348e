import { FunctionError } from "./functionError";

const OFFICE_CODE: Record<FunctionError["code"], CustomFunctions.ErrorCode> = {
  "#VALUE!": "#VALUE!" as CustomFunctions.ErrorCode.invalidValue,
  "#NUM!": "#NUM!" as CustomFunctions.ErrorCode.invalidNumber,
  "#N/A": "#N/A" as CustomFunctions.ErrorCode.notAvailable,
  "#DIV/0!": "#DIV/0!" as CustomFunctions.ErrorCode.divisionByZero,
};

/** Excel shows a custom message only with #VALUE! and #N/A; the other codes must go without. */
export function toOfficeError(error: FunctionError): CustomFunctions.Error {
  const code = OFFICE_CODE[error.code];
  return error.code === "#VALUE!" || error.code === "#N/A" ? new CustomFunctions.Error(code, error.message) : new CustomFunctions.Error(code);
}

/**
 * Runs a function body for Excel: a FunctionError becomes CustomFunctions.Error (thrown for the
 * whole call, or placed in its own cell of a spilled result, which the shared runtime allows);
 * anything unexpected becomes #VALUE! with a message instead of a bare JS exception.
 */
export function runForExcel<T>(body: () => T): T {
  try {
    const result = body();
    return (Array.isArray(result) ? result.map((row) => (Array.isArray(row) ? row.map(mapCell) : mapCell(row))) : result) as T;
  } catch (error) {
    if (error instanceof FunctionError) throw toOfficeError(error);
    throw new CustomFunctions.Error("#VALUE!" as CustomFunctions.ErrorCode.invalidValue, `Oväntat fel i Samkalk: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function mapCell(cell: unknown): unknown {
  return cell instanceof FunctionError ? toOfficeError(cell) : cell;
}
