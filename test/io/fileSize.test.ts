import { checkFileSize, megabytes } from "../../src/io/fileSize";
import { LIMITS } from "../../src/core/limits";

describe("file sizes", () => {
  it("writes sizes in MB with a decimal comma, as users read them", () => {
    expect(megabytes(100 * 1024 * 1024)).toBe("100 MB");
    expect(megabytes(7.3 * 1024 * 1024)).toBe("7,3 MB");
    expect(megabytes(0)).toBe("0 MB");
  });

  it("refuses a file over the limit before anything is read, naming the file and both sizes", () => {
    expect(() => checkFileSize(LIMITS.fileBytes, "stor.xlsx")).not.toThrow();
    expect(() => checkFileSize(LIMITS.fileBytes + 1, "stor.xlsx")).toThrow(`filen är ${megabytes(LIMITS.fileBytes + 1)}; största tillåtna storlek är ${megabytes(LIMITS.fileBytes)}`);
  });
});
