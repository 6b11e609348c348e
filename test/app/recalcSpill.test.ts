import ExcelJS from "exceljs";
import { recalculateXlsx } from "../../src/app/recalculate";
import { ZipArchive } from "../../src/io/zipArchive";
import { readSheetXml } from "../../src/io/sheetXml";
import { rangeA1 } from "../../src/core/a1";

/**
 * A spilling SAMKALK formula never writes over what stands in its way: as in Excel, it keeps its
 * formula, shows #SPILL! and the blocking cell is named. A spill past the sheet's edge is refused.
 */

async function workbook(build: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet("Fördelning"));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function sheetCells(bytes: Uint8Array): Map<string, string> {
  const xml = Buffer.from(ZipArchive.open(bytes, "x.xlsx").read("xl/worksheets/sheet1.xml")).toString("utf-8");
  const sheet = readSheetXml(xml);
  return new Map(sheet.cells.map((c) => [rangeA1({ row: c.row, col: c.col }, 1, 1), xml.slice(c.start, c.end)]));
}

const weights = (ws: ExcelJS.Worksheet) => {
  ws.addRow(["Medlem", "Invånare", "Andel"]);
  ws.addRow(["Ask", 12345, { formula: "SAMKALK.FORDELA(100000,B2:B5)" }]);
  ws.addRow(["Björkby", 6789]);
  ws.addRow(["Ceder", 25010]);
  ws.addRow(["Dal", 3001]);
};

describe("recalc: spills like Excel", () => {
  it("spills into empty cells (the control case: the blocking tests below can fail)", async () => {
    const outcome = recalculateXlsx(await workbook(weights), "fri.xlsx");
    expect(outcome.blockedSpills).toEqual([]);
    const cells = sheetCells(outcome.bytes);
    expect(cells.get("C2")).toContain('ref="C2:C5"');
    expect(cells.get("C4")).toMatch(/<v>\d+<\/v>/);
  });

  const blockers: [string, ExcelJS.CellValue, string][] = [
    ["text", "anteckning", "text"],
    ["a constant", 42, "ett värde"],
    ["a formula", { formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue, "en formel"],
  ];
  it.each(blockers)("keeps the formula and caches #SPILL! when %s stands in the spill range; the blocker is untouched", async (_, blocker, what) => {
    const input = await workbook((ws) => {
      weights(ws);
      ws.getCell("C4").value = blocker;
      ws.getCell("D2").value = { formula: "C2*2" };
    });
    const before = sheetCells(input);
    const outcome = recalculateXlsx(input, "hinder.xlsx");
    const after = sheetCells(outcome.bytes);
    expect(after.get("C4")).toBe(before.get("C4"));
    for (const address of ["C3", "C5"]) expect(after.get(address) ?? "").not.toMatch(/<v>/);
    expect(after.get("C2")).toMatch(/<f[^>]*>SAMKALK\.ALLOCATE\(100000,B2:B5\)<\/f>/);
    expect(after.get("C2")).toContain('t="e"');
    expect(after.get("C2")).toContain("<v>#SPILL!</v>");
    expect(after.get("C2")).not.toContain('ref="C2:C5"');
    // What reads the blocked formula sees #SPILL!, as in Excel.
    expect(after.get("D2")).toContain("<v>#SPILL!</v>");
    expect(outcome.blockedSpills).toHaveLength(1);
    expect(outcome.blockedSpills[0]).toContain("blad Fördelning, cell C2");
    expect(outcome.blockedSpills[0]).toContain(`cell C4 innehåller ${what}`);
    expect(outcome.blockedSpills[0]).toContain("C2:C5");
  });

  it("a blocker that is also read by the formula's neighbours is still named (it was already in the engine)", async () => {
    const input = await workbook((ws) => {
      weights(ws);
      ws.getCell("C3").value = "x";
      ws.getCell("E1").value = { formula: "LEN(C3)" };
      ws.getCell("F1").value = { formula: "SAMKALK.AVTALSDIFF(E1,1)" };
    });
    const outcome = recalculateXlsx(input, "laddad.xlsx");
    expect(outcome.blockedSpills).toEqual([expect.stringContaining("cell C3 innehåller text")]);
  });

  it("refuses a spill that would run past row 1 048 576, naming the cell", async () => {
    const input = await workbook((ws) => {
      ws.getCell("B1048575").value = 1;
      ws.getCell("B1048576").value = 2;
      ws.getCell("C1048576").value = { formula: "SAMKALK.FORDELA(100,B1048575:B1048576)" };
    });
    expect(() => recalculateXlsx(input, "kant.xlsx")).toThrow(/cell C1048576.*sista rad \(1 048 576\); ingenting skrevs/);
  });

  it("refuses a spill that would run past column XFD, naming the cell", async () => {
    const input = await workbook((ws) => {
      ws.getCell("A1").value = 1;
      ws.getCell("B1").value = 2;
      ws.getCell("XFD2").value = { formula: "SAMKALK.FORDELA(100,A1:B1)" };
    });
    expect(() => recalculateXlsx(input, "kant.xlsx")).toThrow(/cell XFD2.*sista kolumn \(XFD\); ingenting skrevs/);
  });
});

describe("recalc: whole columns over a spill that reaches past the used range", () => {
  it("SUM(E:E) adds every part of a FORDELA spilling below the last row the file holds", async () => {
    const input = await workbook((ws) => {
      weights(ws);
      // The spill starts on row 4 and runs to row 7, two rows past the last row of the file (row 5).
      ws.getCell("E4").value = { formula: "SAMKALK.FORDELA(100000,B2:B5)" };
      ws.getCell("F1").value = { formula: "SUM(E:E)" };
    });
    const outcome = recalculateXlsx(input, "nedanfor.xlsx");
    const cells = sheetCells(outcome.bytes);
    expect(cells.get("E4")).toContain('ref="E4:E7"');
    expect(cells.get("F1")).toContain("<v>100000</v>");
  });
});
