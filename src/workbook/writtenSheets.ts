import { DomainError } from "../core/errors";
import { isText, listSetting } from "../core/listSetting";

/**
 * The sheets Samkalk's sheet writes made, remembered in the workbook's settings by name (as the
 * invoice run remembers its sheets), so that a later write replaces its own sheet and refuses a
 * user's sheet of the same name: a plain "Medlemsbidrag" or "Avtalskontroll" the user wrote
 * themselves is never cleared. An empty sheet is not the user's work and may be written.
 */
export const WRITTEN_SHEETS_SETTING = "writtenSheets";

export function parseWrittenSheets(text: string | undefined): string[] {
  return listSetting(text, isText);
}

/** The list after a write: the sheets written added, the removed ones taken out (names compared as Excel does, without case). */
export function updatedWrittenSheets(before: readonly string[], written: readonly string[], removed: readonly string[]): string {
  const gone = new Set([...written, ...removed].map((n) => n.toLowerCase()));
  return JSON.stringify([...before.filter((n) => !gone.has(n.toLowerCase())), ...written]);
}

/**
 * Refuses, before anything is written, a target or removed sheet that has content and that no
 * Samkalk sheet write made: the user's own sheet.
 */
export function refuseUserSheets(sheets: readonly { sheet: string; hasContent: boolean }[], written: readonly string[]): void {
  const ours = new Set(written.map((n) => n.toLowerCase()));
  const theirs = sheets.find((s) => s.hasContent && !ours.has(s.sheet.toLowerCase()));
  if (theirs) {
    throw new DomainError("INVALID_ARGUMENT", `bladet ${theirs.sheet} finns redan med innehåll som Samkalk inte har skrivit, och Samkalk skriver aldrig över ditt eget blad; byt namn på bladet (eller ta bort det om det är en gammal utskrift från Samkalk) och kör igen`, { sheet: theirs.sheet });
  }
}

