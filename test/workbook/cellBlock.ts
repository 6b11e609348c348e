import type { CellInput } from "../../src/core/cells";

/**
 * A block of cells as the tests type them ("=…" a formula in the engine's syntax, "'…" text),
 * placed from a corner, for EmbeddedWorkbook.setCells.
 */
export function cellBlock(sheet: string, row: number, col: number, rows: readonly (readonly (string | number | boolean | null)[])[]): { sheet: string; row: number; col: number; input: CellInput }[] {
  return rows.flatMap((line, r) => line.map((v, c) => ({ sheet, row: row + r, col: col + c, input: typeof v === "string" && v.startsWith("=") ? { formula: v } : typeof v === "string" && v.startsWith("'") ? v.slice(1) : v })));
}
