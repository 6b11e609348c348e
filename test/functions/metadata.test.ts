import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { localizeFunctions } = require("../../scripts/localize-functions");

const DIST = join(__dirname, "..", "..", "dist");

interface Param { name: string; description: string; dimensionality?: string; optional?: boolean; type?: string }
interface Fn { id: string; name: string; description: string; parameters: Param[]; result: { dimensionality?: string; type?: string }; options?: Record<string, unknown> }

const EXPECTED: [id: string, sv: string, en: string[], sv: string[], result: "matrix" | "scalar"][] = [
  ["ALLOCATE", "FORDELA", ["amount", "weights", "equal_share", "decimals"], ["belopp", "vikter", "rak_andel", "decimaler"], "matrix"],
  ["KEYSHARE", "NYCKELANDEL", ["weights", "decimals"], ["vikter", "decimaler"], "matrix"],
  ["CONTRACTDIFF", "AVTALSDIFF", ["agreed", "invoiced"], ["avtalat", "fakturerat"], "matrix"],
  ["UPLIFT", "UPPRAKNA", ["amount", "percent", "years", "decimals"], ["belopp", "procent", "år", "decimaler"], "scalar"],
  ["INDEXADJUST", "INDEXERA", ["amount", "base_index", "new_index", "decimals"], ["belopp", "basindex", "nytt_index", "decimaler"], "scalar"],
  ["SPLITPERIODS", "PERIODISERA", ["amount", "periods", "decimals"], ["belopp", "perioder", "decimaler"], "matrix"],
  ["NOTICEDATE", "UPPSAGNINGSDAG", ["end_date", "notice_months"], ["slutdatum", "uppsägningstid_månader"], "scalar"],
  ["CONTRACTEND", "AVTALSSLUT", ["end_date", "renewal_months", "as_of"], ["slutdatum", "förlängning_månader", "per_datum"], "scalar"],
  ["SETTLE", "REGLERING", ["result", "weights", "decimals", "equal_share"], ["resultat", "vikter", "decimaler", "rak_andel"], "matrix"],
  ["CHECKTABLE", "TABELLKOLL", ["table", "rule"], ["tabell", "regel"], "matrix"],
  ["SAVINGS", "BESPARING", ["hours_one_member", "members", "hours_together", "hourly_cost", "as_share"], ["timmar_en_medlem", "antal_medlemmar", "timmar_tillsammans", "timkostnad", "som_andel"], "scalar"],
  ["CAPITALCOST", "KAPITALKOSTNAD", ["amount", "years", "interest_rate", "year_number", "decimals"], ["belopp", "avskrivningsår", "internränta", "år_nr", "decimaler"], "scalar"],
];

const load = (file: string): Fn[] => JSON.parse(readFileSync(join(DIST, file), "utf-8")).functions;

describe("built function metadata in dist/", () => {
  beforeAll(() => {
    if (!existsSync(join(DIST, "functions.json"))) throw new Error("dist/ is missing: run `npm run build` (npm test does it first)");
  });

  it.each(EXPECTED)("%s is present in English and Swedish with its parameters and result shape", (id, svName, enParams, svParams, result) => {
    const en = load("functions.json").find((f) => f.id === id)!;
    const sv = load("functions-sv.json").find((f) => f.id === id)!;
    expect(en.name).toBe(id);
    expect(sv.name).toBe(svName);
    expect(en.parameters.map((p) => p.name)).toEqual(enParams);
    expect(sv.parameters.map((p) => p.name)).toEqual(svParams);
    expect(en.result.dimensionality ?? "scalar").toBe(result);
    for (const p of [...en.parameters, ...sv.parameters]) expect(p.description.length).toBeGreaterThan(10);
    expect(sv.description).not.toBe(en.description);
  });

  it("the two files agree on ids, parameters, types, optionality and dimensionality", () => {
    const en = load("functions.json");
    const sv = load("functions-sv.json");
    const shape = (fns: Fn[]) => fns.map((f) => ({ id: f.id, result: f.result, options: f.options, parameters: f.parameters.map((p) => [p.type, p.dimensionality, p.optional]) }));
    expect(shape(sv)).toEqual(shape(en));
    expect(en.map((f) => f.id).sort()).toEqual(EXPECTED.map((e) => e[0]).sort());
  });
});

describe("localizeFunctions", () => {
  const english = { functions: [{ id: "X", name: "X", description: "x", parameters: [{ name: "a", description: "a" }], result: {} }] };
  it("fails when a function or parameter lacks a translation, or a translation has no function", () => {
    expect(() => localizeFunctions(english, {})).toThrow("X has no Swedish translation");
    expect(() => localizeFunctions(english, { X: { name: "IKS", description: "iks", parameters: {} } })).toThrow("parameter a has no Swedish translation");
    expect(() => localizeFunctions(english, { X: { name: "IKS", description: "iks", parameters: { a: { name: "å", description: "å" }, b: { name: "b", description: "b" } } } })).toThrow("translated parameter b");
    expect(() => localizeFunctions(english, { X: { name: "IKS", description: "iks", parameters: { a: { name: "å", description: "å" } } }, Y: {} })).toThrow("has Y");
  });
});

describe("the embedded engine's catalogue comes from the generated metadata", () => {
  it("metadata.json is what the JSDoc in functions.ts generates today (run `npm run metadata` after editing it)", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { generate, TARGET } = require("../../scripts/function-metadata");
    expect(readFileSync(TARGET, "utf-8")).toBe(await generate());
  }, 30_000);

  it("has every function with the arity and ranges of its metadata, and refuses a function without an implementation", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { FUNCTIONS, catalogueFrom } = require("../../src/functions/catalogue");
    expect(FUNCTIONS.map((f: { id: string; sv: string }) => [f.id, f.sv])).toEqual(EXPECTED.map(([id, sv]) => [id, sv]));
    const allocate = FUNCTIONS.find((f: { id: string }) => f.id === "ALLOCATE");
    expect([allocate.minArgs, allocate.maxArgs, allocate.rangeArgs]).toEqual([2, 4, [1]]);
    expect(FUNCTIONS.find((f: { id: string }) => f.id === "CONTRACTEND").volatile).toBe(true);
    expect(() => catalogueFrom({ functions: [{ id: "NEWFUNC", parameters: [] }] }, { NEWFUNC: { name: "NY" } })).toThrow("NEWFUNC");
  });
});

describe("data types", () => {
  it("are enabled in both metadata files, so date functions can return formatted numbers", () => {
    for (const file of ["functions.json", "functions-sv.json"]) expect(JSON.parse(readFileSync(join(DIST, file), "utf-8")).allowCustomDataForDataTypeAny).toBe(true);
  });
});

describe("help links", () => {
  it("every function has a helpUrl to its own section of the help page, in English and Swedish metadata", () => {
    const help = readFileSync(join(__dirname, "..", "..", "src", "help", "hjalp.html"), "utf-8");
    for (const file of ["functions.json", "functions-sv.json"]) {
      for (const fn of load(file)) {
        const url = (fn as Fn & { helpUrl?: string }).helpUrl;
        expect(url).toMatch(/^https:\/\/[^/]+\/hjalp\.html#[a-z]+$/);
        expect(help).toContain(`id="${url!.split("#")[1]}"`);
      }
    }
  });
  it("is rebased to the deployment's host by the build", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { rebaseHelpUrls } = require("../../scripts/localize-functions");
    const out = rebaseHelpUrls({ functions: [{ id: "A", helpUrl: "https://localhost:3000/hjalp.html#fordela" }, { id: "B" }] }, "https://localhost:3000/", "https://it.example.se/samkalk");
    expect(out.functions).toEqual([{ id: "A", helpUrl: "https://it.example.se/samkalk/hjalp.html#fordela" }, { id: "B" }]);
  });
});
