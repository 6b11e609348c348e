import { formulaFromFile, formulaToFile } from "../../src/io/formulaText";

describe("formulaFromFile", () => {
  it("gives Excel's logical constants as the engine's functions (VLOOKUP(…;FALSE) was #NAME?)", () => {
    expect(formulaFromFile("VLOOKUP(A1,D1:E9,2,FALSE)")).toBe("=VLOOKUP(A1,D1:E9,2,FALSE())");
    expect(formulaFromFile("IF(true,1,0)+AND(FALSE ,B1)")).toBe("=IF(TRUE(),1,0)+AND(FALSE() ,B1)");
  });

  it("leaves TRUE and FALSE alone in text, sheet names, other names and calls", () => {
    expect(formulaFromFile('IF(A1,"FALSE","TRUE")')).toBe('=IF(A1,"FALSE","TRUE")');
    expect(formulaFromFile("'FALSE'!A1+TRUE!B2+FALSE_RATE+Tab.FALSE+TRUE()")).toBe("='FALSE'!A1+TRUE!B2+FALSE_RATE+Tab.FALSE+TRUE()");
  });

  it("reads newer and add-in functions as the engine names them", () => {
    expect(formulaFromFile("_xlfn.XLOOKUP(1,A:A,B:B)+_xldudf_SAMKALK_ALLOCATE(1,A1:A2)")).toBe("=XLOOKUP(1,A:A,B:B)+SAMKALK.ALLOCATE(1,A1:A2)");
  });
});

describe("formulaToFile", () => {
  it("writes Swedish SAMKALK names as their ids", () => {
    expect(formulaToFile("=SAMKALK.FORDELA(1,A1:A2)", [{ id: "ALLOCATE", sv: "FORDELA" }])).toBe("SAMKALK.ALLOCATE(1,A1:A2)");
  });
});
