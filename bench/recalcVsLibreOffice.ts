import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";

/**
 * recalc side by side with the peer a user would otherwise reach for: LibreOffice's headless
 * recalculation (recalc on load forced with OOXMLRecalcMode = 0 in a throw-away profile, then
 * `soffice --headless --convert-to xlsx`). The workbook: 100 000 rows of weights, a native
 * ROUND(B2/$E$2*123456789;0) per row over a helper SUM, one SAMKALK.FORDELA spill over the same
 * weights and a SUM of its parts. LibreOffice saves the input first, so it holds cached values
 * as a file from a spreadsheet program does. Time and peak memory come from /usr/bin/time: the median of three
 * alternating runs per side, and the highest peak.
 */
const ROOT = join(__dirname, "..", "..");
const ROWS = 100_000;
const RUNS = 3;

/** Median time, and the highest peak memory of the runs. */
function median(runs: { seconds: number; peakMb: number }[]): { seconds: number; peakMb: number } {
  const times = runs.map((r) => r.seconds).sort((a, b) => a - b);
  return { seconds: times[Math.floor(times.length / 2)], peakMb: Math.max(...runs.map((r) => r.peakMb)) };
}

export interface RecalcComparison {
  samkalk: { seconds: number; peakMb: number };
  libreOffice: { seconds: number; peakMb: number } | null;
  note: string;
}

function timed(command: string, args: string[]): { seconds: number; peakMb: number; ok: boolean; stderr: string } {
  const out = spawnSync("/usr/bin/time", ["-f", "%e %M", command, ...args], { encoding: "utf-8", timeout: 600_000 });
  const last = out.stderr.trim().split("\n").pop() ?? "";
  const [seconds, kb] = last.split(" ").map(Number);
  return { seconds, peakMb: Math.round(kb / 1024), ok: out.status === 0, stderr: out.stderr };
}

async function generate(path: string): Promise<void> {
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
    const generated = join(dir, "genererad.xlsx");
    await generate(generated);
    const office = soffice();
    let input = generated;
    let libreOffice: RecalcComparison["libreOffice"] = null;
    const ours: { seconds: number; peakMb: number }[] = [];
    const samkalk = (file: string, i: number) => {
      const run = timed(process.execPath, [join(ROOT, "bin", "samkalk.js"), "recalc", file, "-o", join(dir, `samkalk-${i}.xlsx`)]);
      if (!run.ok) throw new Error(`samkalk recalc misslyckades: ${run.stderr}`);
      return run;
    };
    if (office) {
      const userInstallation = profile(join(dir, "profil"));
      const convert = (file: string, outdir: string) => timed(office, [`-env:UserInstallation=${userInstallation}`, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", outdir, file]);
      // The input as LibreOffice saves it, with every formula's value cached.
      mkdirSync(join(dir, "lo-in"));
      if (!convert(generated, join(dir, "lo-in")).ok) throw new Error("LibreOffice kunde inte spara indatafilen");
      input = join(dir, "indata.xlsx");
      renameSync(join(dir, "lo-in", "genererad.xlsx"), input);
      // Three runs each, alternating, medians: this machine's timings drift by a fifth between runs.
      const runs: { seconds: number; peakMb: number }[] = [];
      for (let i = 0; i < RUNS; i++) {
        const out = join(dir, `lo-out-${i}`);
        mkdirSync(out);
        const run = convert(input, out);
        if (!run.ok) throw new Error(`LibreOffice misslyckades: ${run.stderr}`);
        runs.push(run);
        ours.push(samkalk(input, i));
      }
      libreOffice = median(runs);
    } else {
      for (let i = 0; i < RUNS; i++) ours.push(samkalk(input, i));
    }
    return {
      samkalk: median(ours),
      libreOffice,
      note: office ? `indata sparad av LibreOffice (${ROWS.toLocaleString("sv-SE")} rader, ${(ROWS + 3).toLocaleString("sv-SE")} formler; median av ${RUNS} körningar per sida)` : "LibreOffice finns inte här (apt-get install -y libreoffice-calc-nogui): bara Samkalks tid, på en fil utan sparade värden",
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
