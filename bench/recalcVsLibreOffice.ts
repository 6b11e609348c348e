import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";

/**
 * recalc side by side with the peer a user would otherwise reach for: LibreOffice's headless
 * recalculation (recalc on load forced with OOXMLRecalcMode = 0 in a throw-away profile, then
 * `soffice --headless --convert-to xlsx`). Three workbooks of 100 000 rows:
 * - weights, a native ROUND(B2/$E$2*123456789;0) per row over a helper SUM, one SAMKALK.FORDELA
 *   spill over the same weights and a SUM of its parts, saved by LibreOffice first so that it
 *   holds cached values as a file from a spreadsheet program does;
 * - the same workbook as exceljs writes it, without cached values (plain recalc, and
 *   --values-only, which computes every formula);
 * - a running total: weights, one SAMKALK.FORDELA spill of parts and =C1+B2 down the rows over
 *   them, saved by LibreOffice (the chain is 100 000 dependents of the spill).
 * Time and peak memory come from /usr/bin/time: the median of three alternating runs per side,
 * and the highest peak.
 */
const ROOT = join(__dirname, "..", "..");
const ROWS = 100_000;
const RUNS = 3;

export interface Side {
  seconds: number;
  peakMb: number;
}

/** Median time, and the highest peak memory of the runs. */
function median(runs: Side[]): Side {
  const times = runs.map((r) => r.seconds).sort((a, b) => a - b);
  return { seconds: times[Math.floor(times.length / 2)], peakMb: Math.max(...runs.map((r) => r.peakMb)) };
}

export interface RecalcRow {
  name: string;
  samkalk: Side;
  libreOffice: Side | null;
  /** Samkalk's time may be at most this many times LibreOffice's. */
  timeRatio: number;
  memoryMb: number;
}

export interface RecalcComparison {
  rows: RecalcRow[];
  note: string;
}

function timed(command: string, args: string[]): Side & { ok: boolean; stderr: string } {
  const out = spawnSync("/usr/bin/time", ["-f", "%e %M", command, ...args], { encoding: "utf-8", timeout: 600_000 });
  const last = out.stderr.trim().split("\n").pop() ?? "";
  const [seconds, kb] = last.split(" ").map(Number);
  return { seconds, peakMb: Math.round(kb / 1024), ok: out.status === 0, stderr: out.stderr };
}

async function generateAllocation(path: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
  const ws = wb.addWorksheet("Fördelning");
  ws.addRow(["Medlem", "Vikt", "Andel", null, "Summa vikt", "FORDELA", "Summa delar"]).commit();
  let seed = 7;
  for (let r = 2; r <= ROWS + 1; r++) {
    seed = (seed * 48271) % 2147483647;
    const cells: ExcelJS.CellValue[] = [`Medlem ${r - 1}`, 1 + (seed % 50_000), { formula: `ROUND(B${r}/$E$2*123456789,0)` } as ExcelJS.CellFormulaValue];
    if (r === 2) cells.push(null, { formula: `SUM(B2:B${ROWS + 1})` } as ExcelJS.CellFormulaValue, { formula: `SAMKALK.FORDELA(123456789,B2:B${ROWS + 1})` } as ExcelJS.CellFormulaValue, { formula: `SUM(F2:F${ROWS + 1})` } as ExcelJS.CellFormulaValue);
    ws.addRow(cells).commit();
  }
  await wb.commit();
}

async function generateRunningTotal(path: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
  const ws = wb.addWorksheet("Löpande");
  let seed = 11;
  for (let r = 1; r <= ROWS; r++) {
    seed = (seed * 48271) % 2147483647;
    const part: ExcelJS.CellValue = r === 1 ? ({ formula: `SAMKALK.FORDELA(123456789,A1:A${ROWS})` } as ExcelJS.CellFormulaValue) : null;
    ws.addRow([1 + (seed % 50_000), part, { formula: r === 1 ? "B1" : `C${r - 1}+B${r}` } as ExcelJS.CellFormulaValue]).commit();
  }
  await wb.commit();
}

function profile(dir: string): string {
  const user = join(dir, "user");
  mkdirSync(user, { recursive: true });
  writeFileSync(
    join(user, "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>\n</oor:items>\n`,
  );
  return `file://${dir}`;
}

function soffice(): string | null {
  return ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => existsSync(p)) ?? null;
}

export async function recalcVsLibreOffice(): Promise<RecalcComparison> {
  const dir = mkdtempSync(join(tmpdir(), "samkalk-recalc-bench-"));
  try {
    const office = soffice();
    const userInstallation = profile(join(dir, "profil"));
    let runs = 0;
    const convert = (file: string) => {
      const out = join(dir, `lo-out-${runs++}`);
      mkdirSync(out);
      const run = timed(office!, [`-env:UserInstallation=${userInstallation}`, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", out, file]);
      if (!run.ok) throw new Error(`LibreOffice misslyckades: ${run.stderr}`);
      return { ...run, path: join(out, file.split("/").pop()!) };
    };
    const samkalk = (file: string, extra: string[] = []) => {
      const run = timed(process.execPath, [join(ROOT, "bin", "samkalk.js"), "recalc", file, ...extra, "-o", join(dir, `samkalk-${runs++}.xlsx`)]);
      if (!run.ok) throw new Error(`samkalk recalc misslyckades: ${run.stderr}`);
      if (run.stderr.includes("räknar om utan gräns")) throw new Error(`samkalk recalc körde två gånger: ${run.stderr}`);
      return run;
    };
    /** The input as LibreOffice saves it, with every formula's value cached. */
    const saved = (file: string, name: string) => {
      const path = join(dir, name);
      renameSync(convert(file).path, path);
      return path;
    };
    /** Three alternating runs per side, medians: this machine's timings drift by a fifth between runs. */
    const sideBySide = (file: string, sides: [string, string[]][]) => {
      const lo: Side[] = [];
      const ours = sides.map(() => [] as Side[]);
      for (let i = 0; i < RUNS; i++) {
        if (office) lo.push(convert(file));
        sides.forEach(([, extra], k) => ours[k].push(samkalk(file, extra)));
      }
      return { lo: office ? median(lo) : null, ours: ours.map(median) };
    };

    const generated = join(dir, "genererad.xlsx");
    await generateAllocation(generated);
    const chain = join(dir, "lopande.xlsx");
    await generateRunningTotal(chain);
    const rows: RecalcRow[] = [];
    if (office) {
      const savedAllocation = sideBySide(saved(generated, "indata.xlsx"), [["", []]]);
      rows.push({ name: "sparad av LibreOffice (cachade värden)", samkalk: savedAllocation.ours[0], libreOffice: savedAllocation.lo, timeRatio: 1, memoryMb: 500 });
    }
    const script = sideBySide(generated, [["", []], ["--values-only", ["--values-only"]]]);
    rows.push({ name: "skriven av exceljs (inga cachade värden)", samkalk: script.ours[0], libreOffice: script.lo, timeRatio: 1.5, memoryMb: 800 });
    rows.push({ name: "skriven av exceljs, --values-only", samkalk: script.ours[1], libreOffice: script.lo, timeRatio: 1.5, memoryMb: 800 });
    const running = sideBySide(office ? saved(chain, "lopande-sparad.xlsx") : chain, [["", []]]);
    rows.push({ name: "löpande summa =C1+B2, 100 000 led", samkalk: running.ours[0], libreOffice: running.lo, timeRatio: 1, memoryMb: 800 });
    return {
      rows,
      note: office
        ? `${ROWS.toLocaleString("sv-SE")} rader per arbetsbok; median av ${RUNS} alternerande körningar per sida, högsta toppminnet`
        : "LibreOffice finns inte här (apt-get install -y libreoffice-calc-nogui): bara Samkalks tid, på filer utan sparade värden",
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
