import { chmodSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { execFileSync, spawn } from "node:child_process";
import ExcelJS from "exceljs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../src/cli/main";
import { writeAtomically, writeOutputs } from "../../src/cli/outputFiles";
import { writeError } from "../../src/cli/fileErrors";
import { captureIO } from "./captureIO";
import { isDomainError, locatedMessage } from "../../src/core/errors";
import { buildDemoWorkbook } from "../../src/demo/demoWorkbook";
import { writeWorkbookFile } from "../../src/io/xlsxWorkbook";

function thrown(action: () => void): string {
  try {
    action();
  } catch (error) {
    return isDomainError(error) ? locatedMessage(error) : String(error);
  }
  return "nothing thrown";
}

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
    expect(readdirSync(dir).filter((f) => f.startsWith("."))).toEqual([]);
  });

  it("refuses a device, a FIFO, a folder and a symbolic link to another file as -o, in Swedish, and leaves each as it was", async () => {
    const other = join(dir, "annan.xlsx");
    writeFileSync(other, "annan fil");
    symlinkSync(other, join(dir, "länk.xlsx"));
    execFileSync("mkfifo", [join(dir, "fifo.xlsx")]);
    mkdirSync(join(dir, "mapp.xlsx"));
    const cases: [string, string][] = [
      ["/dev/null", "fil /dev/null: utfilen är en enhet (som /dev/null), inte en vanlig fil"],
      [join(dir, "fifo.xlsx"), "fifo.xlsx: utfilen är en namngiven pipe (FIFO), inte en vanlig fil"],
      [join(dir, "länk.xlsx"), "länk.xlsx: utfilen är en symbolisk länk"],
      [join(dir, "mapp.xlsx"), "mapp.xlsx: utfilen är en mapp, inte en fil"],
    ];
    for (const [path, message] of cases) {
      const { out, io } = captureIO();
      expect(await run(["recalc", input, "-o", path], io)).toBe(2);
      expect(out.stderr).toContain(message);
      expect(out.stderr).toContain("Inget skrevs");
    }
    expect(lstatSync(join(dir, "fifo.xlsx")).isFIFO()).toBe(true);
    expect(lstatSync(join(dir, "länk.xlsx")).isSymbolicLink()).toBe(true);
    expect(readFileSync(other, "utf-8")).toBe("annan fil");
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
    expect(readdirSync(dir).filter((f) => f.startsWith("."))).toEqual([]);
  });

  it("keeps the mode of a file it replaces: 0600 stays 0600", async () => {
    const target = join(dir, "hemlig.xlsx");
    writeFileSync(target, "gammal");
    chmodSync(target, 0o600);
    const { io } = captureIO();
    expect(await run(["recalc", input, "-o", target], io)).toBe(0);
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readFileSync(target).subarray(0, 2).toString()).toBe("PK");
    chmodSync(target, 0o640);
    writeAtomically(target, new TextEncoder().encode("igen"));
    expect(statSync(target).mode & 0o777).toBe(0o640);
  });

  it("writes several files all or none: a move that fails midway puts back what was already moved", () => {
    const folder = join(dir, "alla-eller-inga");
    mkdirSync(folder);
    writeFileSync(join(folder, "a.csv"), "gammal a");
    const outputs = ["a.csv", "b.csv", "c.csv"].map((name) => ({ path: join(folder, name), bytes: new TextEncoder().encode(`ny ${name}`) }));
    let moves = 0;
    const failing = (from: string, to: string) => {
      if (++moves === 3) throw Object.assign(new Error("full"), { code: "ENOSPC" }); // a.csv and b.csv are in when c.csv fails
      renameSync(from, to);
    };
    expect(thrown(() => writeOutputs(outputs, [], failing))).toBe(`fil ${join(folder, "c.csv")}: kan inte skriva filen: disken är full; inget skrevs`);
    expect(readdirSync(folder)).toEqual(["a.csv"]);
    expect(readFileSync(join(folder, "a.csv"), "utf-8")).toBe("gammal a");
    writeOutputs(outputs);
    expect(readdirSync(folder).sort()).toEqual(["a.csv", "b.csv", "c.csv"]);
    expect(readFileSync(join(folder, "c.csv"), "utf-8")).toBe("ny c.csv");
  });

  it("invoice never overwrites its own model file, even when it is named like an output; nothing is written", async () => {
    const folder = join(dir, "fakturor");
    mkdirSync(folder);
    const model = join(folder, "Fakturaunderlag 2027-Q1 Ask.xlsx");
    writeFileSync(model, readFileSync(input));
    const before = readFileSync(model);
    const { out, io } = captureIO();
    expect(await run(["invoice", model, "--year", "2027", "--period", "Q1", "-o", folder], io)).toBe(2);
    expect(out.stderr).toContain("fil " + model + ": utfilen är samma fil som infilen Fakturaunderlag 2027-Q1 Ask.xlsx");
    expect(readFileSync(model).equals(before)).toBe(true);
    expect(readdirSync(folder)).toEqual(["Fakturaunderlag 2027-Q1 Ask.xlsx"]);
  });

  it("invoice gives members named A/B, 'Ask', History or with an emoji valid file and sheet names", async () => {
    for (const name of ["A/B", "'Ask'", "History", `${"Å".repeat(28)}👩‍👩‍👧`]) {
      const json = JSON.stringify((await buildDemoWorkbook()).snapshot()).replaceAll('"Ask"', JSON.stringify(name));
      const model = join(dir, "namn-modell.xlsx");
      writeFileSync(model, await writeWorkbookFile(JSON.parse(json)));
      const folder = join(dir, `namn-${readdirSync(dir).length}`);
      const { out, io } = captureIO();
      expect([await run(["invoice", model, "--year", "2027", "--period", "Q1", "-o", folder], io), out.stderr]).toEqual([0, ""]);
      const files = readdirSync(folder);
      expect(files).toHaveLength(6);
      const own = files.find((f) => !/ (Björkby|Ceder|Dal|Sammanställning|Periodplan)\.xlsx$/.test(f))!;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(folder, own));
      const sheet = wb.worksheets[0].name;
      expect(sheet.length).toBeLessThanOrEqual(31);
      expect(sheet).not.toMatch(/[\\/?*[\]:]|^'|'$|^history$/i);
      expect(sheet).not.toMatch(/[\ud800-\udbff]$/); // never half an emoji
      expect(own).not.toContain("/");
    }
  });
});

describe("interrupted writes", () => {
  it("removes its temporary folder on SIGINT and SIGTERM, and still ends as interrupted", async () => {
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      const dir = mkdtempSync(join(tmpdir(), "samkalk-signal-"));
      const script = `const { removeOnSignal } = require(${JSON.stringify(join(__dirname, "..", "..", "lib", "cli", "temporaryFiles.js"))});
        const { mkdirSync, writeFileSync } = require("node:fs");
        const stage = ${JSON.stringify(join(dir, ".samkalk-halv"))};
        mkdirSync(stage); writeFileSync(stage + "/halv.xlsx", "halv");
        removeOnSignal(stage);
        process.stdout.write("redo\\n");
        setTimeout(() => {}, 30000);`;
      const child = spawn("node", ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
      await new Promise<void>((resolve) => child.stdout!.once("data", () => resolve()));
      expect(existsSync(join(dir, ".samkalk-halv", "halv.xlsx"))).toBe(true);
      const ended = new Promise<NodeJS.Signals | null>((resolve) => child.once("exit", (_, s) => resolve(s)));
      child.kill(signal);
      expect(await ended).toBe(signal);
      expect(readdirSync(dir)).toEqual([]);
    }
  });

  it("a signal during a write is handled after it: the output is whole and no temporary is left", async () => {
    const dir = mkdtempSync(join(tmpdir(), "samkalk-signal-"));
    const target = join(dir, "ut.csv");
    const script = `const { writeOutputs } = require(${JSON.stringify(join(__dirname, "..", "..", "lib", "cli", "outputFiles.js"))});
      const { renameSync } = require("node:fs");
      writeOutputs([{ path: ${JSON.stringify(target)}, bytes: Buffer.alloc(1 << 20, 65) }], [], (from, to) => { process.kill(process.pid, "SIGINT"); renameSync(from, to); });
      setTimeout(() => process.stdout.write("not interrupted"), 2000);`;
    const child = spawn("node", ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
    let stdout = "";
    child.stdout!.on("data", (d) => (stdout += d));
    const ended = await new Promise<NodeJS.Signals | null>((resolve) => child.once("exit", (_, s) => resolve(s)));
    expect([ended, stdout]).toEqual(["SIGINT", ""]);
    expect(readdirSync(dir)).toEqual(["ut.csv"]);
    expect(statSync(target).size).toBe(1 << 20);
  });
});

describe("file-system errors are Swedish and name the file", () => {
  it.each([
    ["EBUSY", "filen används av ett annat program"],
    ["EEXIST", "det finns redan en fil eller mapp med det namnet"],
    ["EISDIR", "det är en mapp, inte en fil"],
    ["ENOSPC", "disken är full"],
    ["EACCES", "saknar rättighet till filen eller mappen"],
  ])("%s", (code, words) => {
    const message = locatedMessage(writeError(Object.assign(new Error(`${code}: raw`), { code }), "ut.xlsx"));
    expect(message).toMatch(new RegExp(`^fil ut\\.xlsx: kan inte skriva filen: ${words}.*; inget skrevs$`));
    expect(message).not.toContain(code);
  });

  it("answers an input that is a folder or unreadable in Swedish, without the raw code", async () => {
    const dir = mkdtempSync(join(tmpdir(), "samkalk-read-"));
    const locked = join(dir, "låst.csv");
    writeFileSync(locked, "Medlem;Vikt\nAsk;1\n");
    chmodSync(locked, 0o000);
    const cases: [string, string][] = [[dir, "det är en mapp, inte en fil"]];
    if (process.getuid?.() !== 0) cases.push([locked, "saknar rättighet till filen eller mappen"]);
    for (const [path, words] of cases) {
      const { out, io } = captureIO();
      expect(await run(["allocate", "--total", "100", "--key", path], io)).toBe(2);
      expect(out.stderr).toContain(`fil ${path}: filen kan inte läsas: ${words}`);
      expect(out.stderr).not.toMatch(/\bE[A-Z]{3,}\b/);
    }
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
