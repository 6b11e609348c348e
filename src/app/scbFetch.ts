import { CivilDate } from "../core/dates";
import { DomainError } from "../core/errors";
import { PopulationKey, populationKey } from "./population";

/**
 * SCB's open statistical database, PxWebApi 2.0: table TAB638 is the population by region at 31
 * December each year (content BE0101N1, Folkmängd), answered as JSON-stat2 — the format the file
 * import reads too. The one outside origin the pages may reach (their CSP names it, nothing else).
 */
export const SCB_ORIGIN = "https://statistikdatabasen.scb.se";
export const SCB_POPULATION_URL = `${SCB_ORIGIN}/api/v2/tables/TAB638/data?lang=sv&outputFormat=json-stat2`;

/** The request for every region's population at the end of `year`; civil status, age and sex are left out, so SCB gives their totals. */
export function scbPopulationQuery(year: number) {
  return { selection: [{ variableCode: "Region", valueCodes: ["*"] }, { variableCode: "ContentsCode", valueCodes: ["BE0101N1"] }, { variableCode: "Tid", valueCodes: [String(year)] }] };
}

/** What the pane needs of `fetch`: tests hand in a stand-in that answers with a stored response. */
export type Fetcher = (url: string, init: { method: "POST"; headers: Record<string, string>; body: string; signal?: AbortSignal }) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

/**
 * Each member's population at the reference date, fetched from SCB. Only 31 December can be
 * fetched (TAB638 is yearly); for 1 November the user downloads SCB's monthly table and imports
 * it as a file. Offline or refused, the message says what to do instead; nothing is guessed.
 */
export async function fetchScbPopulationKey(fetcher: Fetcher, date: CivilDate, members: readonly string[], signal?: AbortSignal): Promise<PopulationKey> {
  if (date.month !== 12 || date.day !== 31) {
    throw new DomainError("INVALID_ARGUMENT", "SCB:s tabell över folkmängden gäller 31 december; för 1 november: hämta SCB:s månadstabell som fil på scb.se och importera den");
  }
  let text: string;
  try {
    const answer = await fetcher(SCB_POPULATION_URL, { method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" }, body: JSON.stringify(scbPopulationQuery(date.year)), signal });
    if (!answer.ok) {
      throw new DomainError("INVALID_ARGUMENT", answer.status === 429 ? "SCB tar emot för många frågor just nu; försök igen om en minut" : `SCB svarade med fel ${answer.status}; försök igen senare, eller hämta tabellen som fil på scb.se och importera den`);
    }
    text = await answer.text();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if ((error as { name?: string }).name === "AbortError") throw error;
    throw new DomainError("INVALID_ARGUMENT", "SCB kunde inte nås (är datorn ansluten till internet?); hämta tabellen som fil på scb.se och importera den i stället");
  }
  return populationKey(new TextEncoder().encode(text), "SCB, tabell TAB638", date, members);
}
