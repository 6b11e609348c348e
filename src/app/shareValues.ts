import type { WorkbookPort } from "../workbook/port";

/** What the copies' names end with, so the pane does not offer a copy for copying again. */
export const VALUES_SUFFIX = " (värden)";

/** The sheets a user may share as values: every sheet that is not itself such a copy. */
export function shareableSheets(names: readonly string[]): string[] {
  return names.filter((s) => !s.endsWith(VALUES_SUFFIX));
}

/**
 * Dela som värden: copies of the sheets with SAMKALK formulas replaced by their values, for
 * colleagues without the add-in, who would see #NAMN?; returns the new sheets' names.
 */
export async function shareAsValues(wb: WorkbookPort, sheets: readonly string[]): Promise<string[]> {
  return wb.copySheetsAsValues(sheets, VALUES_SUFFIX);
}
