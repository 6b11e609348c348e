import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { localizeFunctions } = require("../../scripts/localize-functions");

import sourceMetadata from "../../src/functions/metadata.json";
import { DEFINITIONS, catalogueProblems } from "../../src/functions/definitions";
import { README_BEGIN, README_END, helpSections, readmeFunctionTable, swedishMetadataText, withBlock, withHelpSections } from "../../src/functions/functionDocs";

const DIST = join(__dirname, "..", "..", "dist");

interface Param { name: string; description: string; dimensionality?: string; optional?: boolean; type?: string }
interface Fn { id: string; name: string; description: string; parameters: Param[]; result: { dimensionality?: string; type?: string }; options?: Record<string, unknown> }

/** Ids and Swedish names already in workbooks: they never change (new functions are added, never renamed). */
const STABLE: [id: string, sv: string][] = [
  ["ALLOCATE", "FORDELA"], ["KEYSHARE", "NYCKELANDEL"], ["CONTRACTDIFF", "AVTALSDIFF"], ["UPLIFT", "UPPRAKNA"],
  ["INDEXADJUST", "INDEXERA"], ["SPLITPERIODS", "PERIODISERA"], ["NOTICEDATE", "UPPSAGNINGSDAG"], ["CONTRACTEND", "AVTALSSLUT"],
  ["SETTLE", "REGLERING"], ["CHECKTABLE", "TABELLKOLL"], ["SAVINGS", "BESPARING"], ["CAPITALCOST", "KAPITALKOSTNAD"],
];

/** What the built files must hold, from the sources: English from the JSDoc's metadata, Swedish from the definitions. */
const EXPECTED: [id: string, sv: string, en: string[], sv: string[], result: "matrix" | "scalar"][] = sourceMetadata.functions.map((f) => {
  const d = DEFINITIONS.find((x) => x.id === f.id)!;
  const names = f.parameters.map((p) => p.name);
  return [f.id, d.sv.name, names, names.map((n) => d.sv.parameters[n].name), (f.result as { dimensionality?: string }).dimensionality === "matrix" ? "matrix" : "scalar"];
});

describe("the function list", () => {
  it("keeps every id and Swedish name that workbooks already use", () => {
    for (const [id, sv] of STABLE) expect(EXPECTED.find((e) => e[0] === id)?.[1]).toBe(sv);
  });
  it("has a definition for every function of the JSDoc and no other", () => {
    expect(catalogueProblems(sourceMetadata, DEFINITIONS)).toEqual([]);
    expect(catalogueProblems(sourceMetadata, [...DEFINITIONS, { ...DEFINITIONS[0], id: "NEWFUNC" }])).toEqual(["NEWFUNC har ingen JSDoc i functions.ts"]);
  });
});

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
  it("metadata.json, translations.sv.json and the help page's functions are what `npm run metadata` writes today", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { generate, TARGET, SWEDISH, HELP, README } = require("../../scripts/function-metadata");
    const metadataText = await generate();
    expect(readFileSync(TARGET, "utf-8")).toBe(metadataText);
    expect(readFileSync(SWEDISH, "utf-8")).toBe(swedishMetadataText(DEFINITIONS));
    const help = readFileSync(HELP, "utf-8");
    expect(help).toBe(withHelpSections(help, helpSections(JSON.parse(metadataText), DEFINITIONS)));
    const readme = readFileSync(README, "utf-8");
    expect(readme).toBe(withBlock(readme, README_BEGIN, README_END, readmeFunctionTable(JSON.parse(metadataText), DEFINITIONS), "README.md"));
  }, 30_000);

  it("has every function with the arity and ranges of its metadata, and refuses a function without an implementation", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { FUNCTIONS, catalogueFrom } = require("../../src/functions/catalogue");
    expect(FUNCTIONS.map((f: { id: string; sv: string }) => [f.id, f.sv])).toEqual(EXPECTED.map(([id, sv]) => [id, sv]));
    const allocate = FUNCTIONS.find((f: { id: string }) => f.id === "ALLOCATE");
    expect([allocate.minArgs, allocate.maxArgs, allocate.rangeArgs]).toEqual([2, 4, [1]]);
    expect(FUNCTIONS.find((f: { id: string }) => f.id === "CONTRACTEND").volatile).toBe(true);
    expect(() => catalogueFrom({ functions: [...sourceMetadata.functions, { id: "NEWFUNC", parameters: [] }] }, DEFINITIONS)).toThrow("NEWFUNC har ingen definition");
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
