import { spawnSync } from "node:child_process";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { CASES, Measurement } from "./cases";
import { syncCounts } from "./syncCounts";
import { coldStart } from "./coldStart";
import { recalcVsLibreOffice } from "./recalcVsLibreOffice";

/**
 * npm run bench: each side of each case runs in a fresh process (so peak memory is its own),
 * and the table prints Samkalk's time, the comparison's, their ratio and the goal.
 */
const GOALS: Record<string, { ratio: number; text: string }> = {
  "FORDELA 100 000 vikter, bara formlerna": { ratio: 0.05, text: "≤ 0,05×" },
  "Kärnans fördelning, 100 000 delar": { ratio: 2, text: "≤ 2×" },
  "Avstämning 10 000 × 1 000 par": { ratio: 0.001, text: "≤ 0,001×" },
  "Avstämning 50 000 avtal × 50 000 utfall": { ratio: 3, text: "≤ 3×" },
  "Import av 100 000 rader CSV": { ratio: 2, text: "≤ 2×" },
  "Import av 100 000 rader nyckel-CSV, som tryckt": { ratio: 2, text: "≤ 2×" },
};

type Result = Measurement & { maxRssMb: number };

function measure(name: string, side: string): Result {
  const out = spawnSync(process.execPath, ["--max-old-space-size=8192", join(__dirname, "case.js"), name, side], { encoding: "utf-8" });
  if (out.status !== 0) throw new Error(`${name} / ${side} failed:\n${out.stderr}`);
  return JSON.parse(out.stdout);
}

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`).replace(".", ",");

function main(): void {
  const started = Date.now();
  console.log(`Samkalk benchmark — node ${process.version}, ${cpus().length} kärnor (${cpus()[0]?.model ?? "?"}), ${Math.round(totalmem() / 2 ** 30)} GiB\n`);
  const rows: string[][] = [];
  let missed = 0;
  for (const name of Object.keys(CASES)) {
    const samkalk = measure(name, "samkalk");
    const other = CASES[name]["jämförelse"] ? measure(name, "jämförelse") : null;
    const ratio = other ? samkalk.ms / other.ms : null;
    const goal = GOALS[name];
    const met = goal && ratio !== null ? ratio <= goal.ratio : true;
    if (!met) missed++;
    rows.push([name, fmt(samkalk.ms), other ? fmt(other.ms) : "–", ratio === null ? "–" : `${ratio < 0.01 ? ratio.toExponential(1) : ratio.toFixed(2)}×`.replace(".", ","), goal ? `${goal.text} ${met ? "uppnått" : "MISSAT"}` : "–", `${samkalk.maxRssMb} / ${other?.maxRssMb ?? "–"} MB`]);
    console.log(`  ${name}: Samkalk — ${samkalk.note ?? ""}${other ? `; jämförelse — ${other.note ?? ""}` : ""}`);
  }
  const headers = ["Fall", "Samkalk", "Jämförelse", "Kvot", "Mål", "Toppminne (S / J)"];
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join(" | ");
  console.log(`\n${line(headers)}\n${widths.map((w) => "-".repeat(w)).join("-|-")}\n${rows.map(line).join("\n")}`);

  console.log("\nOffice.js-rundturer (context.sync) med räknande attrapp:");
  void syncCounts().then(async (counts) => {
    for (const c of counts) console.log(`  ${c.operation.padEnd(22)} 10 rader: ${c.small}   10 000 rader: ${c.large}   ${c.small === c.large && c.large <= 5 ? "mål uppnått (lika, ≤ 5)" : "MÅL MISSAT"}`);
    if (counts.some((c) => c.small !== c.large || c.large > 5)) missed++;
    missed += printRoundTrips();
    missed += await printColdStart();
    missed += await printRecalc();
    console.log(`\nKlart på ${((Date.now() - started) / 1000).toFixed(0)} s. ${missed === 0 ? "Alla mål uppnådda." : `${missed} mål missade.`}`);
  });
}

/** Import + read back through the Office port on the fake with Excel on the web's 5 MB limit; each size in its own process. */
function printRoundTrips(): number {
  console.log("\nRundtur import + läsning, Office-porten på attrappen (5 MB per anrop som Excel på webben):");
  let missed = 0;
  for (const n of [10, 10_000, 250_000]) {
    const out = spawnSync(process.execPath, ["--max-old-space-size=8192", join(__dirname, "roundTrips.js"), String(n)], { encoding: "utf-8" });
    if (out.status !== 0) {
      missed++;
      console.log(`  ${n.toLocaleString("sv-SE").padStart(9)} rader: MISSLYCKADES ${out.stderr.split("\n")[0]}`);
      continue;
    }
    const r = JSON.parse(out.stdout) as { requests: number; largestBytes: number; refused: number; ms: number };
    const ok = r.largestBytes < 5 * 1024 * 1024;
    if (!ok) missed++;
    console.log(`  ${n.toLocaleString("sv-SE").padStart(9)} rader: ${String(r.requests).padStart(3)} anrop, största ${(r.largestBytes / 1024 / 1024).toFixed(2).replace(".", ",")} MB, ${r.refused} för stora, ${fmt(r.ms)}   ${ok ? "under 5 MB" : "ÖVER 5 MB"}`);
  }
  return missed;
}

/** recalc against LibreOffice's headless recalculation; each row has a time and a memory goal. */
async function printRecalc(): Promise<number> {
  console.log("\nOmräkning av xlsx, 100 000 rader (samkalk recalc mot LibreOffice headless):");
  const r = await recalcVsLibreOffice();
  const s = (x: number) => `${x.toFixed(2).replace(".", ",")} s`;
  console.log(`  ${r.note}`);
  let missed = 0;
  for (const row of r.rows) {
    const small = row.samkalk.peakMb <= row.memoryMb;
    const fast = row.libreOffice ? row.samkalk.seconds <= row.timeRatio * row.libreOffice.seconds : null;
    missed += (small ? 0 : 1) + (fast === false ? 1 : 0);
    const lo = row.libreOffice ? `LibreOffice ${s(row.libreOffice.seconds).padStart(8)} ${String(row.libreOffice.peakMb).padStart(5)} MB` : "LibreOffice hoppas över (inte installerat)";
    const ratio = row.libreOffice ? `kvot ${(row.samkalk.seconds / row.libreOffice.seconds).toFixed(2).replace(".", ",")}×, mål ≤ ${String(row.timeRatio).replace(".", ",")}×: ${fast ? "uppnått" : "MISSAT"}` : "tidsmålet kan inte mätas utan LibreOffice";
    console.log(`  ${row.name.padEnd(42)} Samkalk ${s(row.samkalk.seconds).padStart(8)} ${String(row.samkalk.peakMb).padStart(5)} MB   ${lo}   ${ratio}; minne ≤ ${row.memoryMb} MB: ${small ? "uppnått" : "MISSAT"}`);
  }
  return missed;
}

/**
 * The build before this table existed (CommonJS, the whole of Fluent UI in the page that also
 * hosts the functions): measured on this machine with `node build-bench/bench/coldStart.js <dist>`
 * on the production build of commit dc0086b.
 */
const BEFORE = { sharedRuntimeKb: 3_715, standaloneKb: 3_890, firstCellMs: 2_274 };

async function printColdStart(): Promise<number> {
  console.log("\nKallstart (produktionsbygge, gzip):");
  const c = await coldStart();
  const kb = (n: number) => `${Math.round(n).toLocaleString("sv-SE")} kB`;
  const ms = (n: number | null) => (n === null ? "–" : `${Math.round(n).toLocaleString("sv-SE")} ms`);
  const rows = [
    ["Skript före första funktionen (delad runtime)", kb(BEFORE.sharedRuntimeKb), kb(c.sharedRuntimeKb), "≤ 250 kB", c.sharedRuntimeKb <= 250],
    ["Fristående sidans första skript", kb(BEFORE.standaloneKb), kb(c.standaloneKb), "≤ 700 kB", c.standaloneKb <= 700],
    ["Navigering → första SAMKALK-cell (Chromium, median av 5)", ms(BEFORE.firstCellMs), ms(c.firstCellMs), "kortare än före", c.firstCellMs === null || c.firstCellMs < BEFORE.firstCellMs],
  ] as const;
  for (const [name, before, after, goal, met] of rows) console.log(`  ${name.padEnd(58)} före ${before.padStart(9)}   nu ${after.padStart(9)}   mål ${goal}: ${met ? "uppnått" : "MISSAT"}`);
  if (c.note) console.log(`  ${c.note}`);
  return rows.filter((r) => !r[4]).length;
}

main();
