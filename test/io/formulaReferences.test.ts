import { formulaReferences, referenceText, shiftFormula } from "../../src/io/formulaReferences";

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
