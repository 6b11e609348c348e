import { readFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { ZipArchive } from "../../src/io/zipArchive";
import { unpackBudget } from "../../src/io/zipDirectory";
import { locatedMessage } from "../../src/core/errors";
import { LIMITS } from "../../src/core/limits";
import { zip } from "../zipWriter";
import { domainErrorOf } from "../thrown";

const CORPUS = join(__dirname, "..", "fixtures", "xlsx-corpus");
const fixture = (name: string) => new Uint8Array(readFileSync(join(CORPUS, name)));
const MB = 1024 * 1024;

/** Where a part's central directory entry starts (the fields the reader trusts). */
function centralEntry(bytes: Buffer, name: string): number {
  for (let at = bytes.length - 46; at >= 0; at--) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) continue;
    const length = bytes.readUInt16LE(at + 28);
    if (bytes.toString("utf-8", at + 46, at + 46 + length) === name) return at;
  }
  throw new Error(`${name} is not in the archive`);
}

/** Bytes that deflate cannot shrink (a fixed linear congruential sequence). */
function incompressible(length: number): Buffer {
  const out = Buffer.alloc(length);
  let x = 12345;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** The size in MB a zip-bomb message says the file would unpack to. */
const claimedMegabytes = (message: string) => Number(/packas upp till ([\d,]+) MB/.exec(message)![1].replace(",", "."));

describe("opening an archive", () => {
  it("refuses a file over the size limit before reading its directory", () => {
    // Zeros are no zip: the size is refused first, so the message is about size, not format.
    const error = domainErrorOf(() => ZipArchive.open(new Uint8Array(LIMITS.fileBytes + MB), "stor.xlsx"));
    expect(locatedMessage(error)).toMatch(/^fil stor\.xlsx: filen är 65 MB; största tillåtna storlek är 64 MB/);
  });

  it("lists the parts of a LibreOffice file in the order they are stored", () => {
    const archive = ZipArchive.open(fixture("libreoffice-1904.xlsx"), "lo.xlsx");
    expect(archive.entries.map((e) => e.name)).toEqual([
      "_rels/.rels", "xl/workbook.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/_rels/workbook.xml.rels",
      "xl/sharedStrings.xml", "docProps/core.xml", "docProps/app.xml", "[Content_Types].xml",
    ]);
    expect(archive.has("xl/workbook.xml")).toBe(true);
    expect(archive.has("xl/calcChain.xml")).toBe(false);
  });
});

describe("reading a part", () => {
  it("inflates a deflated part and gives a stored one as it is", async () => {
    const stored = new JSZip();
    stored.file("a.xml", "<a>lagrad</a>", { compression: "STORE" });
    stored.file("b.xml", "<b>packad</b>", { compression: "DEFLATE" });
    const archive = ZipArchive.open(await stored.generateAsync({ type: "uint8array" }), "x.xlsx");
    expect(archive.entries.map((e) => e.method)).toEqual([0, 8]);
    expect([archive.text("a.xml"), archive.text("b.xml")]).toEqual(["<a>lagrad</a>", "<b>packad</b>"]);
  });

  it("says which part is missing, in Swedish, with the file", () => {
    const archive = ZipArchive.open(fixture("openpyxl-layout.xlsx"), "py.xlsx");
    expect(locatedMessage(domainErrorOf(() => archive.read("xl/sharedStrings.xml")))).toBe("fil py.xlsx: xlsx-filen saknar delen xl/sharedStrings.xml; öppna den i Excel och spara den igen");
  });

  it("refuses a part whose bytes do not match the checksum its directory gives", () => {
    const bytes = zip([["xl/workbook.xml", Buffer.from("<workbook/>")]]);
    bytes[centralEntry(bytes, "xl/workbook.xml") + 16] ^= 0x01; // the CRC-32 in the central directory
    const error = domainErrorOf(() => ZipArchive.open(new Uint8Array(bytes), "crc.xlsx").read("xl/workbook.xml"));
    expect(locatedMessage(error)).toBe("fil crc.xlsx: xlsx-filen är skadad (delen xl/workbook.xml stämmer inte med sin storlek eller kontrollsumma); öppna den i Excel och spara den igen");
  });

  it("refuses a part that unpacks to another size than its directory claims", () => {
    const data = Buffer.from("<workbook/>");
    const error = domainErrorOf(() => ZipArchive.open(new Uint8Array(zip([["xl/workbook.xml", data]], data.length + 1)), "storlek.xlsx").read("xl/workbook.xml"));
    expect(error.message).toContain("delen xl/workbook.xml stämmer inte med sin storlek eller kontrollsumma");
  });

  it("says a part is damaged when its packed data is no deflate stream", () => {
    const bytes = zip([["xl/workbook.xml", Buffer.from("<workbook>" + "x".repeat(500) + "</workbook>")]]);
    // 0xff first: a final block of the reserved type 3, which no inflater accepts.
    bytes.fill(0xff, 30 + "xl/workbook.xml".length, 30 + "xl/workbook.xml".length + 4);
    const error = domainErrorOf(() => ZipArchive.open(new Uint8Array(bytes), "trasig.xlsx").read("xl/workbook.xml"));
    expect(locatedMessage(error)).toBe("fil trasig.xlsx: xlsx-filen är skadad (delen xl/workbook.xml kan inte packas upp); öppna den i Excel och spara den igen");
  });

  it("names the part and the method when a part is packed in a way it cannot unpack", () => {
    const bytes = zip([["xl/workbook.xml", Buffer.from("<workbook/>")]]);
    bytes.writeUInt16LE(12, centralEntry(bytes, "xl/workbook.xml") + 10); // 12 is bzip2 (APPNOTE 4.4.5)
    const error = domainErrorOf(() => ZipArchive.open(new Uint8Array(bytes), "bzip.xlsx").read("xl/workbook.xml"));
    expect(locatedMessage(error)).toBe("fil bzip.xlsx: delen xl/workbook.xml är packad med en metod som inte stöds (12)");
  });
});

describe("the cap on what an archive unpacks, whatever its headers claim", () => {
  it("stops a part whose headers understate its size at the archive's budget, not at its end", () => {
    // 20 MB of spaces packs to about 20 kB, so the budget (200 × the file) is about 4 MB.
    const bytes = new Uint8Array(zip([["xl/workbook.xml", Buffer.alloc(20 * MB, 0x20)]], 1000));
    const budget = unpackBudget(bytes.length);
    expect(budget).toBeLessThan(20 * MB);
    const error = domainErrorOf(() => ZipArchive.open(bytes, "ljuger.xlsx").read("xl/workbook.xml"));
    expect(error.code).toBe("OUT_OF_RANGE");
    expect(error.location).toEqual({ file: "ljuger.xlsx" });
    expect(error.message).toMatch(/det liknar en zip-bomb och öppnas inte \(högst 512 MB uppackat\)$/);
    // It names a size just past the budget: what it would have had to unpack to go on, not the 20 MB.
    expect(claimedMegabytes(error.message) * MB).toBeGreaterThanOrEqual(budget - 0.05 * MB);
    expect(claimedMegabytes(error.message)).toBeLessThan(20);
  });

  it("counts every part read against one budget: each part fits, the second one together does not", () => {
    const bytes = new Uint8Array(zip([["fill.bin", incompressible(20_000)], ["xl/a.xml", Buffer.alloc(3 * MB, 0x20)], ["xl/b.xml", Buffer.alloc(3 * MB, 0x20)]]));
    // About 26 kB packed: a budget of about 5,2 MB, more than one part and less than both.
    const budget = unpackBudget(bytes.length);
    expect(budget).toBeGreaterThan(3 * MB + 20_000);
    expect(budget).toBeLessThan(6 * MB);
    const archive = ZipArchive.open(bytes, "två.xlsx");
    expect(archive.read("xl/a.xml").length).toBe(3 * MB);
    expect(domainErrorOf(() => archive.read("xl/b.xml")).message).toContain("zip-bomb");
  });
});

describe("rewriting an archive", () => {
  const original = fixture("libreoffice-resaved.xlsx");
  const edited = () => {
    const archive = ZipArchive.open(original, "lo.xlsx");
    archive.replace("xl/workbook.xml", "<workbook>ny</workbook>");
    archive.remove("docProps/custom.xml");
    return { archive, bytes: archive.toBytes() };
  };

  it("knows a removed part is gone, and refuses to replace a part that is not there", () => {
    const { archive } = edited();
    expect(archive.has("docProps/custom.xml")).toBe(false);
    expect(() => archive.replace("xl/ny.xml", "<x/>")).toThrow("xl/ny.xml finns inte i arkivet");
  });

  it("keeps order, names, dates, attributes and packed bytes of every part it did not replace", () => {
    const before = ZipArchive.open(original, "lo.xlsx");
    const after = ZipArchive.open(edited().bytes, "ut.xlsx");
    expect(after.entries.map((e) => e.name)).toEqual(before.entries.map((e) => e.name).filter((n) => n !== "docProps/custom.xml"));
    for (const entry of after.entries.filter((e) => e.name !== "xl/workbook.xml")) {
      const old = before.entries.find((e) => e.name === entry.name)!;
      const fields = (e: typeof entry) => [e.method, e.time, e.date, e.crc, e.compressedSize, e.size, e.externalAttributes, e.versionMadeBy];
      expect(fields(entry)).toEqual(fields(old));
      expect(Buffer.from(after.read(entry.name))).toEqual(Buffer.from(before.read(entry.name)));
    }
    expect(after.text("xl/workbook.xml")).toBe("<workbook>ny</workbook>");
  });

  it("writes sizes in each local header instead of LibreOffice's data descriptors, so the parts follow one another", () => {
    const bytes = Buffer.from(edited().bytes);
    expect(ZipArchive.open(original, "lo.xlsx").entries.every((e) => (e.flags & 0x0008) !== 0)).toBe(true);
    let at = 0;
    let parts = 0;
    while (bytes.readUInt32LE(at) === 0x04034b50) {
      expect(bytes.readUInt16LE(at + 6) & 0x0008).toBe(0);
      at += 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28) + bytes.readUInt32LE(at + 18);
      parts++;
    }
    // After the last part comes the central directory, with nothing (no descriptor) between.
    expect(bytes.readUInt32LE(at)).toBe(0x02014b50);
    expect(parts).toBe(19);
  });

  it("gives a file another zip reader opens with every checksum right", async () => {
    const reread = await JSZip.loadAsync(edited().bytes, { checkCRC32: true });
    expect(await reread.file("xl/workbook.xml")!.async("string")).toBe("<workbook>ny</workbook>");
    expect(reread.file("docProps/custom.xml")).toBeNull();
    expect(await reread.file("xl/sharedStrings.xml")!.async("string")).toContain("Kostnadsfördelning 2027");
  });
});

describe("parts the caller has already unpacked", () => {
  const sheet = Buffer.from(`<worksheet><sheetData>${"<row/>".repeat(500)}</sheetData></worksheet>`);
  const bytes = new Uint8Array(zip([["xl/worksheets/sheet1.xml", sheet], ["xl/workbook.xml", Buffer.from("<workbook/>")]]));

  it("are used once instead of inflating them, then let go", () => {
    const given = new Uint8Array(sheet);
    const archive = ZipArchive.open(bytes, "b.xlsx", new Map([["xl/worksheets/sheet1.xml", given]]));
    expect(archive.read("xl/worksheets/sheet1.xml")).toBe(given);
    const again = archive.read("xl/worksheets/sheet1.xml");
    expect(again).not.toBe(given);
    expect(Buffer.from(again).equals(sheet)).toBe(true);
  });

  it("are inflated again when the one given has the wrong size (a buffer moved elsewhere), and refused when its contents differ", () => {
    const moved = new Uint8Array(0);
    expect(Buffer.from(ZipArchive.open(bytes, "b.xlsx", new Map([["xl/worksheets/sheet1.xml", moved]])).read("xl/worksheets/sheet1.xml")).equals(sheet)).toBe(true);
    const other = new Uint8Array(sheet);
    other[20] ^= 1;
    expect(domainErrorOf(() => ZipArchive.open(bytes, "b.xlsx", new Map([["xl/worksheets/sheet1.xml", other]])).read("xl/worksheets/sheet1.xml")).message).toMatch(/kontrollsumma/);
  });
});
