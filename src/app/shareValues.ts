import { WorkbookPort } from "../workbook/port";
import { STAGING_SHEET } from "../workbook/officeTables";

/** What the copies' names end with, so the pane does not offer a copy for copying again. */
export const VALUES_SUFFIX = " (värden)";

/** The sheets a user may share as values: every sheet that is not itself such a copy. */
export function shareableSheets(names: readonly string[]): string[] {
  return names.filter((s) => !s.endsWith(VALUES_SUFFIX) && s !== STAGING_SHEET);
}

/** Which copy "Dela som värden" made of which sheet, kept in the workbook's settings. */
const COPIES_SETTING = "valuesCopies";

export interface SharedValues {
  /** True when Excel opened a new workbook with the sheets; false when copies were made here. */
  newWorkbook: boolean;
  sheets: string[];
}

/**
 * Dela som värden: a new workbook for the colleague where Excel can make one, else copies of the
 * sheets in this workbook. A second run replaces the copies of the first (it knows them from the
 * settings) instead of adding "(värden) (2)" beside them; the earlier copy goes only once the new
 * one is made, so a failed copy leaves the colleague's old one.
 */
export async function shareAsValues(wb: WorkbookPort, sheets: readonly string[]): Promise<SharedValues> {
  if (await wb.newWorkbookAsValues?.(sheets)) return { newWorkbook: true, sheets: [...sheets] };
  const settings = await wb.getSettings();
  const earlier = parseCopies(settings[COPIES_SETTING]);
  const existing = new Set((await wb.sheetNames()).map((n) => n.toLowerCase()));
  const earlierCopies = sheets.flatMap((s) => (earlier[s] && existing.has(earlier[s].toLowerCase()) && !sheets.includes(earlier[s]) ? [earlier[s]] : []));
  const created = await wb.copySheetsAsValues(sheets, VALUES_SUFFIX, earlierCopies);
  await wb.saveSettings({ [COPIES_SETTING]: JSON.stringify({ ...earlier, ...Object.fromEntries(sheets.map((s, i) => [s, created[i]])) }) });
  return { newWorkbook: false, sheets: created };
}

function parseCopies(text: string | undefined): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(text ?? "{}");
    return parsed && typeof parsed === "object" ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}
