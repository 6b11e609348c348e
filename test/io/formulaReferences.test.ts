import fc from "fast-check";
import { formulaReferences, generalReferences, referenceText, shiftFormula } from "../../src/io/formulaReferences";

/** References read from formula text as files hold it. */
describe("formula references", () => {
  const refs = (f: string) => formulaReferences(f).references.map((r) => referenceText(r));
  const names = (f: string) => formulaReferences(f).names.map((n) => n.name);

  it("finds cells, ranges, whole columns and rows, sheet-qualified and quoted", () => {
    expect(refs("SUM(A1:B2)+$C$3*'Blad 2'!D4-Data!E:E+2:2")).toEqual(["A1:B2", "$C$3", "'Blad 2'!D4", "Data!E:E", "2:2"]);
  });

  it("does not take function names, strings, numbers or error literals for references", () => {
    expect(refs('LOG10(A1)&"B2"&1E2&SAMKALK.ALLOCATE(100,B2:B5)&#REF!')).toEqual(["A1", "B2:B5"]);
    expect(names('IF(TRUE,Vikter,_xlfn.CONCAT("a"))')).toEqual(["Vikter"]);
  });

  it("marks what cannot be followed", () => {
    expect(formulaReferences("[1]Blad1!A1").unsupported).toBe("extern länk till en annan arbetsbok");
    expect(formulaReferences("SUM(Tabell1[Pris])").unsupported).toBe("strukturerad tabellreferens");
    expect(formulaReferences("SUM(Blad1:Blad3!A1)").unsupported).toBe("referens över flera blad (3D)");
  });

  it("moves a shared formula the way Excel does: relative parts follow, $ parts stay, off the sheet is #REF!", () => {
    const f = "ROUND(B2/$E$2*C$1+$A3,0)&SUM(D:D)";
    expect(shiftFormula(f, formulaReferences(f), 3, 1)).toBe("ROUND(C5/$E$2*D$1+$A6,0)&SUM(E:E)");
    expect(shiftFormula("A2", formulaReferences("A2"), -2, 0)).toBe("#REF!");
  });
});

describe("formula references, properties", () => {
  const fc = require("fast-check") as typeof import("fast-check");
  const column = fc.integer({ min: 0, max: 200 }).map((c) => (c < 26 ? String.fromCharCode(65 + c) : String.fromCharCode(64 + Math.floor(c / 26)) + String.fromCharCode(65 + (c % 26))));
  const cellRef = fc.tuple(fc.boolean(), column, fc.boolean(), fc.integer({ min: 1, max: 5000 })).map(([a, c, b, r]) => `${a ? "$" : ""}${c}${b ? "$" : ""}${r}`);
  const part = fc.oneof(cellRef, fc.tuple(cellRef, cellRef).map(([a, b]) => `${a}:${b}`), fc.tuple(cellRef, cellRef).map(([a, b]) => `'Blad 2'!${a}:${b}`), fc.constantFrom("SUM(1)", '"A1"', "Vikter", "1E+3", "#REF!", "LOG10(A1)", "TRUE"));
  const formula = fc.array(fc.tuple(part, fc.constantFrom("+", ",", "*", "&")), { maxLength: 12 }).map((p) => p.flat().join(""));

  const cells = (text: string) => formulaReferences(text).references.map((r) => [r.sheet, r.top, r.left, r.bottom, r.right].join());

  it("reads any text without throwing; written back, every reference covers the same cells", () => {
    fc.assert(fc.property(fc.string(), (text) => Array.isArray(formulaReferences(text).references)));
    fc.assert(fc.property(formula, (text) => {
      const again = shiftFormula(text, formulaReferences(text), 0, 0);
      return again.includes("#REF!") || JSON.stringify(cells(again)) === JSON.stringify(cells(text));
    }));
  });

  it("moving a formula down and back up covers the same cells again", () => {
    fc.assert(
      fc.property(formula, fc.integer({ min: 0, max: 300 }), (text, rows) => {
        const down = shiftFormula(text, formulaReferences(text), rows, 0);
        if (down.includes("#REF!")) return true;
        return JSON.stringify(cells(shiftFormula(down, formulaReferences(down), -rows, 0))) === JSON.stringify(cells(text));
      }),
    );
  });
});

describe("the plain reader of filled-down formulas", () => {
  it("gives the general reader's tokens for formulas of cells, numbers, operators and calls", () => {
    for (const text of ["C1+B2", "ROUND(B2/$E$2*123456789,0)", "SUM(A1:A9)-$b$3", "LOG10(A1)*1.5E-3", "B2:A1", "A$1:$B2", "2E1+A1", "1.+A1"]) {
      expect(formulaReferences(text)).toEqual(generalReferences(text));
    }
  });

  it("agrees with the general reader on any text made of formula pieces (property)", () => {
    const piece = fc.constantFrom("A1", "$B$2", "c3", "XFD1048576", "AAAA1", "A12345678", ":", "A:A", "1:3", "$", "1", "1.5", "2E3", "1E", "E5", "SUM(", "LOG10(", "IF(", "TRUE", "Namn", "Blad1!", "'Kv 1'!", '"A1"', "#REF!", "(", ")", ",", "+", "-", "*", "/", "^", "&", " ", ".", "_x", "å", "[1]", "!", ";");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join("");
        expect(formulaReferences(text)).toEqual(generalReferences(text));
      }),
      { numRuns: 5000 },
    );
  });
});
