import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import { captureIO } from "./captureIO";

async function makeXlsx(path: string, build: (ws: ExcelJS.Worksheet) => void) {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet("Fördelning"));
  await wb.xlsx.writeFile(path);
}

async function cells(path: string, sheet: string, addresses: string[]) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet(sheet)!;
  return addresses.map((a) => ws.getCell(a).value);
}

/** One file of a zip archive, read through its central directory (exceljs does not read calcPr back). */
function zipEntry(zip: Buffer, name: string): string {
  for (let i = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])), p = zip.readUInt32LE(i + 16); zip.readUInt32LE(p) === 0x02014b50; ) {
    const [method, size, nameLength, extra, comment, local] = [zip.readUInt16LE(p + 10), zip.readUInt32LE(p + 20), zip.readUInt16LE(p + 28), zip.readUInt16LE(p + 30), zip.readUInt16LE(p + 32), zip.readUInt32LE(p + 42)];
    if (zip.toString("utf-8", p + 46, p + 46 + nameLength) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString("utf-8");
    }
    p += 46 + nameLength + extra + comment;
  }
  throw new Error(`${name} finns inte i arkivet`);
}

describe("samkalk recalc", () => {
  const dir = mkdtempSync(join(tmpdir(), "samkalk-recalc-"));
  const input = join(dir, "budget.xlsx");

  beforeAll(async () => {
    await makeXlsx(input, (ws) => {
      ws.addRow(["Medlem", "Invånare", "Andel"]);
      ws.addRow(["Ask", 12345, { formula: "SAMKALK.FORDELA(100000,B2:B5,0.5)" }]);
      ws.addRow(["Björkby", 6789]);
      ws.addRow(["Ceder", 25010]);
      ws.addRow(["Dal", 3001]);
      ws.addRow(["Summa", { formula: "SUM(B2:B5)" }, { formula: "SUM(C2:C5)" }]);
      ws.addRow(["Diff", { formula: "_xldudf_SAMKALK_CONTRACTDIFF(100,90)" }]);
    });
  });

  it("writes every formula's result as its cached value and keeps the formulas", async () => {
    const before = readFileSync(input);
    const output = join(dir, "ut.xlsx");
    const { out, io } = captureIO();
    expect(await run(["recalc", input, "-o", output], io)).toBe(0);
    expect(out.stdout).toContain("Räknade om");
    const [c2, c5, c6, b7] = await cells(output, "Fördelning", ["C2", "C5", "C6", "B7"]);
    expect(c2).toMatchObject({ formula: "SAMKALK.ALLOCATE(100000,B2:B5,0.5)", result: 25593 });
    expect(c5).toBe(15683);
    expect(c6).toMatchObject({ formula: "SUM(C2:C5)", result: 100000 });
    expect(b7).toMatchObject({ result: 10 });
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it("--values-only replaces SAMKALK formulas by values and keeps the others", async () => {
    const output = join(dir, "varden.xlsx");
    const { io } = captureIO();
    expect(await run(["recalc", input, "-o", output, "--values-only"], io)).toBe(0);
    const [c2, c3, c6] = await cells(output, "Fördelning", ["C2", "C3", "C6"]);
    expect([c2, c3]).toEqual([25593, 19700]);
    expect(c6).toMatchObject({ formula: "SUM(C2:C5)", result: 100000 });
  });

  it("continues from Excel's cached value where the engine cannot evaluate a formula, lists the cell and exits 0", async () => {
    const file = join(dir, "okand-funktion.xlsx");
    await makeXlsx(file, (ws) => {
      ws.addRow(["x", { formula: 'CONCAT("Sam","kalk")', result: "Samkalk" }, { formula: "LEN(B1)", result: 7 }, { formula: "SUM(1,2)", result: 0 }, { formula: "SAMKALK.AVTALSDIFF(C1,2)" }]);
      ws.addRow(["y", { formula: "B2+1" }]);
    });
    const output = join(dir, "okand-ut.xlsx");
    const { out, io } = captureIO();
    expect(await run(["recalc", file, "-o", output], io)).toBe(0);
    const [b1, c1, d1, e1] = await cells(output, "Fördelning", ["B1", "C1", "D1", "E1"]);
    expect(b1).toMatchObject({ formula: 'CONCAT("Sam","kalk")', result: "Samkalk" });
    expect(c1).toMatchObject({ formula: "LEN(B1)", result: 7 }); // evaluated from B1's cached text
    expect(e1).toMatchObject({ result: 5 }); // the SAMKALK formula reads C1
    // SUM(1,2) neither feeds nor reads a SAMKALK formula: left exactly as the file had it.
    expect(d1).toMatchObject({ formula: "SUM(1,2)" });
    const sheet = zipEntry(readFileSync(output), "xl/worksheets/sheet1.xml");
    expect(sheet).toContain('<c r="D1"><f>SUM(1,2)</f><v>0</v></c>');
    expect(sheet).toContain('<c r="B2"><f>B2+1</f></c>'); // no engine-only error like #CYCLE! in the file
    expect(out.stderr).toContain('blad Fördelning, cell B1: okänd funktion eller namn i =CONCAT("Sam","kalk"); Excels sparade värde behölls');
    expect(out.stderr).not.toContain("cell C1");
    // B2 has no cached value and no SAMKALK formula needs it: left to Excel, which computes it on open.
    expect(out.stderr).not.toContain("cell B2");
    expect(out.stderr).toContain("1 formel utan sparat värde beror inte på någon SAMKALK-formel och lämnades åt Excel");
    expect(zipEntry(readFileSync(output), "xl/workbook.xml")).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    // --values-only computes every formula without a cached value, and names the one that cannot be.
    const valuesOnly = captureIO();
    expect(await run(["recalc", file, "--values-only", "-o", join(dir, "okand-varden.xlsx")], valuesOnly.io)).toBe(0);
    expect(valuesOnly.out.stderr).toContain("blad Fördelning, cell B2: cirkelreferens i =B2+1; inget sparat värde finns, Excel räknar cellen när filen öppnas");
    expect(zipEntry(readFileSync(join(dir, "okand-varden.xlsx")), "xl/worksheets/sheet1.xml")).toContain('<c r="B2"><f>B2+1</f></c>');
  });

  it("keeps an external link's cached value, reads 1E+14 and keeps 15-digit amounts exact", async () => {
    const file = join(dir, "extern.xlsx");
    await makeXlsx(file, (ws) => {
      ws.addRow(["Länkat", { formula: "[1]Budget!B7", result: 1200 }, { formula: "SAMKALK.CONTRACTDIFF(B1,200)" }]);
      ws.addRow(["Stort", { formula: "SAMKALK.CONTRACTDIFF(1E+14,1)" }, { formula: "SAMKALK.CONTRACTDIFF(123456789012.34,0.01)" }]);
    });
    const output = join(dir, "extern-ut.xlsx");
    const { out, io } = captureIO();
    expect(await run(["recalc", file, "-o", output], io)).toBe(0);
    const [b1, c1, b2, c2] = await cells(output, "Fördelning", ["B1", "C1", "B2", "C2"]);
    expect(b1).toMatchObject({ formula: "[1]Budget!B7", result: 1200 });
    expect(c1).toMatchObject({ result: 1000 });
    expect(b2).toMatchObject({ result: 99999999999999 });
    expect(c2).toMatchObject({ result: 123456789012.33 });
    expect(out.stderr).toContain("blad Fördelning, cell B1: extern länk till en annan arbetsbok i =[1]Budget!B7; Excels sparade värde behölls");
  });

  it("keeps amounts of 15 significant digits exact: no engine rounding to 10 digits", async () => {
    const file = join(dir, "stora-belopp.xlsx");
    await makeXlsx(file, (ws) => {
      ws.addRow(["Belopp", 1234567890.12, { formula: "SAMKALK.CONTRACTDIFF(B1,0)" }]);
      ws.addRow(["Delar", 1, { formula: "SAMKALK.ALLOCATE(12345678901.23,B2:B3,0,2)" }]);
      ws.addRow(["", 1]);
    });
    const output = join(dir, "stora-belopp-ut.xlsx");
    const { io } = captureIO();
    expect(await run(["recalc", file, "-o", output], io)).toBe(0);
    const [c1, c2, c3] = await cells(output, "Fördelning", ["C1", "C2", "C3"]);
    expect(c1).toMatchObject({ result: 1234567890.12 });
    expect([(c2 as { result: number }).result, c3]).toEqual([6172839450.62, 6172839450.61]);
  });

  it("refuses to overwrite its input and explains a file that is not xlsx", async () => {
    const { out, io } = captureIO();
    expect(await run(["recalc", input, "-o", input], io)).toBe(2);
    expect(out.stderr).toContain("infilen ändras aldrig");
    const notZip = join(dir, "inte.xlsx");
    writeFileSync(notZip, "Medlem;Vikt\n");
    expect(await run(["recalc", notZip, "-o", join(dir, "x.xlsx")], io)).toBe(2);
    expect(out.stderr).toContain("fil inte.xlsx: filen är ingen xlsx-fil (den är inte ett zip-arkiv)");
  });

  it("a blocked spill: nothing in its way is written over, #SPILL! is cached, the blocker is named and the exit code is 1", async () => {
    const file = join(dir, "spill-hinder.xlsx");
    await makeXlsx(file, (ws) => {
      ws.addRow(["Medlem", "Invånare", "Andel"]);
      ws.addRow(["Ask", 12345, { formula: "SAMKALK.FORDELA(100000,B2:B5)" }]);
      ws.addRow(["Björkby", 6789, "behåll mig"]);
      ws.addRow(["Ceder", 25010]);
      ws.addRow(["Dal", 3001]);
    });
    const output = join(dir, "spill-ut.xlsx");
    const { out, io } = captureIO();
    expect(await run(["recalc", file, "-o", output], io)).toBe(1);
    const [c2, c3] = await cells(output, "Fördelning", ["C2", "C3"]);
    expect(c2).toMatchObject({ formula: "SAMKALK.ALLOCATE(100000,B2:B5)", result: { error: "#SPILL!" } });
    expect(c3).toBe("behåll mig");
    expect(out.stderr).toContain("blad Fördelning, cell C2");
    expect(out.stderr).toContain("cell C3 innehåller text");
    expect(out.stdout).toContain("#SPILL!");
    expect(out.stdout).not.toContain("allt annat i filen är oförändrat");
  });
});
