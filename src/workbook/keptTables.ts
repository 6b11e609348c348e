import { DomainError } from "../core/errors";

/**
 * The tables a sheet write never deletes (the user's model tables): a target sheet, or a sheet of
 * an earlier run to remove, that holds one is refused in Swedish before anything is written. Both
 * ports check it in the round trip that already reads the sheets, so the guard costs no extra
 * request to Excel.
 */
export function refuseKeptTables(sheetTables: readonly { sheet: string; table: string }[], keep: readonly string[] | undefined): void {
  if (!keep || keep.length === 0) return;
  const kept = new Set(keep.map((n) => n.toLowerCase()));
  const held = sheetTables.find((t) => kept.has(t.table.toLowerCase()));
  if (held) {
    throw new DomainError("INVALID_ARGUMENT", `bladet ${held.sheet} har tabellen ${held.table}, som Samkalk aldrig skriver över; flytta tabellen till ett annat blad eller byt namn på bladet, så skrivs resultatet`, { sheet: held.sheet, table: held.table });
  }
}
