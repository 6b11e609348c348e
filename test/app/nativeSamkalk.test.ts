import ExcelJS from "exceljs";
import fc from "fast-check";
import { evaluateSamkalkCall, parseSamkalkCall } from "../../src/app/nativeSamkalk";
import { formulaReferences } from "../../src/io/formulaReferences";
import { recalculateXlsx } from "../../src/app/recalculate";
import { ZipArchive } from "../../src/io/zipArchive";
import { EmbeddedWorkbook } from "../../src/workbook/embeddedWorkbook";

const parse = (text: string) => parseSamkalkCall(text, formulaReferences(text));
const grid = (values: Record<string, number | null | undefined>) => (sheet: string | null, row: number, col: number) => values[`${sheet ?? ""}!${col},${row}`] ?? null;

describe("a SAMKALK call over constants, without the engine", () => {
  it("reads a call of literals, left-out arguments and references, by English or Swedish name", () => {
    const call = parse("SAMKALK.FORDELA(1000, B2:B4, , 2)")!;
    expect(call.spec.id).toBe("ALLOCATE");
    expect(call.args.map((a) => a.kind)).toEqual(["number", "reference", "empty", "number"]);
    expect(parse("_xldudf_SAMKALK_ALLOCATE(-5.5E2,'Mitt blad'!A1:A3)")!.args[0]).toEqual({ kind: "number", value: -550 });
    expect(parse("samkalk.nyckelandel(A1:A3)")!.spec.id).toBe("KEYSHARE");
  });

  it("leaves everything else to the engine: expressions, functions, names, text, whole columns, wrong arity", () => {
    for (const text of ["SAMKALK.FORDELA(100*2,A1:A3)", "SAMKALK.FORDELA(SUM(A1:A3),A1:A3)", "SAMKALK.FORDELA(Belopp,A1:A3)", 'SAMKALK.FORDELA("100",A1:A3)', "SAMKALK.FORDELA(100,A:A)", "SAMKALK.FORDELA(100)", "SAMKALK.FORDELA(100,A1:A3)+1", "SAMKALK.OKAND(1)", "SAMKALK.FORDELA(100,A1:A3,0,0,0)", "SAMKALK.FORDELA(100,[1]Blad!A1:A3)"]) {
      expect(parse(text)).toBeNull();
    }
  });

  it("computes parts in the weights' shape that sum exactly, as the function's own body does", () => {
    const result = evaluateSamkalkCall(parse("SAMKALK.FORDELA(100,A1:A3)")!, grid({ "!0,0": 1, "!0,1": 1, "!0,2": 1 }));
    expect(result).toEqual({ kind: "array", values: [[34], [33], [33]] });
    const row = evaluateSamkalkCall(parse("SAMKALK.FORDELA(10,Blad2!A1:C1,,2)")!, grid({ "Blad2!0,0": 1, "Blad2!2,0": 3 }));
    expect(row).toEqual({ kind: "array", values: [[2.5, 0, 7.5]] });
  });

  it("answers null where the engine must: text or a formula among the cells, an error in the body, a single-cell result", () => {
    const call = parse("SAMKALK.FORDELA(100,A1:A2)")!;
    expect(evaluateSamkalkCall(call, (_, row) => (row === 0 ? 1 : undefined))).toBeNull();
    expect(evaluateSamkalkCall(call, () => null)).toBeNull(); // no weight at all: #VALUE! with a message
    expect(evaluateSamkalkCall(call, () => -1)).toBeNull();
    expect(evaluateSamkalkCall(parse("SAMKALK.FORDELA(100,A1)")!, () => 1)).toBeNull();
    expect(evaluateSamkalkCall(parse("SAMKALK.FORDELA(A1:A2,A1:A2)")!, () => 1)).toBeNull();
  });
});

const sheetXml = (bytes: Uint8Array, n = 1) => Buffer.from(ZipArchive.open(bytes, "x.xlsx").read(`xl/worksheets/sheet${n}.xml`)).toString("utf-8");

type Weight = number | string | null;

/** Two sheets: weights in A (some text, some empty), SAMKALK calls in B and D, something in the way now and then, a chain over the parts. */
async function workbook(weights: Weight[], calls: string[], blocker: number | null, chain: boolean): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Blad1");
  const other = wb.addWorksheet("Vikter");
  weights.forEach((w, i) => {
    ws.getCell(i + 1, 1).value = w;
    other.getCell(i + 1, 1).value = typeof w === "number" ? w * 2 : w;
  });
  calls.forEach((formula, i) => (ws.getCell(1, 2 + 2 * i).value = { formula } as ExcelJS.CellFormulaValue));
  if (blocker !== null) ws.getCell(blocker + 2, 2).value = "i vägen";
  if (chain) weights.forEach((_, i) => (ws.getCell(i + 1, 3).value = { formula: i === 0 ? "B1" : `C${i}+B${i + 1}` } as ExcelJS.CellFormulaValue));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("recalc computes SAMKALK calls over constants as the engine does", () => {
  it("gives the same file with and without the engine (property)", async () => {
    const weight = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 50_000 }) }, fc.constant(null), fc.constant("x"), fc.double({ min: 0, max: 1000, noNaN: true }), fc.constant(-1));
    const call = (n: number) =>
      fc.constantFrom(
        `SAMKALK.FORDELA(123456789,A1:A${n})`,
        `SAMKALK.FORDELA(1000,A1:A${n},0.5,2)`,
        `SAMKALK.FORDELA(-100,Vikter!A1:A${n})`,
        `SAMKALK.NYCKELANDEL(A1:A${n})`,
        `SAMKALK.REGLERING(5000,A2:A${n})`,
        `SAMKALK.FORDELA(100,B1:B${n})`,
        `SAMKALK.FORDELA(A1,A1:A${n})`,
        `SAMKALK.FORDELA(100,A1:A${n})*2`,
      );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 10 }).chain((n) => fc.tuple(fc.array(weight, { minLength: n, maxLength: n }), fc.array(call(n), { minLength: 1, maxLength: 2 }), fc.option(fc.integer({ min: 0, max: n }), { nil: null }), fc.boolean())),
        async ([weights, calls, blocker, chain]) => {
          const bytes = await workbook(weights, calls, blocker, chain);
          for (const valuesOnly of [false, true]) {
            const native = recalculateXlsx(bytes, "a.xlsx", { valuesOnly });
            const engine = recalculateXlsx(bytes, "a.xlsx", { valuesOnly, nativeSamkalk: false });
            expect(sheetXml(native.bytes)).toBe(sheetXml(engine.bytes));
            expect([native.warnings, native.blockedSpills, native.written, native.evaluated]).toEqual([engine.warnings, engine.blockedSpills, engine.written, engine.evaluated]);
            if (valuesOnly) continue;
            // Once more on the file as recalc left it: array formulas with their cached spills, as Excel saves them.
            const again = [recalculateXlsx(native.bytes, "b.xlsx"), recalculateXlsx(native.bytes, "b.xlsx", { nativeSamkalk: false })];
            expect(sheetXml(again[0].bytes)).toBe(sheetXml(again[1].bytes));
            expect(again[0].written).toBe(again[1].written);
          }
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);

  it("builds no engine for FORDELA over weights and plain arithmetic over its parts", async () => {
    const built = jest.spyOn(EmbeddedWorkbook, "fromSnapshot");
    try {
      const bytes = await workbook([5, 3, 2], ["SAMKALK.FORDELA(1000,A1:A3)"], null, true);
      const xml = sheetXml(recalculateXlsx(bytes, "k.xlsx").bytes);
      expect(xml).toMatch(/<c r="C3"[^>]*><f>C2\+B3<\/f><v>1000<\/v>/);
      expect(built).not.toHaveBeenCalled();
      recalculateXlsx(bytes, "k.xlsx", { nativeSamkalk: false });
      expect(built).toHaveBeenCalledTimes(1);
    } finally {
      built.mockRestore();
    }
  });

  it("writes the parts of FORDELA over weights, and a SUM of them, which the engine computes from the parts", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Blad1");
    [3, 1, 1].forEach((w, i) => (ws.getCell(i + 1, 1).value = w));
    ws.getCell(1, 2).value = { formula: "SAMKALK.FORDELA(100,A1:A3)" } as ExcelJS.CellFormulaValue;
    ws.getCell(1, 4).value = { formula: "SUM(B1:B3)" } as ExcelJS.CellFormulaValue;
    const xml = sheetXml(recalculateXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), "s.xlsx").bytes);
    expect(xml).toMatch(/<c r="B1"[^>]*><f t="array" ref="B1:B3">SAMKALK.ALLOCATE\(100,A1:A3\)<\/f><v>60<\/v>/);
    expect(xml).toMatch(/<c r="B2"[^>]*><v>20<\/v>/);
    expect(xml).toMatch(/<c r="D1"[^>]*><f>SUM\(B1:B3\)<\/f><v>100<\/v>/);
  });
});
