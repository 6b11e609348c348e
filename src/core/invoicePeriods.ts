import { CivilDate, addMonths, makeDate } from "./dates";
import { DomainError } from "./errors";

/** A quarter (Q1–Q4) or half-year (H1–H2) of a year; invoiced in arrears. */
export interface InvoicePeriod {
  year: number;
  kind: "Q" | "H";
  index: number; // 1-based
}

/** "Q1", "H2", or with a year: "2027 Q1", "Q1 2027", "2027-Q1" (the year then wins over `year`). */
export function parsePeriod(text: string, year: number): InvoicePeriod {
  const m = /^(?:(\d{4})[\s-]*)?([QH])([1-4])(?:[\s-]*(\d{4}))?$/i.exec(text.trim());
  const kind = m?.[2].toUpperCase() as "Q" | "H" | undefined;
  if (!m || (kind === "H" && Number(m[3]) > 2) || (m[1] && m[4])) {
    throw new DomainError("INVALID_ARGUMENT", `perioden '${text}' finns inte; skriv Q1–Q4 eller H1–H2, gärna med år: 2027 Q1`);
  }
  return { year: Number(m[1] ?? m[4] ?? year), kind: kind!, index: Number(m[3]) };
}

export function periodLabel(p: InvoicePeriod): string {
  return `${p.year} ${p.kind}${p.index}`;
}

export function periodsPerYear(p: InvoicePeriod): number {
  return p.kind === "Q" ? 4 : 2;
}

/** The period's first day and the first day after it. */
export function periodRange(p: InvoicePeriod): { from: CivilDate; to: CivilDate } {
  const months = 12 / periodsPerYear(p);
  const from = makeDate(p.year, (p.index - 1) * months + 1, 1);
  return { from, to: addMonths(from, months) };
}
