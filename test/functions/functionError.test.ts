import { DomainError, ErrorCode } from "../../src/core/errors";
import { FunctionError, toFunctionError } from "../../src/functions/functionError";

/** Every error code: a Record over the union, so a new code fails to compile here until it is listed. */
const ALL: Record<ErrorCode, true> = { NOT_A_NUMBER: true, MISSING_VALUE: true, NEGATIVE_WEIGHT: true, ZERO_WEIGHTS: true, EMPTY_KEY: true, DUPLICATE_MEMBER: true, PERCENT_SUM: true, PRECISION: true, OUT_OF_RANGE: true, INVALID_DATE: true, INVALID_ARGUMENT: true, UNKNOWN_COLUMN: true, AMBIGUOUS_COLUMN: true, INVALID_RULE: true, DIVISION_BY_ZERO: true };
const CODES = Object.keys(ALL) as ErrorCode[];

describe("errors of the functions in their cells", () => {
  it.each(CODES)("%s shows as #VALUE! or #N/A, the two error values whose message Excel shows", (code) => {
    const error = toFunctionError(new DomainError(code, "något är fel"), "vikter");
    expect(error).toBeInstanceOf(FunctionError);
    expect(error.code).toBe(code === "MISSING_VALUE" ? "#N/A" : "#VALUE!");
    expect(error.message).toBe("vikter: något är fel");
  });

  it("keeps the message alone when no argument is named", () => {
    expect(toFunctionError(new DomainError("DIVISION_BY_ZERO", "summan av vikterna är noll")).message).toBe("summan av vikterna är noll");
  });
});
