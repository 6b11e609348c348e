import { Recurrence, RecurringDate } from "../core/recurringDates";
import { swedishMonth } from "../core/dates";
import { DomainError } from "../core/errors";
import { SourceTable } from "../core/cells";
import { TableModel, guessMapping } from "./fields";
import { FieldReader, ImportResult, importRecords, readText } from "./records";

export type RecurringField = "title" | "recurrence" | "month" | "day" | "concerns" | "member";

/**
 * The agreement's recurring dates, one a row (README, "calendar"):
 * Händelse;Upprepas;Månad;Dag;Gäller;Medlem
 * Budgetförslag;årligen;april;30;året efter;
 * Fakturering i efterskott;kvartalsvis;;15;;
 */
export const RECURRING_DATES: TableModel<RecurringField> = {
  name: "Kalender",
  fields: [
    { field: "title", label: "Händelse", headers: ["Händelse", "Vad", "Aktivitet", "Frist"], required: true },
    { field: "recurrence", label: "Upprepas", headers: ["Upprepas", "Återkommer", "Intervall", "Period"], required: false },
    { field: "month", label: "Månad", headers: ["Månad", "Senast månad"], required: false },
    { field: "day", label: "Dag", headers: ["Dag", "Senast dag", "Datum"], required: false },
    { field: "concerns", label: "Gäller", headers: ["Gäller", "Avser", "Gäller år"], required: false },
    { field: "member", label: "Medlem", headers: ["Medlem", "Kommun", "Kommun/Medlem"], required: false },
  ],
};

const readRecurrence: FieldReader<Recurrence> = (cell) => {
  const t = readText(cell).toLowerCase().replace(/\s+i\s+efterskott$/, "").replace(/^(per|varje)\s+/, "").trim();
  if (t === "" || /^(år|årligen|årsvis|varje år)$/.test(t)) return "yearly";
  if (/^kvartal(svis)?$/.test(t)) return "quarterly";
  if (/^halvår(svis)?$/.test(t)) return "half-yearly";
  throw new DomainError("INVALID_ARGUMENT", `'${readText(cell)}' är ingen upprepning; skriv årligen, kvartalsvis eller halvårsvis`);
};

const readMonth: FieldReader<number | null> = (cell) => {
  const t = readText(cell);
  if (t === "") return null;
  const month = /^\d{1,2}$/.test(t) ? Number(t) : swedishMonth(t);
  if (month === null || month < 1 || month > 12) throw new DomainError("INVALID_ARGUMENT", `'${t}' är ingen månad; skriv 1–12 eller t.ex. april`);
  return month;
};

const readDay: FieldReader<number | null> = (cell) => {
  const t = readText(cell).toLowerCase();
  if (t === "" || t === "sista" || t === "sista dagen") return null;
  if (!/^\d{1,2}$/.test(t) || Number(t) < 1 || Number(t) > 31) throw new DomainError("INVALID_ARGUMENT", `'${t}' är ingen dag; skriv 1–31 eller sista`);
  return Number(t);
};

const readConcerns: FieldReader<number> = (cell) => {
  const t = readText(cell).toLowerCase();
  if (t === "" || /^(samma år|året)$/.test(t)) return 0;
  if (/^(året efter|nästa år|kommande år)$/.test(t)) return 1;
  if (/^(året före|året innan|föregående år)$/.test(t)) return -1;
  throw new DomainError("INVALID_ARGUMENT", `'${readText(cell)}' säger inte vilket år; skriv året efter, året före eller lämna tomt`);
};

export function importRecurringDates(table: SourceTable): ImportResult<RecurringDate> {
  return importRecords(
    table,
    RECURRING_DATES.fields,
    guessMapping(table.headers, RECURRING_DATES.fields),
    (get) => ({
      title: get("title", readText),
      recurrence: get("recurrence", readRecurrence),
      month: get("month", readMonth),
      day: get("day", readDay),
      concernsYear: get("concerns", readConcerns),
      member: get("member", readText),
    }),
    (r) => {
      if (r.title === "") return { column: "Händelse", message: "värde saknas" };
      if (r.recurrence === "yearly" && r.month === null) return { column: "Månad", message: "en årlig händelse behöver en månad" };
      if (r.recurrence !== "yearly" && r.month !== null) return { column: "Månad", message: "en händelse per kvartal eller halvår infaller månaden efter perioden; lämna Månad tom" };
      return null;
    },
  );
}
