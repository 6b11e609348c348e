import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../src/cli/main";
import { CliIO, nodeIO } from "../../src/cli/io";
import { readSourceFile } from "../../src/io/sourceTable";
import { guessMapping } from "../../src/model/fields";
import { CONTRACTS, importContracts } from "../../src/model/contracts";
import { isDomainError, locatedMessage } from "../../src/core/errors";
import { formatIsoDate } from "../../src/core/dates";
import { zip } from "../zipWriter";
import { plainCellValue } from "../../src/io/xlsxTable";
import { checkInflatedSizes } from "../../src/io/inflatedSize";

/**
 * The bad-input corpus (test/fixtures/bad, made by scripts/make-bad-corpus.js) with the outcome
 * each file must have: a correct import, or a Swedish error naming file, row and column. Never a
 * crash, a hang or a partial write.
 */
const BAD = join(__dirname, "..", "fixtures", "bad");

type Expectation = { ok: (string | number)[] } | { error: string; exit?: 2 };

/** Key files go through the CLI (`samkalk allocate`), the rest through the contract import. */
const KEYS: Record<string, Expectation> = {
  "key-windows1252.csv": { ok: ["Örby 10", "Åsa 5"] },
  "key-mixed-encoding.csv": { error: "fil key-mixed-encoding.csv, rad 2, kolumn Medlem: filen blandar teckenkodningar" },
  "key-bom.csv": { ok: ["Örby 10"] },
  "key-utf16.csv": { ok: ["Örby 10", "Åsa 5"] },
  "key-crlf-mix.csv": { ok: ["Ask 1", "Björkby 2", "Ceder 3"] },
  "key-quoted.csv": { ok: ["Ask; norra 1234.5", "Dal\nsödra 7"] },
  "key-missing-column.csv": { error: "fil key-missing-column.csv, rad 1: en nyckel behöver två kolumner" },
  "key-duplicate-column.csv": { error: "fil key-duplicate-column.csv, rad 1, kolumn Vikt: kolumnen Vikt finns flera gånger" },
  "key-duplicate-member.csv": { error: "fil key-duplicate-member.csv, rad 4, kolumn Medlem: medlemmen 'ask' finns redan på rad 2" },
  "key-negative.csv": { error: "fil key-negative.csv, rad 3, kolumn Vikt: vikten -5 är negativ" },
  "key-all-zero.csv": { error: "fil key-all-zero.csv, rad 2, kolumn Vikt: alla vikter är noll" },
  "key-text-weight.csv": { error: "fil key-text-weight.csv, rad 3, kolumn Vikt: texten 'tio' är inget tal" },
  "key-thousands.csv": { ok: ["A 1234", "B 1234", "C 1234", "D 1234567", "E 12000", "F 0.5"] },
  "key-ambiguous-thousands.csv": { error: "fil key-ambiguous-thousands.csv, rad 2, kolumn Vikt: texten '1.500' är inget tal" },
  "key-empty.csv": { error: "fil key-empty.csv: filen är tom" },
  "key-header-only.csv": { error: "fil key-header-only.csv, rad 2: nyckeln har inga datarader" },
  "key-huge-cell.csv": { error: "fil key-huge-cell.csv, rad 2, kolumn Medlem: namnet har 40\u00a0000 tecken" },
  "key-broken-quote.csv": { error: "fil key-broken-quote.csv, rad 2: ett citattecken (\") stängs aldrig" },
  "key-binary.csv": { error: "fil key-binary.csv" },
};

const CONTRACT_FILES: Record<string, Expectation> = {
  "contracts-dates.csv": { ok: ["A 2022-04-30", "B 2022-04-30", "C 2022-04-30", "D 2022-04-30", "E 2022-04-30"] },
  "contracts-invalid-date.csv": { error: "contracts-invalid-date.csv, rad 3, kolumn Slutdatum: 2022-02-30 är inget giltigt datum" },
  "contracts-injection.csv": { ok: ['=HYPERLINK("http://example.invalid";"klicka") 100', "+46701234567 200", "-cmd 300"] },
  "contracts-missing-column.csv": { error: "contracts-missing-column.csv, rad 1, kolumn Avtalat: kolumnen Avtalat saknas" },
  "contracts-end-before-start.csv": { error: "contracts-end-before-start.csv, rad 2, kolumn Slutdatum: slutdatum 2023-12-31 ligger före startdatum 2024-01-01" },
  "contracts-text-amount.csv": { error: "contracts-text-amount.csv, rad 3, kolumn Avtalat: texten 'etthundra' är inget tal | contracts-text-amount.csv, rad 4, kolumn Avtalat: texten '1,2,3' är inget tal" },
  "contracts-not-a-zip.xlsx": { error: "fil contracts-not-a-zip.xlsx: filen är ingen xlsx-fil (den är inte ett zip-arkiv)" },
};

async function allocateKey(path: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = { ...nodeIO, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
  const code = await run(["allocate", "--total", "1000", "--key", path, "--json"], io);
  return { code, stdout, stderr };
}

async function importFile(path: string, name: string): Promise<{ ok: string[] } | { error: string }> {
  try {
    const source = await readSourceFile(new Uint8Array(readFileSync(path)), name);
    const result = importContracts(source, guessMapping(source.headers, CONTRACTS.fields));
    if (result.errors.length > 0) return { error: result.errors.map((e) => `${e.file}, rad ${e.row}, kolumn ${e.column}: ${e.message}`).join(" | ") };
    return { ok: result.records.map((c) => `${c.supplier} ${c.end ? formatIsoDate(c.end) : c.agreed?.toString()}`) };
  } catch (error) {
    if (isDomainError(error)) return { error: locatedMessage(error) };
    throw error;
  }
}

describe("the bad-input corpus", () => {
  it("lists every file in the corpus with its expected outcome", () => {
    expect(readdirSync(BAD).sort()).toEqual([...Object.keys(KEYS), ...Object.keys(CONTRACT_FILES)].sort());
  });

  it.each(Object.entries(KEYS))("samkalk allocate --key %s", async (name, expected) => {
    const result = await allocateKey(join(BAD, name));
    if ("ok" in expected) {
      expect([result.code, result.stderr]).toEqual([0, ""]);
      expect(JSON.parse(result.stdout).parts.map((p: { member: string; weight: number }) => `${p.member} ${p.weight}`)).toEqual(expected.ok);
    } else {
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(expected.error);
    }
  });

  it.each(Object.entries(CONTRACT_FILES))("contract import of %s", async (name, expected) => {
    const result = await importFile(join(BAD, name), name);
    if ("ok" in expected) expect(result).toEqual({ ok: expected.ok });
    else expect("error" in result && result.error).toContain(expected.error);
  });
});

describe("large and hostile files, made on the fly", () => {
  const dir = mkdtempSync(join(tmpdir(), "samkalk-bad-"));

  it("refuses a 100 MB file before parsing it", async () => {
    const path = join(dir, "stor.csv");
    const line = Buffer.from("Kommun;1234\n");
    writeFileSync(path, Buffer.concat([Buffer.from("Medlem;Vikt\n"), Buffer.alloc(100 * 1024 * 1024 - 12, line)]));
    const started = Date.now();
    const result = await allocateKey(path);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("fil stor.csv: filen är 100 MB; största tillåtna storlek är 64 MB");
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("refuses more rows than an import may have", async () => {
    const path = join(dir, "manga.csv");
    writeFileSync(path, `Medlem;Vikt\n${"A;1\n".repeat(250_001)}`);
    const result = await allocateKey(path);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("rad 250002: filen har fler än 250\u00a0000 datarader");
  });

  it("refuses a zip bomb–like xlsx without unpacking it", async () => {
    const content = Buffer.alloc(60 * 1024 * 1024, 0x20); // 60 MB of spaces packs to ~60 kB
    const path = join(dir, "bomb.xlsx");
    writeFileSync(path, zip([["xl/worksheets/sheet1.xml", content], ["[Content_Types].xml", Buffer.from("<Types/>")]]));
    const result = await importFile(path, "bomb.xlsx");
    expect(result).toEqual({ error: expect.stringContaining("fil bomb.xlsx: filen skulle packas upp till 60 MB") });
    expect("error" in result && result.error).toContain("zip-bomb");
  });

  /** An xlsx whose headers claim 1 kB per part while the first part unpacks to 60 MB. */
  const lyingBomb = () => zip([["xl/workbook.xml", Buffer.alloc(60 * 1024 * 1024, 0x20)], ["[Content_Types].xml", Buffer.from("<Types/>")]], 1000);

  it.each([
    ["fee", (path: string) => ["fee", "--budget", path, "--uplift", "2"]],
    ["recalc", (path: string) => ["recalc", path, "-o", join(dir, "ut.xlsx")]],
  ])("%s: stops a zip whose headers understate its size while unpacking, at the cap, not at its end", async (_, args) => {
    const path = join(dir, "ljugande.xlsx");
    writeFileSync(path, lyingBomb());
    let stderr = "";
    const io: CliIO = { ...nodeIO, stdout: () => undefined, stderr: (t) => void (stderr += t) };
    expect(await run(args(path), io)).toBe(2);
    expect(stderr).toContain("fil ljugande.xlsx: filen skulle packas upp till");
    expect(stderr).toContain("zip-bomb");
  });

  it("refuses an xlsx whose part does not match its checksum", async () => {
    const good = zip([["xl/workbook.xml", Buffer.from("<workbook/>")]]);
    good[good.indexOf(Buffer.from("xl/workbook.xml")) + 15] ^= 0xff; // a packed byte of the part, after its local name
    const path = join(dir, "skadad.xlsx");
    writeFileSync(path, good);
    let stderr = "";
    const io: CliIO = { ...nodeIO, stdout: () => undefined, stderr: (t) => void (stderr += t) };
    expect(await run(["recalc", path, "-o", join(dir, "ut2.xlsx")], io)).toBe(2);
    expect(stderr).toMatch(/fil skadad\.xlsx: xlsx-filen är skadad \(delen xl\/workbook\.xml (kan inte packas upp|stämmer inte med sin storlek eller kontrollsumma)\)/);
  });
});

describe("invisible characters and mixed encodings, made on the fly", () => {
  const dir = mkdtempSync(join(tmpdir(), "samkalk-identity-"));
  const key = (name: string, bytes: Buffer | string) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return allocateKey(path);
  };

  it.each([
    ["U+200E (left-to-right mark)", "\u200e"],
    ["U+200F (right-to-left mark)", "\u200f"],
    ["U+202A (left-to-right embedding)", "\u202a"],
    ["U+202E (right-to-left override)", "\u202e"],
    ["U+2066 (left-to-right isolate)", "\u2066"],
    ["U+2069 (pop directional isolate)", "\u2069"],
    ["U+200B (zero-width space)", "\u200b"],
    ["U+2063 (invisible separator)", "\u2063"],
  ])("a member named again with %s is the same member, not a second one", async (_, mark) => {
    const result = await key("bidi.csv", `Medlem;Vikt\nAsk;1\n${mark}Ask${mark};2\n`);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("fil bidi.csv, rad 3, kolumn Medlem: medlemmen");
    expect(result.stderr).toContain("finns redan på rad 2");
  });

  it("finds a duplicated header hidden by a zero-width space, and names it as the user sees it", async () => {
    const result = await key("dold-rubrik.csv", "Medlem;Vikt;Vi\u200bkt\nAsk;1;2\n");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("fil dold-rubrik.csv, rad 1, kolumn Vikt: kolumnen Vikt finns flera gånger");
  });

  it("finds a duplicated header hidden by a zero-width space in a contract table too", async () => {
    const path = join(dir, "avtal-dold-rubrik.csv");
    writeFileSync(path, "Leverantör;Kommun;Avtalat;Avtal\u200bat\nVisma;Ask;100;200\n");
    expect(await importFile(path, "avtal-dold-rubrik.csv")).toEqual({ error: expect.stringContaining("avtal-dold-rubrik.csv, rad 1, kolumn Avtalat: kolumnen Avtalat finns flera gånger") });
  });

  it("refuses a UTF-8 file with a BOM that also holds Windows-1252 bytes, with row and column", async () => {
    const bytes = Buffer.concat([Buffer.from("\ufeffMedlem;Vikt\nÅsa;5\n", "utf-8"), Buffer.from("Ask;", "latin1"), Buffer.from([0x31]), Buffer.from("\n", "latin1"), Buffer.from("\xd6rby;10\n", "latin1")]);
    const result = await key("bom-blandad.csv", bytes);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("fil bom-blandad.csv, rad 4, kolumn Medlem: filen blandar teckenkodningar");
    expect(result.stderr).not.toContain("\ufffd");
    const inWeight = await key("bom-blandad-vikt.csv", Buffer.concat([Buffer.from("\ufeffMedlem;Vikt\nÅsa;5\nAsk;1", "utf-8"), Buffer.from([0xa0]), Buffer.from("0\n")]));
    expect(inWeight.stderr).toContain("fil bom-blandad-vikt.csv, rad 3, kolumn Vikt: filen blandar teckenkodningar");
  });
});

/**
 * A workbook as openpyxl writes it (checked against openpyxl's own tests): shared strings, absolute
 * relationship targets, and a chart whose drawing is in the default namespace (`<wsDr xmlns=…>`,
 * no "xdr:" prefix), which exceljs does not recognise. `weights` are the cells of column B.
 */
function openpyxlWorkbook(weights: string[], chart = true): Buffer {
  const ns = "http://schemas.openxmlformats.org";
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${ns}/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  const rels = (...r: string[]) => Buffer.from(`<?xml version="1.0"?><Relationships xmlns="${ns}/package/2006/relationships">${r.join("")}</Relationships>`);
  const members = ["Ask", "Björkby"];
  const rows = [`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>`, ...members.map((_, i) => `<row r="${i + 2}"><c r="A${i + 2}" t="s"><v>${i + 2}</v></c>${weights[i]}</row>`)];
  const part = (type: string, name: string) => `<Override PartName="${name}" ContentType="application/vnd.openxmlformats-officedocument.${type}+xml"/>`;
  const parts: [string, Buffer][] = [
    ["[Content_Types].xml", Buffer.from(`<?xml version="1.0"?><Types xmlns="${ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${part("spreadsheetml.sheet.main", "/xl/workbook.xml")}${part("spreadsheetml.worksheet", "/xl/worksheets/sheet1.xml")}${part("spreadsheetml.sharedStrings", "/xl/sharedStrings.xml")}${part("drawing", "/xl/drawings/drawing1.xml")}${part("drawingml.chart", "/xl/charts/chart1.xml")}</Types>`)],
    ["_rels/.rels", rels(rel("rId1", "officeDocument", "xl/workbook.xml"))],
    ["xl/workbook.xml", Buffer.from(`<?xml version="1.0"?><workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="Nyckel" sheetId="1" r:id="rId1"/></sheets></workbook>`)],
    ["xl/_rels/workbook.xml.rels", rels(rel("rId1", "worksheet", "/xl/worksheets/sheet1.xml"), rel("rId2", "sharedStrings", "/xl/sharedStrings.xml"))],
    ["xl/sharedStrings.xml", Buffer.from(`<?xml version="1.0"?><sst xmlns="${ns}/spreadsheetml/2006/main" count="4" uniqueCount="4">${["Medlem", "Vikt", ...members].map((t) => `<si><t>${t}</t></si>`).join("")}</sst>`)],
    ["xl/worksheets/sheet1.xml", Buffer.from(`<?xml version="1.0"?><worksheet xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheetData>${rows.join("")}</sheetData>${chart ? `<drawing r:id="rId1"/>` : ""}</worksheet>`)],
    ["xl/worksheets/_rels/sheet1.xml.rels", rels(rel("rId1", "drawing", "/xl/drawings/drawing1.xml"))],
    ["xl/drawings/drawing1.xml", Buffer.from(`<?xml version="1.0"?><wsDr xmlns="${ns}/drawingml/2006/spreadsheetDrawing" xmlns:a="${ns}/drawingml/2006/main"><oneCellAnchor><from><col>4</col><colOff>0</colOff><row>14</row><rowOff>0</rowOff></from><ext cx="5400000" cy="2700000"/><graphicFrame macro=""><nvGraphicFramePr><cNvPr id="1" name="Chart 1"/><cNvGraphicFramePr/></nvGraphicFramePr><xfrm/><a:graphic><a:graphicData uri="${ns}/drawingml/2006/chart"><c:chart xmlns:c="${ns}/drawingml/2006/chart" xmlns:r="${ns}/officeDocument/2006/relationships" r:id="rId1"/></a:graphicData></a:graphic></graphicFrame><clientData/></oneCellAnchor></wsDr>`)],
    ["xl/drawings/_rels/drawing1.xml.rels", rels(rel("rId1", "chart", "/xl/charts/chart1.xml"))],
    ["xl/charts/chart1.xml", Buffer.from(`<?xml version="1.0"?><c:chartSpace xmlns:c="${ns}/drawingml/2006/chart"><c:chart><c:plotArea><c:layout/></c:plotArea></c:chart></c:chartSpace>`)],
  ];
  return zip(chart ? parts : parts.filter(([name]) => !/drawing|chart/.test(name)));
}

describe("workbooks from other writers, made on the fly", () => {
  const dir = mkdtempSync(join(tmpdir(), "samkalk-writers-"));

  it("never reads a kind of cell it does not know as the text '[object Object]'", () => {
    expect(() => plainCellValue({ checkbox: true } as never)).toThrow("cellen har ett slags värde som Samkalk inte kan läsa");
    expect(plainCellValue({ formula: "A1", result: 5 } as never)).toBe(5);
  });

  it("reads a valid workbook with a chart written by openpyxl (exceljs alone crashes on its drawing: \"reading 'anchors'\")", async () => {
    const path = join(dir, "openpyxl-diagram.xlsx");
    writeFileSync(path, openpyxlWorkbook([`<c r="B2"><v>1</v></c>`, `<c r="B3"><v>3</v></c>`]));
    const table = await readSourceFile(new Uint8Array(readFileSync(path)), "openpyxl-diagram.xlsx");
    expect([table.headers, table.rows]).toEqual([["Medlem", "Vikt"], [["Ask", 1], ["Björkby", 3]]]);
  });

  it("names the cell of a formula saved without a value, instead of \"texten '[object Object]' är inget tal\"", async () => {
    const path = join(dir, "openpyxl-formel.xlsx");
    writeFileSync(path, openpyxlWorkbook([`<c r="B2"><v>1</v></c>`, `<c r="B3"><f>B2*3</f><v></v></c>`], false));
    const read = readSourceFile(new Uint8Array(readFileSync(path)), "openpyxl-formel.xlsx").then((t) => JSON.stringify(t.rows), (e) => locatedMessage(e));
    expect(await read).toContain("fil openpyxl-formel.xlsx, blad Nyckel, cell B3: cellen har formeln =B2*3 men inget sparat värde");
    expect(await read).not.toContain("object Object");
  });
});

describe("zip archives that lie about their parts, made on the fly", () => {
  const dir = mkdtempSync(join(tmpdir(), "samkalk-zip-"));
  const refusal = async (name: string, bytes: Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    const messages: string[] = [];
    for (const args of [["fee", "--budget", path, "--uplift", "2"], ["recalc", path, "-o", join(dir, "ut.xlsx")]]) {
      let stderr = "";
      expect(await run(args, { ...nodeIO, stdout: () => undefined, stderr: (t) => void (stderr += t) })).toBe(2);
      messages.push(stderr);
    }
    return messages;
  };
  const parts = (): [string, Buffer][] => [["[Content_Types].xml", Buffer.from("<Types/>")], ["xl/workbook.xml", Buffer.from("<workbook/>")]];

  it("refuses a zip with two parts of the same name (compared without case), in fee and in recalc", async () => {
    for (const second of ["xl/workbook.xml", "XL/Workbook.xml"]) {
      for (const message of await refusal("dubbel.xlsx", zip([...parts(), [second, Buffer.from("<workbook><sheets/></workbook>")]]))) {
        expect(message).toContain(`fil dubbel.xlsx: xlsx-filen är skadad (delen ${second} finns två gånger`);
      }
    }
  });

  it("in the browser's check, a part that does not inflate is damage in Swedish, not the platform's TypeError", async () => {
    const good = zip([["xl/workbook.xml", Buffer.from("<workbook>" + "x".repeat(2000) + "</workbook>")]]);
    const at = good.indexOf(Buffer.from("xl/workbook.xml")) + 15;
    good.fill(0xff, at, at + 8);
    const result = await checkInflatedSizes(new Uint8Array(good), "skadad.xlsx").then(() => "read", (e) => (isDomainError(e) ? locatedMessage(e) : `other: ${String(e)}`));
    expect(result).toBe("fil skadad.xlsx: xlsx-filen är skadad (delen xl/workbook.xml kan inte packas upp); öppna den i Excel och spara den igen");
  });

  it("says zip64 only when the archive is zip64: a garbled directory or size is damage", async () => {
    const garbled = zip(parts());
    garbled.writeUInt16LE(0xffff, garbled.length - 22 + 8);
    garbled.writeUInt16LE(0xffff, garbled.length - 22 + 10);
    for (const message of await refusal("trasig-slut.xlsx", garbled)) {
      expect(message).toContain("fil trasig-slut.xlsx: xlsx-filen är skadad (arkivets innehållsförteckning är trasig)");
      expect(message).not.toContain("zip64");
    }
    for (const message of await refusal("trasig-storlek.xlsx", zip(parts(), 0xffffffff))) {
      expect(message).toContain("posten [Content_Types].xml har en ogiltig storlek");
      expect(message).not.toContain("zip64");
    }
  });
});

describe("ledgers that do not say where an amount goes, made on the fly", () => {
  it("reconcile refuses an SIE line with two objects in one dimension, naming file and line, instead of booking it to the last", async () => {
    const fixtures = join(__dirname, "..", "fixtures", "tre-kommuner");
    const ledger = readFileSync(join(fixtures, "huvudbok-2025.se"), "latin1").replace('#TRANS 5421 {1 "10"} 56250.00', '#TRANS 5421 {1 "10" 1 "20"} 56250.00');
    const path = join(mkdtempSync(join(tmpdir(), "samkalk-sie-")), "två-objekt.se");
    writeFileSync(path, Buffer.from(ledger, "latin1"));
    let stderr = "";
    const io: CliIO = { ...nodeIO, stdout: () => undefined, stderr: (t) => void (stderr += t) };
    const args = ["reconcile", join(fixtures, "avtal.csv"), path, "--members", join(fixtures, "medlemmar.csv"), "--mapping", join(fixtures, "kontomappning.csv"), "--year", "2025", "--json"];
    expect(await run(args, io)).toBe(2);
    expect(stderr).toContain("två-objekt.se, rad 18");
    expect(stderr).toContain("objektlistan har två objekt i dimension 1 ('10' och '20')");
  });
});
