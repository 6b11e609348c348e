/// <reference lib="dom" />
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Server } from "node:http";
import { chromium } from "playwright-core";

/**
 * Kallstart: what a cold start costs. The scripts the shared-runtime page (taskpane.html) loads
 * before the first custom function can run, the standalone page's initial scripts, both gzipped,
 * and the time in Chromium from navigation to the first computed SAMKALK cell on the standalone
 * page (median of five cold page loads).
 */
const ROOT = join(__dirname, "..", "..");
const OUT = join(ROOT, "build-bench", "dist");

export interface ColdStart {
  sharedRuntimeKb: number;
  standaloneKb: number;
  firstCellMs: number | null;
  note: string;
}

/** The initial scripts of a page: its own <script src> tags (Office's CDN script is not ours). */
function initialScriptsKb(dir: string, page: string): number {
  const html = readFileSync(join(dir, page), "utf-8");
  const sources = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"' >]+)/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
  return sources.reduce((sum, src) => sum + gzipSync(readFileSync(join(dir, src)), { level: 9 }).length, 0) / 1024;
}

function chromiumPath(): string | null {
  return [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p): p is string => !!p && existsSync(p)) ?? null;
}

/** Median time from navigation to the demo sheet's FORDELA result (C2) being shown. */
export async function firstComputedCellMs(dir: string, runs = 5): Promise<number | null> {
  const executablePath = chromiumPath();
  if (!executablePath) return null;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { serveStatic } = require(join(ROOT, "scripts", "serve-static"));
  const server: Server = await serveStatic(dir);
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  const browser = await chromium.launch({ executablePath, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"] });
  const times: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext(); // a new profile each time: nothing cached
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForFunction(() => (document.querySelector('[data-cell="C2"]')?.textContent ?? "").trim() !== "", undefined, { timeout: 60_000 });
      times.push(await page.evaluate(() => performance.now()));
      await context.close();
    }
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export async function coldStart(): Promise<ColdStart> {
  const build = spawnSync("npx", ["webpack", "--mode", "production", "--output-path", OUT], {
    cwd: ROOT, encoding: "utf-8", env: { ...process.env, SAMKALK_BASE_URL: "https://samkalk.example.se/" },
  });
  if (build.status !== 0) throw new Error(`produktionsbygget misslyckades:\n${build.stdout}\n${build.stderr}`);
  const firstCellMs = await firstComputedCellMs(OUT);
  return {
    sharedRuntimeKb: initialScriptsKb(OUT, "taskpane.html"),
    standaloneKb: initialScriptsKb(OUT, "index.html"),
    firstCellMs,
    note: firstCellMs === null ? "Chromium saknas (apt-get install -y chromium): tiden mättes inte" : "",
  };
}

/** For measuring another build (e.g. the one before this change): node build-bench/bench/coldStart.js <dist>. */
if (require.main === module) {
  const dir = process.argv[2];
  void firstComputedCellMs(dir).then((ms) => console.log(JSON.stringify({ sharedRuntimeKb: initialScriptsKb(dir, "taskpane.html"), standaloneKb: initialScriptsKb(dir, "index.html"), firstCellMs: ms })));
}
