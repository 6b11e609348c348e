import { Amount } from "./money";
import { CivilDate, compareDates, daysInMonth, formatIsoDate, makeDate } from "./dates";
import { DomainError } from "./errors";
import { identityText } from "./memberIdentity";

/** One figure of a population table: a region's population on a date. */
export interface PopulationFigure {
  /** SCB's region code ("2183"), or "" when the export has names only. */
  code: string;
  /** The region's name ("Bollnäs"). */
  region: string;
  date: CivilDate;
  value: Amount;
  /** The time as the table prints it ("2024", "2024M10"). */
  time: string;
}

export interface PopulationTable {
  /** The table's title or the statistic it holds ("Folkmängden den 1 november efter region och år"). */
  title: string;
  source: string;
  figures: PopulationFigure[];
}

/** A key line with the figure it used and where that figure came from. */
export interface PopulationKeyEntry {
  member: string;
  code: string;
  inhabitants: Amount;
  referenceDate: CivilDate;
  /** "SCB, Folkmängden den 1 november …, 2025": the table and the time it read. */
  source: string;
}

/** How an agreement states its reference date, relative to the year the key is for. */
export type ReferenceRule = "dec31-previous" | "nov1-previous";

/**
 * The agreement's reference date for a key year: 31 December of the year before, or 1 November
 * of the year before (SCB's figure that the municipal equalisation also uses).
 */
export function referenceDate(rule: ReferenceRule, keyYear: number): CivilDate {
  return rule === "nov1-previous" ? makeDate(keyYear - 1, 11, 1) : makeDate(keyYear - 1, 12, 31);
}

/**
 * The date a figure stands for, from the time code and what the table says it counts: SCB's
 * yearly population is at 31 December, its "1 november" table at 1 November, its monthly and
 * quarterly tables at the end of the month or quarter.
 */
export function figureDate(time: string, title: string): CivilDate {
  const t = time.trim();
  let m = /^(\d{4})M(\d{2})$/i.exec(t);
  if (m) return makeDate(+m[1], +m[2], daysInMonth(+m[1], +m[2]));
  m = /^(\d{4})K([1-4])$/i.exec(t);
  if (m) return makeDate(+m[1], +m[2] * 3, daysInMonth(+m[1], +m[2] * 3));
  m = /^(\d{4})$/.exec(t);
  if (m) return /1\s*nov/i.test(title) ? makeDate(+m[1], 11, 1) : makeDate(+m[1], 12, 31);
  throw new DomainError("INVALID_DATE", `tiden '${time}' i befolkningstabellen är varken ett år (2024), en månad (2024M10) eller ett kvartal (2024K4)`);
}

const sameRegion = (member: string, f: PopulationFigure) => {
  const id = identityText(member);
  return id === identityText(f.region) || (f.code !== "" && (id === identityText(f.code) || id === identityText(`${f.code} ${f.region}`)));
};

/**
 * Each member's population at the reference date, with the figure and date it used. A member
 * without a figure at exactly that date is refused, naming the dates the table has for it: a
 * figure from another date is another key, never a silent stand-in.
 */
export function populationAt(table: PopulationTable, date: CivilDate, members?: readonly string[]): PopulationKeyEntry[] {
  const atDate = table.figures.filter((f) => compareDates(f.date, date) === 0);
  const source = (f: PopulationFigure) => `${table.source ? `${table.source}, ` : ""}${table.title}, ${f.time}`;
  if (members === undefined) {
    if (atDate.length === 0) throw new DomainError("MISSING_VALUE", `tabellen har inga invånartal per ${formatIsoDate(date)}; den har ${datesOf(table.figures)}`);
    return atDate.map((f) => ({ member: f.region, code: f.code, inhabitants: f.value, referenceDate: date, source: source(f) }));
  }
  return members.map((member) => {
    const found = atDate.filter((f) => sameRegion(member, f));
    if (found.length > 1) throw new DomainError("AMBIGUOUS_COLUMN", `${member} finns flera gånger per ${formatIsoDate(date)} i tabellen`);
    if (found.length === 0) {
      const any = table.figures.filter((f) => sameRegion(member, f));
      throw new DomainError("MISSING_VALUE", any.length === 0
        ? `${member} finns inte i befolkningstabellen`
        : `${member} har inget invånartal per ${formatIsoDate(date)}; tabellen har ${datesOf(any)}`);
    }
    const f = found[0];
    return { member, code: f.code, inhabitants: f.value, referenceDate: date, source: source(f) };
  });
}

function datesOf(figures: readonly PopulationFigure[]): string {
  const dates = [...new Set(figures.map((f) => formatIsoDate(f.date)))].sort();
  return dates.length === 0 ? "inga datum" : dates.join(", ");
}
