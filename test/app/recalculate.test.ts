import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { recalculateXlsx } from "../../src/app/recalculate";
import { ZipArchive } from "../../src/io/zipArchive";
import { readSheetXml } from "../../src/io/sheetXml";
import { rangeA1 } from "../../src/core/a1";

/**
 * recalc on workbooks written by other programs (test/fixtures/xlsx-corpus, made by make.js with
 * LibreOffice and exceljs): only the computed cells change, every other part and cell of the
 * file stays byte for byte as it was.
 */

const corpus = join(__dirname, "../fixtures/xlsx-corpus");
const read = (name: string) => new Uint8Array(readFileSync(join(corpus, name)));

function parts(bytes: Uint8Array): Map<string, { data: string; packed: Buffer }> {
  const archive = ZipArchive.open(bytes, "test.xlsx");
  return new Map(archive.entries.map((e) => [e.name, { data: Buffer.from(archive.read(e.name)).toString("latin1"), packed: Buffer.from(bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize)) }]));
}

function cellMap(xml: string): Map<string, string> {
  const sheet = readSheetXml(xml);
  return new Map(sheet.cells.map((c) => [rangeA1({ row: c.row, col: c.col }, 1, 1), xml.slice(c.start, c.end)]));
}

const outsideCells = (xml: string) => xml.replace(/<sheetData[^]*<\/sheetData>/, "").replace(/<dimension[^>]*>/, "");

/** Which cells of which parts changed; asserts that nothing else in the file did. */
function changes(input: Uint8Array, output: Uint8Array): Record<string, string[]> {
  const before = parts(input);
  const after = parts(output);
  expect([...after.keys()]).toEqual([...before.keys()]);
  const changed: Record<string, string[]> = {};
  for (const [name, part] of before) {
    const next = after.get(name)!;
    if (next.data === part.data) {
      expect(next.packed.equals(part.packed)).toBe(true); // copied packed, not re-deflated
      continue;
    }
    expect(name).toMatch(/^xl\/worksheets\/sheet\d+\.xml$/);
    const xmlBefore = Buffer.from(part.data, "latin1").toString("utf-8");
    const xmlAfter = Buffer.from(next.data, "latin1").toString("utf-8");
    expect(outsideCells(xmlAfter)).toBe(outsideCells(xmlBefore));
    const [a, b] = [cellMap(xmlBefore), cellMap(xmlAfter)];
    for (const address of a.keys()) expect(b.has(address)).toBe(true); // no cell is dropped
    changed[name] = [...b.keys()].filter((k) => a.get(k) !== b.get(k));
  }
  return changed;
}

async function values(bytes: Uint8Array, sheet: string, addresses: string[]) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  const ws = wb.getWorksheet(sheet)!;
  return addresses.map((a) => {
    const v = ws.getCell(a).value as ExcelJS.CellValue & { result?: unknown };
    return v !== null && typeof v === "object" && "result" in v ? v.result : v;
  });
}

const column = (col: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${col}${from + i}`);
const sum = (xs: unknown[]) => xs.reduce((s: number, x) => s + (x as number), 0);

describe("recalc on the xlsx corpus", () => {
  it.each(["exceljs-rich.xlsx", "libreoffice-resaved.xlsx"])("%s: only the SAMKALK cells, their spills and dependents change", async (file) => {
    const input = read(file);
    const outcome = recalculateXlsx(input, file);
    expect(outcome.warnings).toEqual([]);
    expect(outcome.fullCalcOnLoad).toBe(false);
    const changed = changes(input, outcome.bytes);
    expect(Object.keys(changed)).toEqual(["xl/worksheets/sheet1.xml"]);
    expect(changed["xl/worksheets/sheet1.xml"].sort()).toEqual([...column("C", 3, 6), ...column("E", 3, 6), ...column("F", 3, 6), "G3", "C8", "D8"].sort());
    // A named key, a key on a hidden sheet and a whole-column key each sum exactly to their amount.
    const [c, e, f] = await Promise.all([values(outcome.bytes, "Fördelning", column("C", 3, 6)), values(outcome.bytes, "Fördelning", column("E", 3, 6)), values(outcome.bytes, "Fördelning", column("F", 3, 6))]);
    expect([sum(c), sum(e), sum(f)]).toEqual([100000, 250000, 1000]);
    expect(f).toEqual([400, 300, 200, 100]);
    expect(await values(outcome.bytes, "Fördelning", ["G3", "C8"])).toEqual([1000, 100000]);
    // exceljs reads a cached 0 as no result, so D8 is read from the XML.
    expect(Buffer.from(ZipArchive.open(outcome.bytes, "x").read("xl/worksheets/sheet1.xml")).toString("utf-8")).toMatch(/<c r="D8"[^>]*><f[^>]*>C8-100000<\/f><v>0<\/v><\/c>/);
  });

  it("exceljs-rich.xlsx: comments, merges, links, validation, widths, hidden sheets, names, the table and the image survive", async () => {
    const outcome = recalculateXlsx(read("exceljs-rich.xlsx"), "exceljs-rich.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(outcome.bytes) as never);
    const ws = wb.getWorksheet("Fördelning")!;
    expect(ws.getCell("A3").note).toBe("Ask är värdkommun");
    expect((ws.model as unknown as { merges: string[] }).merges).toContain("A1:D1");
    expect(ws.getCell("D3").value).toMatchObject({ text: "Beslut", hyperlink: "https://example.org/beslut-2027" });
    expect(ws.getCell("D5").dataValidation).toMatchObject({ type: "list", formulae: ['"Ja,Nej"'] });
    expect(ws.getColumn(1).width).toBe(24);
    expect(ws.getCell("A1").font).toMatchObject({ bold: true });
    expect(ws.getCell("B2").fill).toMatchObject({ fgColor: { argb: "FFDDEEFF" } });
    expect(wb.getWorksheet("Underlag")!.state).toBe("hidden");
    expect(wb.getWorksheet("Inställningar")!.state).toBe("veryHidden");
    expect(wb.definedNames.getRanges("Vikter").ranges).toEqual(["'Fördelning'!$B$3:$B$6"]);
    expect(ws.getTable("Satser")).toBeDefined();
    expect(ws.getImages()).toHaveLength(1);
  });

  it("libreoffice-native.xlsx: LibreOffice's lower-case, #NAME?-cached SAMKALK formulas are computed and named by their ids", async () => {
    const input = read("libreoffice-native.xlsx");
    const outcome = recalculateXlsx(input, "libreoffice-native.xlsx");
    const changed = changes(input, outcome.bytes);
    expect(changed["xl/worksheets/sheet1.xml"].sort()).toEqual([...column("C", 3, 6), ...column("E", 3, 6), "F3", "C8"].sort());
    const [c, e] = [await values(outcome.bytes, "Fördelning", column("C", 3, 6)), await values(outcome.bytes, "Fördelning", column("E", 3, 6))];
    expect([sum(c), sum(e)]).toEqual([100000, 250000]);
    expect(await values(outcome.bytes, "Fördelning", ["F3", "C8"])).toEqual([(e[0] as number) * 2, 100000]);
    const sheet = Buffer.from(ZipArchive.open(outcome.bytes, "x").read("xl/worksheets/sheet1.xml")).toString("utf-8");
    expect(sheet).toContain('<f aca="false" t="array" ref="C3:C6">SAMKALK.ALLOCATE(100000,B3:B6,0.5)</f>');
    // The chart, its drawing and the comment are untouched parts.
    expect(Object.keys(changed)).toEqual(["xl/worksheets/sheet1.xml"]);
  });

  it("openpyxl-layout.xlsx: absolute part targets; the FORDELA spill is computed, the formulas openpyxl saved without a value are left to Excel", async () => {
    const input = read("openpyxl-layout.xlsx");
    const outcome = recalculateXlsx(input, "openpyxl-layout.xlsx");
    expect(outcome.warnings).toEqual([]);
    // openpyxl writes <v></v> after every formula: no value, so Excel is asked to compute on open.
    expect([outcome.leftToExcel, outcome.fullCalcOnLoad]).toEqual([4, true]);
    // exceljs alone cannot open an openpyxl file with a chart ("reading 'anchors'"): read the XML.
    const split = readSheetXml(Buffer.from(ZipArchive.open(outcome.bytes, "x").read("xl/worksheets/sheet2.xml")).toString("utf-8")).cells.filter((c) => c.col === 0 && c.row >= 2).map((c) => Number(c.value));
    expect([sum(split), split]).toEqual([250000, [65463, 36000, 132623, 15914]]);
    const sheet1 = Buffer.from(ZipArchive.open(outcome.bytes, "x").read("xl/worksheets/sheet1.xml")).toString("utf-8");
    expect(sheet1).toContain('<c r="C2" s="2"><f>B2/SUM($B$2:$B$5)</f><v></v></c>');
    expect(Buffer.from(ZipArchive.open(outcome.bytes, "x").read("xl/workbook.xml")).toString("utf-8")).toContain('fullCalcOnLoad="1"');
  });

  it("libreoffice-many-sheets.xlsx: a key read across 40 sheets; the 40 sheets stay untouched", async () => {
    const input = read("libreoffice-many-sheets.xlsx");
    const outcome = recalculateXlsx(input, "libreoffice-many-sheets.xlsx");
    const changed = changes(input, outcome.bytes);
    expect(Object.keys(changed)).toHaveLength(1);
    expect(Object.values(changed)[0].sort()).toEqual([...column("C", 2, 41), "D2"].sort());
    expect(await values(outcome.bytes, "Sammanställning", ["D2"])).toEqual([1000000]);
  });

  it("exceljs-shared.xlsx: shared formulas reading a spill are evaluated in each cell", async () => {
    const input = read("exceljs-shared.xlsx");
    const outcome = recalculateXlsx(input, "exceljs-shared.xlsx");
    const changed = changes(input, outcome.bytes);
    expect(Object.values(changed)[0].sort()).toEqual([...column("C", 2, 5), ...column("D", 2, 5), "F1"].sort());
    const parts = await values(outcome.bytes, "Blad1", column("C", 2, 5));
    expect(await values(outcome.bytes, "Blad1", column("D", 2, 5))).toEqual(parts.map((p) => (p as number) * 2));
    expect(await values(outcome.bytes, "Blad1", ["F1", "G1"])).toEqual([2000, 1.82]);
  });

  it("exceljs-1904.xlsx: a 1904 workbook without date formulas is recalculated; its dates are left alone", async () => {
    const input = read("exceljs-1904.xlsx");
    const outcome = recalculateXlsx(input, "exceljs-1904.xlsx");
    expect(Object.values(changes(input, outcome.bytes))[0].sort()).toEqual(column("C", 2, 5));
  });

  // Native date functions are now computed in the file's own system (test/app/recalcDates.test.ts);
  // only SAMKALK's date functions, which count in 1900, still make a 1904 workbook refused.
  it("libreoffice-1904.xlsx: a 1904 workbook using a SAMKALK date function is refused, naming the cell, not shifted by four years", () => {
    expect(() => recalculateXlsx(read("libreoffice-1904.xlsx"), "libreoffice-1904.xlsx")).toThrow(/1904-datumsystemet.*cell C1 använder en av Samkalks datumfunktioner.*skriver därför ingenting/);
  });

  it("--values-only leaves values where SAMKALK formulas were and keeps every other formula", async () => {
    const input = read("libreoffice-native.xlsx");
    const outcome = recalculateXlsx(input, "libreoffice-native.xlsx", { valuesOnly: true });
    const sheet = Buffer.from(ZipArchive.open(outcome.bytes, "x").read("xl/worksheets/sheet1.xml")).toString("utf-8");
    expect(sheet).not.toMatch(/samkalk/i);
    expect(sheet).toContain("<f aca=\"false\">E3*2</f>");
    const e = await values(outcome.bytes, "Fördelning", column("E", 3, 6));
    expect(sum(e)).toBe(250000);
  });
});

describe("recalc on damaged files", () => {
  const fc = require("fast-check") as typeof import("fast-check");
  const { isDomainError } = require("../../src/core/errors") as typeof import("../../src/core/errors");

  /** Either a result or a Swedish domain error: never another exception. */
  const outcome = (bytes: Uint8Array) => {
    try {
      recalculateXlsx(bytes, "skadad.xlsx");
      return "ok";
    } catch (error) {
      if (isDomainError(error)) return "refused";
      throw error;
    }
  };

  const files = ["exceljs-shared.xlsx", "exceljs-rich.xlsx", "libreoffice-native.xlsx"];

  it.each(files)("%s: flipped bytes anywhere in the file", (file) => {
    const input = read(file);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: input.length - 1 }), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }), (flips) => {
        const bytes = input.slice();
        for (const [at, x] of flips) bytes[at] ^= x;
        return ["ok", "refused"].includes(outcome(bytes));
      }),
      { numRuns: 100 },
    );
  });

  // Fuzzing this way found a parse that looped forever on a cell whose </c> was lost, rows far
  // outside the sheet that filled the memory, and engine errors escaping as exceptions.
  it.each(files)("%s: sheet XML cut short or garbled, repacked with valid checksums", (file) => {
    const input = read(file);
    const archive = ZipArchive.open(input, "x");
    const sheet = Buffer.from(archive.read("xl/worksheets/sheet1.xml")).toString("utf-8");
    fc.assert(
      fc.property(fc.nat({ max: sheet.length }), fc.string({ maxLength: 20 }), (cut, junk) => {
        const copy = ZipArchive.open(input, "x");
        copy.replace("xl/worksheets/sheet1.xml", sheet.slice(0, cut) + junk + sheet.slice(cut + junk.length));
        return ["ok", "refused"].includes(outcome(copy.toBytes()));
      }),
      { numRuns: 100 },
    );
  });
});
