import ExcelJS from "exceljs";
import fc from "fast-check";
import { evaluateArithmetic, parseArithmetic } from "../../src/app/nativeArithmetic";
import { formulaReferences } from "../../src/io/formulaReferences";
import { recalculateXlsx } from "../../src/app/recalculate";
import { ZipArchive } from "../../src/io/zipArchive";

const parse = (text: string) => parseArithmetic(text, formulaReferences(text));
const cells = (values: Record<string, number | null>) => (ref: { row: number; col: number }) => values[`${ref.col},${ref.row}`];

describe("plain arithmetic without the engine", () => {
  it("takes + - * /, signs and parentheses with Excel's precedence", () => {
    const read = cells({ "2,0": 10, "1,1": 4, "4,0": 0.5 });
    expect(evaluateArithmetic(parse("C1+B2")!, read)).toBe(14);
    expect(evaluateArithmetic(parse("-C1*2+B2/$E$1")!, read)).toBe(-12);
    expect(evaluateArithmetic(parse("(C1-B2)*-(1+1)")!, read)).toBe(-12);
    expect(evaluateArithmetic(parse("1.5E2 - +3")!, read)).toBe(147);
    expect(evaluateArithmetic(parse("D9+1")!, cells({ "3,8": null }))).toBe(1);
    expect(evaluateArithmetic(parse("ROUND(C1/3,2)")!, read)).toBe(3.33);
    expect(evaluateArithmetic(parse("-ROUND(-2.5, 0)+ROUND(1250,-2)")!, read)).toBe(1303);
    for (const text of ["ROUND(A1)", "ROUND(A1,1,2)", "ROUNDUP(A1,0)", "ROUND(A1,0", "A1,B1"]) expect(parse(text)).toBeNull();
    expect(evaluateArithmetic(parse("ROUND(C1,0.5)")!, read)).toBeUndefined();
  });

  it("tells the reader each cell's place among the formula's cells", () => {
    const formula = parse("-(C1+B2)*ROUND(C1/2,0)")!;
    const seen: [string, number][] = [];
    evaluateArithmetic(formula, (ref, index) => {
      seen.push([`${ref.col},${ref.row}`, index]);
      expect(formula.cells[index]).toBe(ref);
      return 4;
    });
    expect(seen).toEqual([["2,0", 0], ["1,1", 1], ["2,0", 2]]);
  });

  it("refuses anything more: functions, ranges, text, comparisons, powers, names, percent", () => {
    for (const text of ["SUM(A1:A3)", "A1:A3", "\"1\"+1", "A1>1", "A1^2", "Moms*A1", "A1%", "A1&B1", "(A1", "A1)", "A1 B1", "*A1", "A1+"]) expect(parse(text)).toBeNull();
  });

  it("leaves to the engine what it would answer otherwise: division by zero, text, errors, overflow", () => {
    expect(evaluateArithmetic(parse("A1/B1")!, cells({ "0,0": 1, "1,0": 0 }))).toBeUndefined();
    expect(evaluateArithmetic(parse("A1+1")!, () => undefined)).toBeUndefined();
    expect(evaluateArithmetic(parse("A1*A1")!, cells({ "0,0": 1e200 }))).toBeUndefined();
  });
});

/** A FORDELA spill with a column of arithmetic over it: the shape of a running total. */
async function chainWorkbook(weights: (number | null)[], formulas: string[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Blad1");
  weights.forEach((w, i) => (ws.getCell(i + 1, 1).value = w));
  ws.getCell(1, 2).value = { formula: `SAMKALK.FORDELA(1000003,A1:A${weights.length})` } as ExcelJS.CellFormulaValue;
  formulas.forEach((f, i) => (ws.getCell(i + 1, 3).value = { formula: f } as ExcelJS.CellFormulaValue));
  ws.getCell(1, 5).value = 7;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const sheetXml = (bytes: Uint8Array) => Buffer.from(ZipArchive.open(bytes, "x.xlsx").read("xl/worksheets/sheet1.xml")).toString("utf-8");

describe("recalc computes plain arithmetic dependents as the engine does", () => {
  it("gives the same file with and without the engine for random chains over a spill (property)", async () => {
    const term = (i: number) => fc.constantFrom(`B${i}`, `A${i}`, `$E$1`, "3", "0.1", i > 1 ? `C${i - 1}` : "2");
    const row = (i: number) => fc.tuple(term(i), fc.constantFrom("+", "-", "*", "/"), term(i), fc.constantFrom("+", "-"), term(i), fc.boolean()).map(([a, op, b, op2, c, neg]) => `${neg ? "-" : ""}(${a}${op}${b})${op2}${c}`);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 12 }).chain((n) => fc.tuple(fc.array(fc.option(fc.integer({ min: 1, max: 50_000 }), { nil: null }), { minLength: n, maxLength: n }).filter((w) => w.some((x) => x !== null)), fc.tuple(...Array.from({ length: n }, (_, i) => row(i + 1))))), async ([weights, formulas]) => {
        const bytes = await chainWorkbook(weights, formulas);
        const native = recalculateXlsx(bytes, "a.xlsx");
        const engine = recalculateXlsx(bytes, "a.xlsx", { nativeArithmetic: false });
        expect(sheetXml(native.bytes)).toBe(sheetXml(engine.bytes));
        expect(native.warnings).toEqual(engine.warnings);
      }),
      { numRuns: 25 },
    );
  }, 60_000);

  it("gives the same file with and without the engine for --values-only ROUND formulas over a SUM helper (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 }), fc.integer({ min: -2, max: 3 }), async (weights, places) => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet("Blad1");
        weights.forEach((w, i) => {
          ws.getCell(i + 1, 1).value = w;
          ws.getCell(i + 1, 2).value = { formula: `ROUND(A${i + 1}/$E$2*123456789,${places})` } as ExcelJS.CellFormulaValue;
        });
        ws.getCell(2, 5).value = { formula: `SUM(A1:A${weights.length})` } as ExcelJS.CellFormulaValue;
        const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
        const native = recalculateXlsx(bytes, "v.xlsx", { valuesOnly: true });
        const engine = recalculateXlsx(bytes, "v.xlsx", { valuesOnly: true, nativeArithmetic: false });
        expect(sheetXml(native.bytes)).toBe(sheetXml(engine.bytes));
        expect(native.evaluated).toBe(weights.length + 1);
      }),
      { numRuns: 30 },
    );
  }, 60_000);

  it("gives the same file with and without the engine for shared formulas filled down and across (property)", async () => {
    const term = fc.constantFrom("B1", "$B1", "B$1", "$B$1", "A2", "C1", "$E$1", "2");
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 9 }), fc.tuple(term, fc.constantFrom("+", "-", "*"), term), async (n, [a, op, b]) => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet("Blad1");
        for (let r = 1; r <= n; r++) ws.getCell(r, 1).value = r * 3;
        ws.getCell(1, 2).value = { formula: `SAMKALK.FORDELA(1000,A1:A${n})` } as ExcelJS.CellFormulaValue;
        ws.getCell(1, 5).value = 7;
        // A block of shared formulas from C2 to D(n): moved down and across from its master.
        ws.getCell(2, 3).value = { formula: `${a}${op}${b}`, shareType: "shared", ref: `C2:D${n}` } as unknown as ExcelJS.CellFormulaValue;
        for (let r = 2; r <= n; r++) for (const col of [3, 4]) if (r !== 2 || col !== 3) ws.getCell(r, col).value = { sharedFormula: "C2" } as unknown as ExcelJS.CellSharedFormulaValue;
        const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
        expect(sheetXml(bytes)).toContain('t="shared"');
        const native = recalculateXlsx(bytes, "d.xlsx");
        const engine = recalculateXlsx(bytes, "d.xlsx", { nativeArithmetic: false });
        expect(sheetXml(native.bytes)).toBe(sheetXml(engine.bytes));
        expect(native.warnings).toEqual(engine.warnings);
      }),
      { numRuns: 40 },
    );
  }, 60_000);

  it("runs a 2 000-link running total to the exact sum of the parts", async () => {
    const n = 2_000;
    const bytes = await chainWorkbook(Array.from({ length: n }, (_, i) => (i % 7) + 1), Array.from({ length: n }, (_, i) => (i === 0 ? "B1" : `C${i}+B${i + 1}`)));
    const xml = sheetXml(recalculateXlsx(bytes, "lang.xlsx").bytes);
    expect(xml).toMatch(new RegExp(`<c r="C${n}"[^>]*><f>C${n - 1}\\+B${n}</f><v>1000003</v>`));
  });
});
