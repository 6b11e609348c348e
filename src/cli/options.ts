import { Amount } from "../core/money";
import { isDomainError } from "../core/errors";
import { parseNumberText } from "../core/numberText";
import { CivilDate, parseDate } from "../core/dates";
import { UsageError } from "./io";

/** A number option in Swedish or plain form ("100 000", "0,5", "50 %"). */
export function parseNumberOption(text: string, option: string): Amount {
  try {
    const parsed = parseNumberText(text);
    if (parsed.kind === "number") return parsed.value;
  } catch (error) {
    if (!isDomainError(error)) throw error;
  }
  throw new UsageError(`${option}: '${text}' är inget tal`);
}

export function parseIntegerOption(text: string, option: string, min: number, max: number): number {
  if (!/^\d+$/.test(text.trim()) || +text < min || +text > max) {
    throw new UsageError(`${option}: '${text}' ska vara ett heltal från ${min} till ${max}`);
  }
  return +text;
}

export function parseDecimalsOption(text: string | undefined): number {
  return text === undefined ? 0 : parseIntegerOption(text, "--decimals", 0, 2);
}

export function parseDateOption(text: string, option: string): CivilDate {
  try {
    return parseDate(text);
  } catch (error) {
    if (isDomainError(error)) throw new UsageError(`${option}: ${error.message}`);
    throw error;
  }
}
