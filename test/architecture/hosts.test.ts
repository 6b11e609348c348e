import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

/**
 * Hosts hold no rule of their own: every CLI command and every task pane screen calls an app/
 * use case. The CLI's recalc runs its use case (app/recalculate.ts) in a worker (workerTasks.ts).
 */
const SRC = join(__dirname, "..", "..", "src");
const RUNS_IN_WORKER: Record<string, string> = { "recalcCommand.ts": "workerTasks.ts" };

const imports = (file: string) => [...readFileSync(file, "utf8").matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]);

describe("hosts call app/ use cases", () => {
  const commands = readdirSync(join(SRC, "cli")).filter((f) => f.endsWith("Command.ts"));
  const screens = readdirSync(join(SRC, "taskpane", "screens")).filter((f) => f.endsWith("Screen.tsx"));

  it.each(commands)("cli/%s", (file) => {
    const own = imports(join(SRC, "cli", file));
    const through = RUNS_IN_WORKER[file];
    const used = through ? [...own.filter((s) => s === `./${through.replace(/\.ts$/, "")}` || s.startsWith("./isolated")), ...imports(join(SRC, "cli", through))] : own;
    expect(used.some((s) => s.startsWith("../app/"))).toBe(true);
  });

  it.each(screens)("taskpane/screens/%s", (file) => {
    expect(imports(join(SRC, "taskpane", "screens", file)).some((s) => s.startsWith("../../app/"))).toBe(true);
  });

  it("finds the commands and screens it checks", () => {
    expect(commands.length).toBeGreaterThanOrEqual(12);
    expect(screens.length).toBeGreaterThanOrEqual(11);
  });
});
