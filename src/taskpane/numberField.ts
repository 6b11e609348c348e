import { Amount } from "../core/money";
import { DomainError, isDomainError } from "../core/errors";
import { parseNumberText } from "../core/numberText";

/**
 * A number typed into a field, read the Swedish way; anything else is an error naming the field.
 * A field in percent reads "2" and "2 %" alike as two per cent (0.02).
 */
export function numberFromField(text: string, label: string, options: { percent?: boolean } = {}): Amount {
  try {
    const parsed = parseNumberText(options.percent && !/%\s*$/.test(text) ? `${text} %` : text);
    if (parsed.kind === "number") return parsed.value;
  } catch (error) {
    if (!isDomainError(error)) throw error;
  }
  throw new DomainError("NOT_A_NUMBER", `${label}: '${text}' är inget tal`);
}
