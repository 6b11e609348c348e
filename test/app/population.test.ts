import { readFileSync } from "node:fs";
import { join } from "node:path";
import { populationKey, populationKeyRows } from "../../src/app/population";
import { makeDate } from "../../src/core/dates";
import { toAmount } from "../../src/core/money";

/** SCB's "Folkmängden den 1 november" for four municipalities, 2024 and 2025 (synthetic values). */
const NOVEMBER = new Uint8Array(readFileSync(join(__dirname, "../fixtures/scb/folkmangd-1-november.json")));
/** How io/scb titles this table (its label and what it counts): the source every key line names. */
const TITLE = "SCB, Folkmängden den 1 november efter region och år (Folkmängd 1 november)";

describe("a key by inhabitants from an SCB export", () => {
  it("takes each member's figure at the reference date, in the members' order, with where it came from", () => {
    const key = populationKey(NOVEMBER, "f.json", makeDate(2024, 11, 1), ["Ljusdal", "Bollnäs"]);
    expect(`${key.table.source}, ${key.table.title}`).toBe(TITLE);
    expect(key.entries).toEqual([
      { member: "Ljusdal", code: "2161", inhabitants: toAmount(18_870), referenceDate: makeDate(2024, 11, 1), source: `${TITLE}, 2024` },
      { member: "Bollnäs", code: "2183", inhabitants: toAmount(26_290), referenceDate: makeDate(2024, 11, 1), source: `${TITLE}, 2024` },
    ]);
  });

  it("without a member list takes every region the table has at that date", () => {
    const key = populationKey(NOVEMBER, "f.json", makeDate(2025, 11, 1));
    expect(key.entries.map((e) => [e.member, e.inhabitants.toNumber()])).toEqual([["Ovanåker", 11_380], ["Ljusdal", 18_812], ["Bollnäs", 26_262], ["Hudiksvall", 37_712]]);
  });

  it("refuses a date the table has no figure for rather than stand in another date's, naming the dates it has", () => {
    // The November table's years are 1 November figures, never 31 December.
    expect(() => populationKey(NOVEMBER, "f.json", makeDate(2024, 12, 31), ["Bollnäs"])).toThrow("Bollnäs har inget invånartal per 2024-12-31; tabellen har 2024-11-01, 2025-11-01");
    expect(() => populationKey(NOVEMBER, "f.json", makeDate(2024, 11, 1), ["Gävle"])).toThrow("Gävle finns inte i befolkningstabellen");
  });
});

describe("the key in the Nyckel table's long form", () => {
  const key = populationKey(NOVEMBER, "f.json", makeDate(2025, 11, 1), ["Bollnäs", "Ovanåker"]);

  it("is one version named after its reference date, with each figure's source and region code as text", () => {
    expect(populationKeyRows(key)).toEqual([
      ["Nyckel", "Drivare", "Referensdatum", "Medlem", "Invånare", "Källa"],
      ["Invånare 2025-11-01", "Invånare", "2025-11-01", "Bollnäs", toAmount(26_262), `${TITLE}, 2025 (region 2183)`],
      ["Invånare 2025-11-01", "Invånare", "2025-11-01", "Ovanåker", toAmount(11_380), `${TITLE}, 2025 (region 2121)`],
    ]);
  });

  it("takes the version name it is given", () => {
    expect(populationKeyRows(key, "Invånare enligt avtal").slice(1).map((r) => r[0])).toEqual(["Invånare enligt avtal", "Invånare enligt avtal"]);
  });

  it("leaves out the region when the export has names only", () => {
    const named = { ...key, entries: key.entries.map((e) => ({ ...e, code: "" })) };
    expect(populationKeyRows(named)[1][5]).toBe(`${TITLE}, 2025`);
  });
});
