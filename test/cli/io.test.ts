import { mkdtempSync, openSync, closeSync, ftruncateSync, rmSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CliIO, nodeIO, readCapped, readCsvFile, readInputFile } from "../../src/cli/io";
import { isDomainError, locatedMessage } from "../../src/core/errors";

const dir = mkdtempSync(join(tmpdir(), "samkalk-io-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

const readingWith = (readFile: CliIO["readFile"]): CliIO => ({ ...nodeIO, readFile });

function located(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (isDomainError(error)) return locatedMessage(error);
    throw error;
  }
  return "nothing thrown";
}

describe("reading an input under a size limit", () => {
  it("reads a file of exactly the limit, and refuses one byte more", () => {
    const path = file("tio.csv", "0123456789");
    expect(new TextDecoder().decode(readCapped(path, 10))).toBe("0123456789");
    expect(() => readCapped(path, 9)).toThrow();
  });

  it("puts a file read in several chunks together byte for byte", () => {
    const bytes = randomBytes(2.5 * 1024 * 1024);
    const path = file("stor.bin", bytes);
    expect(Buffer.from(readCapped(path, 3 * 1024 * 1024)).equals(bytes)).toBe(true);
  });

  it("stops reading a device that never ends once it passes the limit", () => {
    expect(() => readCapped("/dev/zero", 1000)).toThrow();
  });

  it("refuses a file larger than 64 MB from its size alone, naming the file and both sizes", () => {
    const path = join(dir, "jätte.csv");
    const fd = openSync(path, "w");
    ftruncateSync(fd, 65 * 1024 * 1024); // sparse: nothing is written, and reading it would take 65 MB
    closeSync(fd);
    expect(located(() => readInputFile(nodeIO, path))).toBe("fil jätte.csv: filen är 65 MB; största tillåtna storlek är 64 MB. Dela upp den i flera filer");
  });
});

describe("input errors name the file", () => {
  it("wraps an error of the reader, even one without a code, as Swedish text on the path given", () => {
    const io = readingWith(() => {
      throw new Error("nätverksenheten svarar inte");
    });
    expect(located(() => readInputFile(io, "G:/delat/nyckel.csv"))).toBe("fil G:/delat/nyckel.csv: filen kan inte läsas: nätverksenheten svarar inte");
  });

  it("reads a CSV named by its file name, not the whole path", () => {
    const path = file("nyckel.csv", "Medlem;Vikt\nAsk;1\n");
    const table = readCsvFile(nodeIO, path);
    expect([table.file, table.headers, table.rows]).toEqual(["nyckel.csv", ["Medlem", "Vikt"], [["Ask", "1"]]]);
  });
});

describe("the terminal", () => {
  it("ends every write with exactly one line break", () => {
    const written: string[] = [];
    const spy = jest.spyOn(process.stdout, "write").mockImplementation((text) => {
      written.push(String(text));
      return true;
    });
    try {
      nodeIO.stdout("en rad");
      nodeIO.stdout("färdig rad\n");
    } finally {
      spy.mockRestore();
    }
    expect(written).toEqual(["en rad\n", "färdig rad\n"]);
  });
});
