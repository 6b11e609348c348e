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

/** The key as a table the key readers take back (Medlem; Invånare), with its date and source beside it (text, so never a weight). */
export function populationKeyRows(key: PopulationKey): CellInput[][] {
  return [
    ["Medlem", "Invånare", "Referensdatum", "Källa"],
    ...key.entries.map((e) => [e.member, e.inhabitants, formatIsoDate(e.referenceDate), e.code ? `${e.source} (region ${e.code})` : e.source]),
  ];
}
