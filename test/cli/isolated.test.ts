import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { recalculateXlsx } from "../../src/app/recalculate";
import { writeWorkbookFile } from "../../src/io/xlsxWorkbook";
import { buildDemoWorkbook } from "../../src/demo/demoWorkbook";

/**
 * The compiled CLI (bin/samkalk.js, built by `npm test`'s pretest) parses and recalculates xlsx
 * files in a worker thread: the result is the one computed in process, and a file that takes
 * longer than the time limit is stopped with a Swedish message and exit 2.
 */
const corpus = join(__dirname, "..", "fixtures", "xlsx-corpus");
const dir = mkdtempSync(join(tmpdir(), "samkalk-worker-"));
const cli = (args: string[], env: Record<string, string> = {}) => spawnSync("node", ["bin/samkalk.js", ...args], { encoding: "utf-8", env: { ...process.env, ...env } });

describe("xlsx work in a worker thread", () => {
  it("recalc in the worker writes the same bytes as in process", () => {
    const input = join(corpus, "exceljs-rich.xlsx");
    const output = join(dir, "ut.xlsx");
    const result = cli(["recalc", input, "-o", output]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const expected = recalculateXlsx(new Uint8Array(readFileSync(input)), "exceljs-rich.xlsx").bytes;
    expect(Buffer.from(readFileSync(output)).equals(Buffer.from(expected))).toBe(true);
  });

  it("stops at the time limit with a Swedish message and exit 2, and writes nothing", () => {
    const output = join(dir, "aldrig.xlsx");
    const result = cli(["recalc", join(corpus, "libreoffice-many-sheets.xlsx"), "-o", output], { SAMKALK_TIME_LIMIT_SECONDS: "0.001" });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("samkalk recalc: fil libreoffice-many-sheets.xlsx: omräkningen tog mer än 0,001 s och avbröts");
    expect(() => readFileSync(output)).toThrow();
  });

  it("reads an xlsx table for fee in the worker, with the same time limit", () => {
    const result = cli(["fee", "--budget", join(corpus, "exceljs-rich.xlsx"), "--uplift", "2"], { SAMKALK_TIME_LIMIT_SECONDS: "0.001" });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("läsningen av filen tog mer än 0,001 s och avbröts");
  });

  it("invoice reads the model workbook in the worker and writes every basis", async () => {
    const model = join(dir, "modell.xlsx");
    writeFileSync(model, await writeWorkbookFile((await buildDemoWorkbook()).snapshot()));
    const result = cli(["invoice", model, "--year", "2027", "--period", "Q1", "-o", join(dir, "q1")]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Skrev 6 filer");
  });

  it("a task that runs out of its capped heap runs again without the cap", () => {
    const script = `
      const { isolated } = require("./lib/cli/isolated.js");
      const bytes = new Uint8Array(require("fs").readFileSync(${JSON.stringify(join(corpus, "libreoffice-many-sheets.xlsx"))}));
      isolated("recalc", [bytes, "m.xlsx", {}], { file: "m.xlsx", what: "omräkningen", seconds: 60, heapMb: 4, onUncapped: () => console.log("utan gräns") })
        .then((o) => console.log("skrev", o.written));`;
    const result = spawnSync("node", ["-e", script], { encoding: "utf-8" });
    expect(result.stdout.split("\n").filter(Boolean)).toEqual(["utan gräns", "skrev 41"]);
  });

  it("worksheets inflated for the estimate move to the worker, and the uncapped run goes without them", () => {
    const script = `
      const { isolated } = require("./lib/cli/isolated.js");
      const { recalcHeapMb } = require("./lib/cli/recalcMemory.js");
      const bytes = new Uint8Array(require("fs").readFileSync(${JSON.stringify(join(corpus, "libreoffice-many-sheets.xlsx"))}));
      const { unpacked } = recalcHeapMb(bytes, "m.xlsx");
      const parts = [...unpacked.values()];
      console.log("delar", parts.length > 1 && parts.every((p) => p.length > 0));
      isolated("recalc", [bytes, "m.xlsx", {}, unpacked], { file: "m.xlsx", what: "omräkningen", seconds: 60, heapMb: 4, transfer: { buffers: parts.map((p) => p.buffer), retryArgs: [bytes, "m.xlsx", {}] }, onUncapped: () => console.log("flyttade", parts.every((p) => p.length === 0)) })
        .then((o) => console.log("skrev", o.written));`;
    const result = spawnSync("node", ["-e", script], { encoding: "utf-8" });
    expect(result.stderr).toBe("");
    expect(result.stdout.split("\n").filter(Boolean)).toEqual(["delar true", "flyttade true", "skrev 41"]);
  });
});
