import { SourceCell, SourceTable } from "../core/cells";
import { ProcurementActivity } from "../core/savings";
import { Amount } from "../core/money";
import { FieldSpec, guessMapping } from "./fields";
import { ImportResult, importRecords, readAmount, readText } from "./records";

export type ActivityField = "activity" | "oneMember" | "separately" | "together";

export const ACTIVITY_FIELDS: readonly FieldSpec<ActivityField>[] = [
  { field: "activity", label: "Aktivitet", headers: ["Aktivitet", "Moment", "Arbetsmoment", "Post"], required: true },
  { field: "oneMember", label: "Timmar en medlem", headers: ["Timmar en medlem", "En medlem", "Timmar per medlem", "Timmar själv"], required: true },
  { field: "separately", label: "Timmar var för sig", headers: ["Timmar var för sig", "Var för sig", "Alla var för sig"], required: false },
  { field: "together", label: "Timmar tillsammans", headers: ["Timmar tillsammans", "Tillsammans", "Gemensamt", "Timmar gemensamt"], required: true },
];

const hours = (what: string) => (cell: SourceCell): Amount => {
  const a = readAmount(cell);
  if (a === null) throw new Error(`${what} saknas`);
  return a;
};

/** The activities of a procurement, one row each: Aktivitet; Timmar en medlem; [Timmar var för sig]; Timmar tillsammans. */
export function importActivities(table: SourceTable): ImportResult<ProcurementActivity> {
  return importRecords(table, ACTIVITY_FIELDS, guessMapping(table.headers, ACTIVITY_FIELDS), (get) => {
    const separately = get("separately", readAmount);
    return {
      activity: get("activity", readText),
      oneMember: get("oneMember", hours("timmarna för en medlem")),
      together: get("together", hours("timmarna tillsammans")),
      ...(separately === null ? {} : { separately }),
    };
  }, (a) => (a.activity === "" ? { column: "Aktivitet", message: "värde saknas" } : null));
}
