import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Fetcher, SCB_POPULATION_URL, fetchScbPopulationKey, scbPopulationQuery } from "../../src/app/scbFetch";
import { makeDate } from "../../src/core/dates";

/** SCB's open API, tested offline against a response in the format PxWebApi 2.0 documents. */
const STORED = readFileSync(join(__dirname, "..", "fixtures", "scb", "tab638-2025.json"), "utf8");
const answering = (status: number, body: string): Fetcher & { calls: Parameters<Fetcher>[] } => {
  const calls: Parameters<Fetcher>[] = [];
  const fetcher = (async (...args: Parameters<Fetcher>) => {
    calls.push(args);
    return { ok: status >= 200 && status < 300, status, text: async () => body };
  }) as Fetcher & { calls: Parameters<Fetcher>[] };
  fetcher.calls = calls;
  return fetcher;
};

describe("the population from SCB's open API", () => {
  it("asks TAB638 for every region's population at the year's end, and takes each member's figure at 31 December", async () => {
    const fetcher = answering(200, STORED);
    const key = await fetchScbPopulationKey(fetcher, makeDate(2025, 12, 31), ["Bollnäs", "Ljusdal"]);
    expect(key.entries.map((e) => [e.member, e.inhabitants.toNumber(), e.code])).toEqual([["Bollnäs", 26251, "2183"], ["Ljusdal", 18807, "2161"]]);
    expect(key.entries[0].source).toContain("SCB");
    const [url, init] = fetcher.calls[0];
    expect(url).toBe(SCB_POPULATION_URL);
    expect(init.method).toBe("POST");
    expect(JSON.parse(init.body)).toEqual(scbPopulationQuery(2025));
  });

  it("says what to do, in Swedish, offline, on an error answer, and for a date the table does not have", async () => {
    const offline: Fetcher = async () => {
      throw new TypeError("Failed to fetch");
    };
    await expect(fetchScbPopulationKey(offline, makeDate(2025, 12, 31), ["Bollnäs"])).rejects.toThrow("SCB kunde inte nås (är datorn ansluten till internet?)");
    await expect(fetchScbPopulationKey(answering(503, ""), makeDate(2025, 12, 31), ["Bollnäs"])).rejects.toThrow("SCB svarade med fel 503");
    await expect(fetchScbPopulationKey(answering(429, ""), makeDate(2025, 12, 31), ["Bollnäs"])).rejects.toThrow("för många frågor");
    await expect(fetchScbPopulationKey(answering(200, STORED), makeDate(2025, 11, 1), ["Bollnäs"])).rejects.toThrow("gäller 31 december");
    // A member SCB's answer does not have is refused, never given another figure.
    await expect(fetchScbPopulationKey(answering(200, STORED), makeDate(2025, 12, 31), ["Ask"])).rejects.toThrow("Ask finns inte i befolkningstabellen");
  });
});
