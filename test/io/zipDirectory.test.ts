import { zip } from "../zipWriter";
import { checkZipArchive, readZipDirectory, unpackBudget } from "../../src/io/zipDirectory";
import { LIMITS } from "../../src/core/limits";

describe("the central directory of a zip", () => {
  it("lists each part with its declared sizes, without unpacking anything", () => {
    const bytes = new Uint8Array(zip([["[Content_Types].xml", Buffer.from("<Types/>")], ["xl/workbook.xml", Buffer.alloc(5000, 0x20)]]));
    const entries = readZipDirectory(bytes, "a.xlsx");
    expect(entries.map((e) => [e.name, e.size])).toEqual([["[Content_Types].xml", 8], ["xl/workbook.xml", 5000]]);
    expect(() => checkZipArchive(bytes, "a.xlsx")).not.toThrow();
  });

  it("refuses an archive that claims to unpack to far more than its own size, naming the file", () => {
    const bytes = new Uint8Array(zip([["xl/workbook.xml", Buffer.alloc(1000, 0x20)]], 3 * 1024 * 1024 * 1024));
    expect(() => checkZipArchive(bytes, "bomb.xlsx")).toThrow(/zip-bomb/);
  });

  it("refuses bytes that are no zip in Swedish", () => {
    expect(() => readZipDirectory(new Uint8Array([1, 2, 3, 4]), "x.xlsx")).toThrow(/zip/);
  });

  it("lets an archive unpack to its ratio times its size, never past the documented maximum", () => {
    expect(unpackBudget(1000)).toBe(1000 * LIMITS.xlsxRatio);
    expect(unpackBudget(10 ** 12)).toBe(LIMITS.xlsxUnpackedBytes);
    expect(unpackBudget(0)).toBe(LIMITS.xlsxRatio);
  });
});
