import { DomainError, isDomainError } from "../src/core/errors";
import { FunctionError } from "../src/functions/functionError";

/**
 * The error a call throws, when it is of the kind a test expects; any other error, or none,
 * fails the test. For asserting on an error's fields (code, location) and not only its message.
 */
export function thrown<E extends Error>(call: () => unknown, isExpected: (error: unknown) => error is E, kind: string): E {
  try {
    call();
  } catch (error) {
    if (isExpected(error)) return error;
    throw error;
  }
  throw new Error(`expected a ${kind}`);
}

/** A custom function's error, as its code and Swedish message. */
export function functionErrorOf(call: () => unknown): { code: string; message: string } {
  const error = thrown(call, (e): e is FunctionError => e instanceof FunctionError, "FunctionError");
  return { code: error.code, message: error.message };
}

/** A domain error with its location. */
export function domainErrorOf(call: () => unknown): DomainError {
  return thrown(call, isDomainError, "DomainError");
}
