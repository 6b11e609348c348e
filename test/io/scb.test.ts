import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readScbPopulation } from "../../src/io/scb";
import { populationAt, referenceDate } from "../../src/core/population";
import { formatIsoDate, makeDate } from "../../src/core/dates";
import { isDomainError } from "../../src/core/errors";
import fc from "fast-check";

const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, "../fixtures/scb", name)));
const MEMBERS = ["Bollnäs", "Ljusdal", "Ovanåker"];

describe("SCB population tables", () => {
  it("reads a JSON-stat2 response of the 1 November table and takes the figures at 1 November of the year before the key year", () => {
    const table = readScbPopulation(fixture("folkmangd-1-november.json"), "folkmangd-1-november.json");
    expect(table.figures).toHaveLength(8);
    const date = referenceDate("nov1-previous", 2026);
    expect(formatIsoDate(date)).toBe("2025-11-01");
    const key = populationAt(table, date, MEMBERS);
    expect(key.map((k) => [k.member, k.code, k.inhabitants.toFixed(), formatIsoDate(k.referenceDate)])).toEqual([
      ["Bollnäs", "2183", "26262", "2025-11-01"], ["Ljusdal", "2161", "18812", "2025-11-01"], ["Ovanåker", "2121", "11380", "2025-11-01"],
    ]);
    expect(key[0].source).toBe("SCB, Folkmängden den 1 november efter region och år (Folkmängd 1 november), 2025");
  });

  it("reads SCB's CSV (years in the headers) as 31 December figures", () => {
    const table = readScbPopulation(fixture("folkmangd-31-december.csv"), "folkmangd-31-december.csv");
    const key = populationAt(table, referenceDate("dec31-previous", 2025), ["2183", "Ljusdal", "2121 Ovanåker"]);
    expect(key.map((k) => [k.member, k.inhabitants.toFixed(), formatIsoDate(k.referenceDate), k.source])).toEqual([
      ["2183", "26279", "2024-12-31", "SCB, Folkmängd, 2024"], ["Ljusdal", "18853", "2024-12-31", "SCB, Folkmängd, 2024"], ["2121 Ovanåker", "11405", "2024-12-31", "SCB, Folkmängd, 2024"],
    ]);
  });

  it("reads the long CSV form with a title line, a time column and SCB's '..' for no figure", () => {
    const csv = "\"Folkmängden efter region och månad\"\n\n\"region\",\"månad\",\"Folkmängd\"\n\"2183 Bollnäs\",\"2025M10\",26265\n\"2161 Ljusdal\",\"2025M10\",..\n";
    const table = readScbPopulation(new TextEncoder().encode(csv), "m.csv");
    expect(table.figures.map((f) => [f.region, formatIsoDate(f.date), f.value.toFixed()])).toEqual([["Bollnäs", "2025-10-31", "26265"]]);
  });

  it("never stands in a figure from another date, and names the dates it has", () => {
    const table = readScbPopulation(fixture("folkmangd-31-december.csv"), "f.csv");
    expect(() => populationAt(table, makeDate(2025, 11, 1), ["Bollnäs"])).toThrow("Bollnäs har inget invånartal per 2025-11-01; tabellen har 2023-12-31, 2024-12-31");
    expect(() => populationAt(table, makeDate(2024, 12, 31), ["Dal"])).toThrow("Dal finns inte i befolkningstabellen");
  });

  it("refuses a table split by age or sex, and JSON that is not JSON-stat2", () => {
    const json = JSON.parse(readFileSync(join(__dirname, "../fixtures/scb/folkmangd-1-november.json"), "utf8"));
    json.id = ["Region", "Kon", "Tid"];
    json.dimension.Kon = { label: "kön", category: { index: { "1": 0, "2": 1 }, label: { "1": "män", "2": "kvinnor" } } };
    delete json.dimension.ContentsCode;
    json.role.metric = [];
    json.size = [4, 2, 2];
    json.value = Array.from({ length: 16 }, (_, i) => 5000 + i);
    expect(() => readScbPopulation(new TextEncoder().encode(JSON.stringify(json)), "k.json")).toThrow("tabellen har 2 värden för kön");
    expect(() => readScbPopulation(new TextEncoder().encode("{\"a\":1}"), "x.json")).toThrow("inte JSON-stat2");
  });
});

describe("SCB readers on arbitrary input", () => {
  const typed = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      if (!isDomainError(error)) throw error;
    }
  };
  const base = JSON.parse(readFileSync(join(__dirname, "../fixtures/scb/folkmangd-1-november.json"), "utf8"));

  it("answer broken JSON-stat2 (parts missing, wrong types, wrong sizes) with a typed error", () => {
    const mutation = fc.record({ path: fc.constantFrom("id", "size", "dimension", "value", "role", "dimension.Region", "dimension.Tid.category", "dimension.Tid.category.index", "dimension.Region.category.label", "label"), value: fc.oneof(fc.constant(null), fc.integer(), fc.string(), fc.array(fc.integer(), { maxLength: 3 }), fc.constant({}), fc.array(fc.string(), { maxLength: 3 })) });
    // One object in two places, as fc.constant({}) gives it: the case that once made a cycle.
    const shared = {};
    fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
      const json = JSON.parse(JSON.stringify(base));
      for (const { path, value } of mutations) {
        const keys = path.split(".");
        let target = json;
        for (const k of keys.slice(0, -1)) target = target && typeof target === "object" ? target[k] : undefined;
        // A copy each time: fc.constant({}) is one object, and putting it in twice made a cycle no JSON file can hold.
        if (target && typeof target === "object") target[keys[keys.length - 1]] = structuredClone(value);
      }
      typed(() => readScbPopulation(new TextEncoder().encode(JSON.stringify(json)), "f.json"));
    }), { numRuns: 300, examples: [[[{ path: "dimension", value: shared }, { path: "dimension.Region", value: shared }]]] });
  });

  it("answer arbitrary CSV text with figures or a typed error", () => {
    const field = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom("2183 Bollnäs", "2024", "2024M10", "Folkmängd 2024", "..", "region", "år", "12 345", "-5"));
    fc.assert(fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
      typed(() => readScbPopulation(new TextEncoder().encode(rows.map((r) => r.map((c) => `"${c.replace(/"/g, "")}"`).join(",")).join("\n")), "f.csv"));
    }), { numRuns: 300 });
  });
});
