import { formulaFromSwedish, formulaToSwedish } from "../../src/workbook/localFormula";
import { cellText } from "../../src/standalone/cellText";

describe("Swedish formula syntax", () => {
  it("reads ';' as separator and ',' as decimal mark, leaving strings alone", () => {
    expect(formulaFromSwedish("=SAMKALK.FORDELA(100000;B2:B5;0,5)")).toBe("=SAMKALK.ALLOCATE(100000,B2:B5,0.5)");
    expect(formulaFromSwedish('=SAMKALK.UPPSAGNINGSDAG("30,4;2027";6)')).toBe('=SAMKALK.NOTICEDATE("30,4;2027",6)');
    expect(formulaFromSwedish("text; 1,5")).toBe("text; 1,5");
  });
  it("shows engine formulas the Swedish way, and round-trips", () => {
    const engine = "=SAMKALK.ALLOCATE($B$5,C10:C13,0.5)";
    expect(formulaToSwedish(engine)).toBe("=SAMKALK.FORDELA($B$5;C10:C13;0,5)");
    expect(formulaFromSwedish(formulaToSwedish(engine))).toBe(engine);
  });
  it("translates Swedish built-in and SAMKALK names both ways, as Swedish Excel shows them", () => {
    expect(formulaFromSwedish("=OM(SUMMA(B2:B5)>0;AVRUNDA(B1*1,5;0);\"SUMMA(\")")).toBe('=IF(SUM(B2:B5)>0,ROUND(B1*1.5,0),"SUMMA(")');
    expect(formulaToSwedish("=IF(SUM(B2:B5)>0,SAMKALK.UPLIFT(B3,B4),0)")).toBe("=OM(SUMMA(B2:B5)>0;SAMKALK.UPPRAKNA(B3;B4);0)");
    expect(formulaFromSwedish("=summa(b2:b3)")).toBe("=SUM(b2:b3)");
  });
});

describe("cellText", () => {
  it("shows values as Swedish Excel does under their formats", () => {
    expect(cellText(25593, "#,##0")).toBe("25\u00a0593");
    expect(cellText(0.2618, "0.00%")).toBe("26,18\u00a0%");
    expect(cellText(46326, "yyyy-mm-dd")).toBe("2026-10-31");
    expect(cellText(0.1 + 0.2)).toBe("0,3");
    expect(cellText({ error: "#N/A", message: "Fakturerat utan avtal" })).toBe("#SAKNAS!");
    expect(cellText(true)).toBe("SANT");
  });
});
