import { decodeBytes, detectDelimiter, parseCsvBytes, parseCsvText } from "../../src/io/csv";
import { readKey } from "../../src/model/keyFile";
import { locatedMessage } from "../../src/core/errors";

const win1252 = (text: string) => Uint8Array.from([...text].map((c) => (c === "å" ? 0xe5 : c === "ä" ? 0xe4 : c === "ö" ? 0xf6 : c === "Ö" ? 0xd6 : c.charCodeAt(0))));

describe("decodeBytes", () => {
  it("reads UTF-8 with BOM, plain UTF-8, Windows-1252 and UTF-16 LE", () => {
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("Björkby")]))).toEqual({ text: "Björkby", encoding: "utf-8" });
    expect(decodeBytes(new TextEncoder().encode("Örby"))).toEqual({ text: "Örby", encoding: "utf-8" });
    expect(decodeBytes(win1252("Björkby;Växjö"))).toEqual({ text: "Björkby;Växjö", encoding: "windows-1252" });
    expect(decodeBytes(new Uint8Array([0xff, 0xfe, 0x41, 0, 0xe5, 0]))).toEqual({ text: "Aå", encoding: "utf-16le" });
  });
});

describe("parseCsvText", () => {
  it("detects ';' even when numbers have decimal commas", () => {
    expect(detectDelimiter("Medlem;Vikt\nAsk;1,5")).toBe(";");
    expect(detectDelimiter("member,weight\nAsk,2")).toBe(",");
    expect(detectDelimiter("a\tb")).toBe("\t");
  });

  it("takes the separator from the header, the first line that is not blank, like the parser does", () => {
    const t = parseCsvText("\n\nMedlem;Vikt\nAsk;1\n", "k.csv");
    expect([t.delimiter, t.headers, t.rows, t.headerRowNumber, t.rowNumbers]).toEqual([";", ["Medlem", "Vikt"], [["Ask", "1"]], 3, [4]]);
    expect(detectDelimiter(" \r\n\t\r\nMedlem\tVikt\r\nAsk\t1,5")).toBe("\t");
    // A line of only separators (Excel's empty row) is blank to the parser too.
    expect(parseCsvText(";;\n;;\nMedlem;Vikt\nAsk;1,5\n", "k.csv").headers).toEqual(["Medlem", "Vikt"]);
    // A quoted header may break its line, and hide a separator that is not one.
    expect(parseCsvText('\n"Medlem\n(kommun)";"Vikt, 2027"\nAsk;1,5\n', "k.csv").headers).toEqual(["Medlem\n(kommun)", "Vikt, 2027"]);
    // A file in two encodings is refused at the column of that header, blank lines above or not.
    const mixed = new Uint8Array([...new TextEncoder().encode("\n\nMedlem;Ort\nAsk;Björkby\n"), ...win1252("Dal;Växjö\n")]);
    expect(() => parseCsvBytes(mixed, "k.csv")).toThrow(expect.objectContaining({ message: expect.stringContaining("blandar teckenkodningar"), location: { file: "k.csv", row: 4, column: "Ort" } }));
  });

  it("keeps quoted separators and newlines and numbers rows from the header", () => {
    const t = parseCsvText('Medlem;Vikt\r\n"Ask; norra";"1 234,5"\n\n"Dal\nsödra";7\n', "k.csv");
    expect(t.rows).toEqual([["Ask; norra", "1 234,5"], ["Dal\nsödra", "7"]]);
    expect(t.rowNumbers).toEqual([2, 4]);
  });

  it("names file and row for a row with too many fields, and for an empty file", () => {
    expect(() => parseCsvText("A;B\n1;2;3\n", "x.csv")).toThrow(expect.objectContaining({ location: { file: "x.csv", row: 2 } }));
    expect(() => parseCsvBytes(new Uint8Array(), "tom.csv")).toThrow(expect.objectContaining({ code: "MISSING_VALUE", location: { file: "tom.csv" } }));
  });
});

describe("readKey", () => {
  const read = (text: string) => readKey(parseCsvText(text, "nyckel.csv"));
  const errorOf = (text: string) => {
    try {
      read(text);
    } catch (error) {
      return locatedMessage(error as never);
    }
    throw new Error("expected an error");
  };

  it("reads members and Swedish weights by header name in any order", () => {
    expect(read("Användare;Kommun\n1 200;Ask\n0;Dal").map((e) => [e.member, e.weight.toNumber()])).toEqual([["Ask", 1200], ["Dal", 0]]);
  });

  it.each([
    ["Medlem;Vikt\nAsk;10\nask;5", "fil nyckel.csv, rad 3, kolumn Medlem: medlemmen 'ask' finns redan på rad 2"],
    ["Medlem;Vikt\nAsk;10\nDal;-5", "fil nyckel.csv, rad 3, kolumn Vikt: vikten -5 är negativ; en vikt ska vara 0 eller större"],
    ["Medlem;Vikt\nAsk;0\nDal;0", "fil nyckel.csv, rad 2, kolumn Vikt: alla vikter är noll, så det finns inget att fördela efter"],
    ["Medlem;Vikt\nAsk;10\nDal;tio", "fil nyckel.csv, rad 3, kolumn Vikt: texten 'tio' är inget tal"],
    ["Medlem;Vikt\n", "fil nyckel.csv, rad 2: nyckeln har inga datarader under rubrikraden"],
    ["Medlem;Vikt\nAsk;n/a", "fil nyckel.csv, rad 2, kolumn Vikt: vikten saknas (skriv 0 för att utesluta medlemmen)"],
  ])("explains %j", (text, message) => {
    expect(errorOf(text)).toBe(message);
  });
});

describe("UTF-16 and control characters", () => {
  const table = "Medlem;Vikt\r\nBjörkby;230\r\nAsk;410\r\n";
  const utf16le = (t: string) => new Uint8Array(Buffer.from(t, "utf16le"));
  const utf16be = (t: string) => { const b = Buffer.from(t, "utf16le"); for (let i = 0; i < b.length; i += 2) [b[i], b[i + 1]] = [b[i + 1], b[i]]; return new Uint8Array(b); };
  it("reads UTF-16 with or without a BOM, little- or big-endian", () => {
    for (const bytes of [utf16le(table), utf16be(table), new Uint8Array([0xff, 0xfe, ...utf16le(table)]), new Uint8Array([0xfe, 0xff, ...utf16be(table)])]) {
      const t = parseCsvBytes(bytes, "nyckel.csv");
      expect(t.rows).toEqual([["Björkby", "230"], ["Ask", "410"]]);
    }
  });
  it("refuses a control character inside a field, naming row and column", () => {
    expect(() => parseCsvBytes(new TextEncoder().encode("Medlem;Vikt\nBjörk\u0000by;230\n"), "n.csv")).toThrow(expect.objectContaining({ message: expect.stringContaining("styrtecken (U+0000)"), location: { file: "n.csv", row: 2, column: "Medlem" } }));
  });
});
