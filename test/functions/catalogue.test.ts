import { FUNCTIONS, catalogueFrom } from "../../src/functions/catalogue";
import { FunctionDefinition } from "../../src/functions/definition";
import { DEFINITIONS } from "../../src/functions/definitions";

/** The functions as a table for the embedded engine, from the metadata Excel gets and the definitions. */
const definition = (id: string, sv: string, parameters: string[], extra: Partial<FunctionDefinition> = {}): FunctionDefinition => ({
  id, run: () => 0, result: { kind: "scalar" }, sample: [], help: "",
  sv: { name: sv, description: "", parameters: Object.fromEntries(parameters.map((p) => [p, { name: `${p}_sv`, description: "" }])) },
  ...extra,
});

const DEFS = [definition("ALPHA", "ALFA", ["amount", "weights", "decimals"]), definition("BETA", "BETA_SV", ["end_date", "as_of"], { returnsDate: true })];
const META = {
  functions: [
    { id: "BETA", parameters: [{ name: "end_date" }, { name: "as_of", optional: true }], options: { volatile: true } },
    { id: "ALPHA", parameters: [{ name: "amount" }, { name: "weights", dimensionality: "matrix" }, { name: "decimals", optional: true, dimensionality: "scalar" }] },
  ],
};

describe("the catalogue of functions", () => {
  it("takes order, arity, ranges and volatility from the metadata, and the Swedish name and date result from the definitions", () => {
    const specs = catalogueFrom(META, DEFS).map(({ run, ...spec }) => spec);
    expect(specs).toEqual([
      { id: "BETA", sv: "BETA_SV", minArgs: 1, maxArgs: 2, rangeArgs: [], result: { kind: "scalar" }, volatile: true, returnsDate: true },
      { id: "ALPHA", sv: "ALFA", minArgs: 2, maxArgs: 3, rangeArgs: [1], result: { kind: "scalar" } },
    ]);
  });

  it("runs each function by its definition's body", () => {
    const run = jest.fn(() => 7);
    const [spec] = catalogueFrom({ functions: [META.functions[1]] }, [{ ...DEFS[0], run }]);
    expect(spec.run(1, [[2]])).toBe(7);
    expect(run).toHaveBeenCalledWith(1, [[2]]);
  });

  it("fails at load, naming every disagreement, when the metadata and the definitions do not match", () => {
    const renamed = [definition("ALPHA", "ALFA", ["amount", "weight", "decimals"]), DEFS[1], definition("GAMMA", "GAMMA", [])];
    expect(() => catalogueFrom(META, renamed)).toThrow(
      "SAMKALK-funktionerna går inte ihop med metadata.json: GAMMA har ingen JSDoc i functions.ts; ALPHA: parametrarna amount, weights, decimals i JSDoc men amount, weight, decimals i definitionen",
    );
  });

  it("holds every definition of the product once, under an id of ASCII capitals", () => {
    const ids = FUNCTIONS.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(DEFINITIONS.map((d) => d.id).sort());
    for (const f of FUNCTIONS) expect(f.id).toMatch(/^[A-Z]+$/);
    // Only the functions whose result is a date say so: UPPSAGNINGSDAG and AVTALSSLUT.
    expect(FUNCTIONS.filter((f) => f.returnsDate).map((f) => f.sv).sort()).toEqual(["AVTALSSLUT", "UPPSAGNINGSDAG"]);
  });
});
