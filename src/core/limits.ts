/**
 * Documented maximums. Beyond them Samkalk stops with a clear error instead of freezing Excel or
 * the browser; README "Säkerhet och felhantering" lists them.
 */
export const LIMITS = {
  /** Size of a CSV or xlsx file to import or open. */
  fileBytes: 64 * 1024 * 1024,
  /** Data rows in one import. */
  importRows: 250_000,
  /** Cells in one weights range of FORDELA, NYCKELANDEL or REGLERING. */
  functionCells: 200_000,
  /** Excel's own limit for the text of one cell. */
  cellText: 32_767,
  /** Total uncompressed size of an xlsx file, and how much more than its packed size it may be. */
  xlsxUnpackedBytes: 512 * 1024 * 1024,
  xlsxRatio: 200,
  /** How long reading one xlsx file may take (seconds), and one recalculation. */
  xlsxParseSeconds: 60,
  recalcSeconds: 300,
} as const;
