import { cellBlock } from "./cellBlock";
import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { EmbeddedWorkbook, engineDateSystem } from "../../src/workbook/embeddedWorkbook";
import { formatIsoDate, fromExcelSerial, makeDate, toExcelSerial } from "../../src/core/dates";

/** The engine's DATE and the serial of a typed date must be one and the same number. */
function engineSerial(formula: string, system: "1900" | "1904" = "1900"): number {
  const hf = HyperFormula.buildFromArray([[formula]], { licenseKey: "gpl-v3", smartRounding: false, ...engineDateSystem(system) } as never);
  const value = hf.getCellValue({ sheet: 0, row: 0, col: 0 });
  hf.destroy();
  return value as number;
}

describe("the engine's date system", () => {
  it("DATE(2027;4;30) is 46 507 as in Excel, the serial of the typed date 2027-04-30", () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    wb.setCells(cellBlock("Blad1", 0, 0, [["=DATE(2027,4,30)", "=DATE(1900,3,1)", "=DATE(1900,1,1)"]]));
    expect(wb.cellValue("Blad1", 0, 0)).toBe(46507);
    expect(wb.cellValue("Blad1", 0, 1)).toBe(61);
    expect(wb.cellValue("Blad1", 0, 2)).toBe(1);
    expect(toExcelSerial(makeDate(2027, 4, 30))).toBe(46507);
  });

  it("UPPSAGNINGSDAG(DATUM(2027;4;30);6) is 2026-10-31, as for the typed date", () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    wb.setCells(cellBlock("Blad1", 0, 0, [["=SAMKALK.NOTICEDATE(DATE(2027,4,30),6)", "=SAMKALK.NOTICEDATE(C1,6)", toExcelSerial(makeDate(2027, 4, 30))]]));
    expect(formatIsoDate(fromExcelSerial(wb.cellValue("Blad1", 0, 0) as number))).toBe("2026-10-31");
    expect(wb.cellValue("Blad1", 0, 0)).toBe(wb.cellValue("Blad1", 0, 1));
  });

  it("a 1904 engine counts from 1904-01-01: DATE(2027;4;30) is 45 045", () => {
    expect(engineSerial("=DATE(2027,4,30)", "1904")).toBe(45045);
    expect(engineSerial("=DATE(1904,1,1)", "1904")).toBe(0);
  });

  it("property: every date from 1900-03-01 to 9999-12-31 is the same date through DATE, the typed serial and both systems", () => {
    const hf1900 = HyperFormula.buildEmpty({ licenseKey: "gpl-v3", smartRounding: false, ...engineDateSystem("1900") } as never);
    const hf1904 = HyperFormula.buildEmpty({ licenseKey: "gpl-v3", smartRounding: false, ...engineDateSystem("1904") } as never);
    hf1900.addSheet("A");
    hf1904.addSheet("A");
    const from = toExcelSerial(makeDate(1904, 1, 1));
    try {
      fc.assert(
        fc.property(fc.integer({ min: from, max: toExcelSerial(makeDate(9999, 12, 31)) }), (serial) => {
          const date = fromExcelSerial(serial);
          const { year, month, day } = date;
          hf1900.setCellContents({ sheet: 0, row: 0, col: 0 }, [[`=DATE(${year},${month},${day})`]]);
          hf1904.setCellContents({ sheet: 0, row: 0, col: 0 }, [[`=DATE(${year},${month},${day})`]]);
          const in1900 = hf1900.getCellValue({ sheet: 0, row: 0, col: 0 }) as number;
          const in1904 = hf1904.getCellValue({ sheet: 0, row: 0, col: 0 }) as number;
          expect(in1900).toBe(toExcelSerial(date));
          expect(in1904).toBe(toExcelSerial(date, "1904"));
          expect(in1900 - in1904).toBe(1462);
          expect(fromExcelSerial(in1904, "1904")).toEqual(date);
          expect(formatIsoDate(fromExcelSerial(in1900))).toBe(`${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`);
        }),
        { numRuns: 300 },
      );
    } finally {
      hf1900.destroy();
      hf1904.destroy();
    }
  });
});
