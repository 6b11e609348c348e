import { readFileSync } from "node:fs";
import { join } from "node:path";
import { XlsxPackage } from "../../src/io/xlsxPackage";
import { locatedMessage } from "../../src/core/errors";
import { zip } from "../zipWriter";
import { domainErrorOf } from "../thrown";

const CORPUS = join(__dirname, "..", "fixtures", "xlsx-corpus");
const fixture = (name: string) => XlsxPackage.open(new Uint8Array(readFileSync(join(CORPUS, name))), name);

const NS = "http://schemas.openxmlformats.org";
const MAIN = `${NS}/spreadsheetml/2006/main`;
const R = `${NS}/officeDocument/2006/relationships`;
const rels = (...list: [id: string, type: string, target: string][]) =>
  `<Relationships xmlns="${NS}/package/2006/relationships">${list.map(([id, type, target]) => `<Relationship Id="${id}" Type="${R}/${type}" Target="${target}"/>`).join("")}</Relationships>`;
const EMPTY_SHEET = `<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`;

/** A package written part by part, for what no file in the corpus has (a calculation chain, a chart sheet). */
const pack = (parts: Record<string, string>) => new Uint8Array(zip(Object.entries(parts).map(([name, text]): [string, Buffer] => [name, Buffer.from(text)])));

/** The smallest workbook with one sheet "Data"; `inside` goes after <sheets>. */
const oneSheet = (inside = "", extra: Record<string, string> = {}) => pack({
  "xl/workbook.xml": `<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets>${inside}</workbook>`,
  "xl/_rels/workbook.xml.rels": rels(["rId1", "worksheet", "worksheets/sheet1.xml"]),
  "xl/worksheets/sheet1.xml": EMPTY_SHEET,
  ...extra,
});

const workbookXmlOf = (pkg: XlsxPackage) => XlsxPackage.open(pkg.toBytes(), "ut.xlsx").archive.text("xl/workbook.xml");

describe("the sheets of a workbook", () => {
  it("reads names, parts and visibility as LibreOffice saved them", () => {
    expect(fixture("libreoffice-resaved.xlsx").sheets.map(({ name, path, state }) => [name, path, state])).toEqual([
      ["Fördelning", "xl/worksheets/sheet1.xml", "visible"],
      ["Underlag", "xl/worksheets/sheet2.xml", "hidden"],
      ["Inställningar", "xl/worksheets/sheet3.xml", "hidden"],
      ["Nyckel", "xl/worksheets/sheet4.xml", "visible"],
    ]);
  });

  it("resolves openpyxl's absolute targets, and calls a sheet without state visible", () => {
    expect(fixture("openpyxl-layout.xlsx").sheets.map(({ name, path }) => [name, path])).toEqual([["Nyckel", "xl/worksheets/sheet1.xml"], ["Fördelning", "xl/worksheets/sheet2.xml"]]);
    const bytes = pack({
      "xl/workbook.xml": `<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      "xl/_rels/workbook.xml.rels": rels(["rId1", "worksheet", "/xl/worksheets/sheet1.xml"]),
      "xl/worksheets/sheet1.xml": EMPTY_SHEET,
    });
    expect(XlsxPackage.open(bytes, "x.xlsx").sheets[0].state).toBe("visible");
  });

  it("finds the workbook part where the package's relationships say, not only at xl/workbook.xml", () => {
    const bytes = pack({
      "_rels/.rels": rels(["rId1", "officeDocument", "bok/huvud.xml"]),
      "bok/huvud.xml": `<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      "bok/_rels/huvud.xml.rels": rels(["rId1", "worksheet", "blad/ett.xml"]),
      "bok/blad/ett.xml": EMPTY_SHEET,
    });
    const pkg = XlsxPackage.open(bytes, "annan.xlsx");
    expect([pkg.workbookPath, pkg.sheets.map((s) => s.path)]).toEqual(["bok/huvud.xml", ["bok/blad/ett.xml"]]);
  });

  it("reads a workbook whose elements carry a namespace prefix (x:workbook, x:sheet)", () => {
    const bytes = pack({
      "xl/workbook.xml": `<x:workbook xmlns:x="${MAIN}" xmlns:r="${R}"><x:sheets><x:sheet name="Ask" sheetId="1" r:id="rId1"/></x:sheets><x:definedNames><x:definedName name="Vikt">Ask!$B$2</x:definedName></x:definedNames></x:workbook>`,
      "xl/_rels/workbook.xml.rels": rels(["rId1", "worksheet", "worksheets/sheet1.xml"]),
      "xl/worksheets/sheet1.xml": EMPTY_SHEET,
    });
    const pkg = XlsxPackage.open(bytes, "sdk.xlsx");
    expect([pkg.sheets.map((s) => s.name), pkg.names]).toEqual([["Ask"], [{ name: "Vikt", sheet: null, formula: "Ask!$B$2" }]]);
  });

  it("leaves chart sheets out (they hold no cells), but counts them where a local name says which sheet it belongs to", () => {
    const bytes = pack({
      "xl/workbook.xml": `<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/><sheet name="Diagram" sheetId="2" r:id="rId2"/><sheet name="Nyckel" sheetId="3" r:id="rId3"/></sheets>`
        + `<definedNames><definedName name="Vikter" localSheetId="2">Nyckel!$B$2:$B$5</definedName><definedName name="Total">Data!$A$1</definedName></definedNames></workbook>`,
      "xl/_rels/workbook.xml.rels": rels(["rId1", "worksheet", "worksheets/sheet1.xml"], ["rId2", "chartsheet", "chartsheets/sheet1.xml"], ["rId3", "worksheet", "worksheets/sheet2.xml"]),
      "xl/worksheets/sheet1.xml": EMPTY_SHEET,
      "xl/worksheets/sheet2.xml": EMPTY_SHEET,
      "xl/chartsheets/sheet1.xml": `<chartsheet xmlns="${MAIN}"/>`,
    });
    const pkg = XlsxPackage.open(bytes, "diagram.xlsx");
    expect(pkg.sheets.map((s) => s.name)).toEqual(["Data", "Nyckel"]);
    // localSheetId 2 is the third <sheet>, Nyckel, even though only two of them are worksheets.
    expect(pkg.names).toEqual([{ name: "Vikter", sheet: "Nyckel", formula: "Nyckel!$B$2:$B$5" }, { name: "Total", sheet: null, formula: "Data!$A$1" }]);
  });

  it("refuses a workbook without sheets, and a zip without a workbook, in Swedish with the file", () => {
    const noSheets = pack({ "xl/workbook.xml": `<workbook xmlns="${MAIN}"><sheets/></workbook>` });
    expect(locatedMessage(domainErrorOf(() => XlsxPackage.open(noSheets, "tom.xlsx")))).toBe("fil tom.xlsx: arbetsboken har inga blad");
    const noWorkbook = pack({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<document/>" });
    expect(locatedMessage(domainErrorOf(() => XlsxPackage.open(noWorkbook, "dokument.xlsx")))).toBe("fil dokument.xlsx: filen är ett zip-arkiv men ingen Excel-arbetsbok (xl/workbook.xml saknas); spara den som Excel-arbetsbok (.xlsx)");
  });

  it("names file and sheet when a worksheet part is damaged", () => {
    const pkg = XlsxPackage.open(oneSheet("", { "xl/worksheets/sheet1.xml": `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row>` }), "avbruten.xlsx");
    expect(locatedMessage(domainErrorOf(() => pkg.sheetXml(pkg.sheets[0])))).toBe("fil avbruten.xlsx, blad Data: xlsx-filen är skadad (bladets celler avslutas aldrig); öppna den i Excel och spara den igen");
  });
});

describe("defined names and the date system", () => {
  it("reads a workbook-wide name with its formula unescaped as the writer escaped it", () => {
    expect(fixture("libreoffice-native.xlsx").names).toEqual([{ name: "Vikter", sheet: null, formula: "Fördelning!$B$3:$B$6" }]);
    expect(fixture("exceljs-rich.xlsx").names).toEqual([{ name: "Vikter", sheet: null, formula: "'Fördelning'!$B$3:$B$6" }]); // &apos; in the file
  });

  it("takes date1904 from LibreOffice's \"true\" and exceljs's \"1\" alike", () => {
    expect(["libreoffice-1904.xlsx", "exceljs-1904.xlsx", "libreoffice-native.xlsx", "openpyxl-layout.xlsx"].map((f) => fixture(f).date1904)).toEqual([true, true, false, false]);
  });

  it("keeps the name after an empty, self-closing <definedName name=\"Tom\"/>, and leaves the empty one out (it has no formula)", () => {
    const names = (inside: string) => XlsxPackage.open(oneSheet(`<definedNames>${inside}</definedNames>`), "x.xlsx").names;
    expect(names('<definedName name="Tom"/><definedName name="Vikter">Data!$A$1</definedName>')).toEqual([{ name: "Vikter", sheet: null, formula: "Data!$A$1" }]);
    expect(names('<definedName name="Tom" localSheetId="0" /><definedName name="Tom2"></definedName><definedName name="Vikter" localSheetId=\'0\'>Data!$A$1</definedName>')).toEqual([{ name: "Vikter", sheet: "Data", formula: "Data!$A$1" }]);
    // A ">" inside an attribute value does not end the element.
    expect(names('<definedName name="Kvot" comment="a > b">Data!$B$1</definedName><definedName name="Vikter">Data!$A$1</definedName>')).toEqual([{ name: "Kvot", sheet: null, formula: "Data!$B$1" }, { name: "Vikter", sheet: null, formula: "Data!$A$1" }]);
  });
});

describe("shared strings", () => {
  it("lists them in order from the workbook's relationship", () => {
    const strings = fixture("libreoffice-resaved.xlsx").sharedStrings();
    expect([strings.length, strings[0], strings[17]]).toEqual([18, "Kostnadsfördelning 2027", "version"]);
  });

  it("is an empty list when the workbook has none (openpyxl writes inline strings)", () => {
    expect(fixture("openpyxl-layout.xlsx").sharedStrings()).toEqual([]);
  });

  it("joins rich-text runs, leaves phonetic runs out and keeps an empty item in its place", () => {
    const sst = `<x:sst xmlns:x="${MAIN}"><x:si><x:r><x:t>Ask</x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve"> kommun</x:t></x:r><x:rPh sb="0" eb="3"><x:t>アスク</x:t></x:rPh></x:si><x:si/><x:si><x:t>A &amp; B</x:t></x:si></x:sst>`;
    const bytes = oneSheet("", {
      "xl/_rels/workbook.xml.rels": rels(["rId1", "worksheet", "worksheets/sheet1.xml"], ["rId2", "sharedStrings", "strängar.xml"]),
      "xl/strängar.xml": sst,
    });
    expect(XlsxPackage.open(bytes, "x.xlsx").sharedStrings()).toEqual(["Ask kommun", "", "A & B"]);
  });
});

describe("asking Excel to recalculate on open", () => {
  it("adds fullCalcOnLoad to LibreOffice's calcPr, keeping its other settings", () => {
    const pkg = fixture("libreoffice-native.xlsx");
    pkg.requestFullCalculationOnLoad();
    expect(workbookXmlOf(pkg)).toContain('<calcPr iterateCount="100" refMode="A1" iterate="false" iterateDelta="0.001" fullCalcOnLoad="1"/><extLst>');
  });

  it("turns fullCalcOnLoad=\"0\" into \"1\" rather than writing the attribute twice", () => {
    const pkg = XlsxPackage.open(oneSheet('<calcPr calcId="191029" fullCalcOnLoad="0"/>'), "x.xlsx");
    pkg.requestFullCalculationOnLoad();
    expect(workbookXmlOf(pkg)).toContain('<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>');
  });

  it("writes a calcPr where the schema wants it when there is none: after definedNames, before extLst", () => {
    const pkg = XlsxPackage.open(oneSheet('<definedNames><definedName name="A">Data!$A$1</definedName></definedNames><extLst><ext uri="{x}"/></extLst>'), "x.xlsx");
    pkg.requestFullCalculationOnLoad();
    expect(workbookXmlOf(pkg)).toContain('</definedNames><calcPr fullCalcOnLoad="1"/><extLst>');
    const bare = XlsxPackage.open(oneSheet(), "x.xlsx");
    bare.requestFullCalculationOnLoad();
    expect(workbookXmlOf(bare)).toMatch(/<\/sheets><calcPr fullCalcOnLoad="1"\/><\/workbook>$/);
  });

  it("replaces a single-quoted fullCalcOnLoad='0' too, rather than writing the attribute a second time", () => {
    const pkg = XlsxPackage.open(oneSheet(`<calcPr calcId="1" fullCalcOnLoad='0'/>`), "x.xlsx");
    pkg.requestFullCalculationOnLoad();
    expect(workbookXmlOf(pkg)).toContain('<calcPr calcId="1" fullCalcOnLoad="1"/></workbook>');
    const spaced = XlsxPackage.open(oneSheet(`<calcPr fullCalcOnLoad = '0' calcId='1'></calcPr>`), "x.xlsx");
    spaced.requestFullCalculationOnLoad();
    expect(workbookXmlOf(spaced)).toContain(`<calcPr fullCalcOnLoad="1" calcId='1'></calcPr></workbook>`);
  });
});

describe("dropping the calculation chain", () => {
  const withChain = () => oneSheet('<calcPr calcId="191029"/>', {
    "[Content_Types].xml": `<Types xmlns="${NS}/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="a"/><Override PartName="/xl/calcChain.xml" ContentType="b"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="c"/></Types>`,
    "xl/_rels/workbook.xml.rels": rels(["rId1", "worksheet", "worksheets/sheet1.xml"], ["rId9", "calcChain", "calcChain.xml"], ["rId10", "styles", "styles.xml"]),
    "xl/calcChain.xml": `<calcChain xmlns="${MAIN}"><c r="A1" i="1"/></calcChain>`,
    "xl/styles.xml": `<styleSheet xmlns="${MAIN}"/>`,
  });

  it("removes the part, its relationship and its content type, and nothing else", () => {
    const pkg = XlsxPackage.open(withChain(), "kedja.xlsx");
    pkg.dropCalculationChain();
    const after = XlsxPackage.open(pkg.toBytes(), "ut.xlsx").archive;
    expect(after.has("xl/calcChain.xml")).toBe(false);
    const relsText = after.text("xl/_rels/workbook.xml.rels");
    expect(relsText).not.toContain("calcChain");
    expect(relsText).toContain('Id="rId1"');
    expect(relsText).toContain('Id="rId10"');
    const types = after.text("[Content_Types].xml");
    expect(types).not.toContain("calcChain");
    expect(types).toContain('PartName="/xl/worksheets/sheet1.xml"');
    // Every other part stays, in its place (the order withChain() stores them in).
    expect(after.entries.map((e) => e.name)).toEqual(["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml", "[Content_Types].xml", "xl/styles.xml"]);
  });

  it("finds the relationship and the content type when they are written with single quotes", () => {
    const pkg = XlsxPackage.open(oneSheet("", {
      "[Content_Types].xml": `<Types xmlns="${NS}/package/2006/content-types"><Override ContentType='b' PartName='/xl/calcChain.xml' /><Override PartName="/xl/worksheets/sheet1.xml" ContentType="c"/></Types>`,
      "xl/_rels/workbook.xml.rels": `<Relationships xmlns="${NS}/package/2006/relationships"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Type='${R}/calcChain' Target='calcChain.xml' Id='rId9' /></Relationships>`,
      "xl/calcChain.xml": `<calcChain xmlns="${MAIN}"><c r="A1" i="1"/></calcChain>`,
    }), "kedja.xlsx");
    pkg.dropCalculationChain();
    const after = XlsxPackage.open(pkg.toBytes(), "ut.xlsx").archive;
    expect([after.has("xl/calcChain.xml"), after.text("xl/_rels/workbook.xml.rels"), after.text("[Content_Types].xml")]).toEqual([
      false,
      `<Relationships xmlns="${NS}/package/2006/relationships"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      `<Types xmlns="${NS}/package/2006/content-types"><Override PartName="/xl/worksheets/sheet1.xml" ContentType="c"/></Types>`,
    ]);
  });

  it("changes nothing in a workbook without one", () => {
    const pkg = fixture("libreoffice-native.xlsx");
    const before = pkg.archive.text("xl/_rels/workbook.xml.rels");
    pkg.dropCalculationChain();
    const after = XlsxPackage.open(pkg.toBytes(), "ut.xlsx");
    expect(after.archive.text("xl/_rels/workbook.xml.rels")).toBe(before);
    expect(after.archive.entries.length).toBe(pkg.archive.entries.length);
  });
});
