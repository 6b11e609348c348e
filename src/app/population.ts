import { CellInput } from "../core/cells";
import { CivilDate, formatIsoDate } from "../core/dates";
import { PopulationKeyEntry, PopulationTable, populationAt } from "../core/population";
import { readScbPopulation } from "../io/scb";

export interface PopulationKey {
  table: PopulationTable;
  entries: PopulationKeyEntry[];
}

/**
 * The key by inhabitants from an SCB export: each member's figure at the agreement's reference
 * date, with the table and time it came from, so the key says which figure it used.
 */
export function populationKey(bytes: Uint8Array, file: string, date: CivilDate, members?: readonly string[]): PopulationKey {
  const table = readScbPopulation(bytes, file);
  return { table, entries: populationAt(table, date, members) };
}

/**
 * The key in the Nyckel table's long form (Nyckel; Drivare; Referensdatum; Medlem; Invånare), so
 * it can be pasted or imported as a key version that carries its reference date, with the source
 * of each figure beside it (text, so never a weight). `samkalk allocate --key` reads it as well.
 */
export function populationKeyRows(key: PopulationKey, version = `Invånare ${key.entries[0] ? formatIsoDate(key.entries[0].referenceDate) : ""}`.trim()): CellInput[][] {
  return [
    ["Nyckel", "Drivare", "Referensdatum", "Medlem", "Invånare", "Källa"],
    ...key.entries.map((e) => [version, "Invånare", formatIsoDate(e.referenceDate), e.member, e.inhabitants, e.code ? `${e.source} (region ${e.code})` : e.source]),
  ];
}
