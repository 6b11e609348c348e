/**
 * Calls after which Excel's undo stack is cleared, so that Ctrl+Z cannot take back the add-in's
 * write (nor what the user did before it). Excel keeps undo only for some Office.js changes, and
 * which depends on the version; structural ones clear it everywhere: adding, deleting or copying
 * a worksheet, adding, deleting or resizing a table, adding conditional formats or charts. On
 * older builds every add-in write clears it. The pane says so and offers its own "Ångra import".
 */
export const UNDO_CLEARING_CALLS = ["worksheets.add", "worksheet.delete", "worksheet.copy", "tables.add", "table.delete", "table.resize", "conditionalFormats.add", "charts.add"] as const;

export type UndoClearingCall = (typeof UNDO_CLEARING_CALLS)[number];

