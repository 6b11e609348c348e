import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { checkInflatedSizes } from "../../src/io/inflatedSize";
import { unpackBudget } from "../../src/io/zipDirectory";
import { isDomainError, locatedMessage } from "../../src/core/errors";
import { zip } from "../zipWriter";

/** The browser's check before exceljs sees a file (here with Node's DecompressionStream, the same web API). */
const CORPUS = join(__dirname, "..", "fixtures", "xlsx-corpus");
const MB = 1024 * 1024;

const outcome = (bytes: Uint8Array, file: string) => checkInflatedSizes(bytes, file).then(() => "passes", (e) => (isDomainError(e) ? locatedMessage(e) : `other: ${String(e)}`));

/** 20 MB of spaces whose headers claim 1 000 bytes: packed to about 20 kB, a budget of about 4 MB. */
const lyingBomb = () => new Uint8Array(zip([["xl/worksheets/sheet1.xml", Buffer.alloc(20 * MB, 0x20)], ["[Content_Types].xml", Buffer.from("<Types/>")]], 1000));

describe("the browser's check of what an xlsx really unpacks to", () => {
  it.each(readdirSync(CORPUS).filter((f) => f.endsWith(".xlsx")))("lets %s through (stored and deflated parts, data descriptors)", async (name) => {
    expect(await outcome(new Uint8Array(readFileSync(join(CORPUS, name))), name)).toBe("passes");
  });

  it("stops a file whose headers understate its parts as soon as it passes the budget, naming the file", async () => {
    const bytes = lyingBomb();
    const message = await outcome(bytes, "bomb.xlsx");
    expect(message).toMatch(/^fil bomb\.xlsx: filen skulle packas upp till [\d,]+ MB från [\d,]+ MB; det liknar en zip-bomb och öppnas inte \(högst 512 MB uppackat\)$/);
    // It counts the bytes it produced up to the first chunk past the budget, never the whole 20 MB.
    const said = Number(/till ([\d,]+) MB/.exec(message)![1].replace(",", ".")) * MB;
    expect(said).toBeGreaterThanOrEqual(unpackBudget(bytes.length) - 0.05 * MB);
    expect(said).toBeLessThan(unpackBudget(bytes.length) + 2 * MB);
  });

  it("counts the whole archive, so many parts that each fit the budget cannot add up past it", async () => {
    const parts = Array.from({ length: 8 }, (_, i): [string, Buffer] => [`xl/worksheets/sheet${i + 1}.xml`, Buffer.alloc(MB, 0x20)]);
    const bytes = new Uint8Array(zip(parts, 1000));
    // About 9 kB packed: a budget of about 1,8 MB, more than one part's 1 MB and far less than all 8 MB.
    expect(unpackBudget(bytes.length)).toBeGreaterThan(MB);
    expect(unpackBudget(bytes.length)).toBeLessThan(4 * MB);
    expect(await outcome(bytes, "många.xlsx")).toContain("fil många.xlsx: filen skulle packas upp till");
  });

  describe("where the platform cannot inflate", () => {
    const platform = globalThis.DecompressionStream;
    afterEach(() => {
      globalThis.DecompressionStream = platform;
    });

    it("leaves the file to the declared-size check when there is no DecompressionStream", async () => {
      delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;
      expect(await outcome(lyingBomb(), "bomb.xlsx")).toBe("passes");
    });

    it("does the same when the browser knows no deflate-raw", async () => {
      globalThis.DecompressionStream = class {
        constructor(format: string) {
          if (format === "deflate-raw") throw new TypeError("Unsupported compression format");
        }
      } as unknown as typeof DecompressionStream;
      expect(await outcome(lyingBomb(), "bomb.xlsx")).toBe("passes");
    });
  });
});
