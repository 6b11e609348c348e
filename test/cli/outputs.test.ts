import { chmodSync, linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../src/cli/main";
import { writeAtomically } from "../../src/cli/io";
import { captureIO } from "./captureIO";
import { buildDemoWorkbook } from "../../src/demo/demoWorkbook";
import { writeWorkbookFile } from "../../src/io/xlsxWorkbook";

describe("outputs are whole or not at all, and never the input", () => {
  const dir = mkdtempSync(join(tmpdir(), "samkalk-out-"));
  const input = join(dir, "modell.xlsx");
  beforeAll(async () => writeFileSync(input, await writeWorkbookFile((await buildDemoWorkbook()).snapshot())));

  it("refuses an output that is the input through a symbolic or a hard link, and leaves the input as it was", async () => {
    const before = readFileSync(input);
    symlinkSync(input, join(dir, "mjuk.xlsx"));
    linkSync(input, join(dir, "hard.xlsx"));
    for (const link of ["mjuk.xlsx", "hard.xlsx"]) {
      const { out, io } = captureIO();
      expect(await run(["recalc", input, "-o", join(dir, link)], io)).toBe(2);
      expect(out.stderr).toContain("utfilen är samma fil som infilen");
    }
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it("answers a missing folder, a read-only folder and a too long name in Swedish with exit 2, and leaves no temporary file", async () => {
    const cases: [string, string][] = [[join(dir, "finns-inte", "ut.xlsx"), "mappen finns inte"], [join(dir, `${"x".repeat(300)}.xlsx`), "för långt"]];
    const locked = join(dir, "låst");
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    if (process.getuid?.() !== 0) cases.push([join(locked, "ut.xlsx"), "rättighet"]); // root may write anyway
    for (const [path, message] of cases) {
      const { out, io } = captureIO();
      expect(await run(["recalc", input, "-o", path], io)).toBe(2);
      expect(out.stderr).toContain(message);
      expect(out.stderr).not.toMatch(/\bat \w+ \(/); // no stack trace
    }
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("replaces a file only once the new one is complete on disk", () => {
    const target = join(dir, "ut.bin");
    writeFileSync(target, "gammalt");
    writeAtomically(target, new TextEncoder().encode("nytt innehåll"));
    expect(readFileSync(target, "utf-8")).toBe("nytt innehåll");
    expect(readdirSync(dir).filter((f) => f.startsWith(".ut.bin"))).toEqual([]);
  });
});

describe("inputs are capped while reading", () => {
  it("refuses /dev/zero (a file that never ends) without reading more than the limit", async () => {
    const { out, io } = captureIO();
    const before = process.memoryUsage().rss;
    expect(await run(["allocate", "--total", "100", "--key", "/dev/zero"], io)).toBe(2);
    expect(out.stderr).toContain("fil /dev/zero");
    expect(out.stderr).toContain("största tillåtna storlek");
    expect(process.memoryUsage().rss - before).toBeLessThan(512 * 1024 * 1024);
  });
});
