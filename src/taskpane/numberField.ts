import { Amount } from "../core/money";
import { DomainError, isDomainError } from "../core/errors";
import { parseNumberText } from "../core/numberText";

/** A number typed into a field, read the Swedish way; anything else is an error naming the field. */
export function numberFromField(text: string, label: string): Amount {
  try {
    const parsed = parseNumberText(text);
    if (parsed.kind === "number") return parsed.value;
  } catch (error) {
    if (!isDomainError(error)) throw error;
  }
  throw new DomainError("NOT_A_NUMBER", `${label}: '${text}' är inget tal`);
}
