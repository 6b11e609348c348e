import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * Tests mirror src/: a module that holds a rule has its test at the same path under test/
 * (src/core/fee.ts → test/core/fee.test.ts), so whoever changes a rule finds its test at once.
 */
const ROOT = join(__dirname, "..", "..");

function modulesIn(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return modulesIn(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith(".d.ts") ? [relative(join(ROOT, "src"), path).replace(/\.(ts|tsx)$/, "")] : [];
  });
}

/** test/core/fee.test.ts, or tests of one aspect each beside it (test/core/printedTable.gallery.test.ts). */
function hasMirroredTest(module: string): boolean {
  if (existsSync(join(ROOT, "test", `${module}.test.ts`)) || existsSync(join(ROOT, "test", `${module}.test.tsx`))) return true;
  const dir = join(ROOT, "test", module, "..");
  const base = module.slice(module.lastIndexOf("/") + 1);
  return existsSync(dir) && readdirSync(dir).some((name) => name.startsWith(`${base}.`) && /\.test\.tsx?$/.test(name));
}

/** Modules with no rule of their own: entry points, type declarations, lists of other modules. */
const NO_RULE = new Set([
  "taskpane/index", "taskpane/mountPane", "standalone/index", "cli/worker",
  "workbook/port", "functions/definition", "functions/definitions",
]);

/**
 * Modules without their own test yet. Empty since every module got one: a new module cannot join
 * it, so each new rule comes with its test at the mirrored path.
 */
const NOT_YET_MIRRORED = new Set<string>([]);

const MODULES = modulesIn(join(ROOT, "src"));

describe("tests mirror src/", () => {
  it("every module that holds a rule has its test at the mirrored path, or is on the shrinking list", () => {
    const missing = MODULES.filter((m) => !NO_RULE.has(m) && !NOT_YET_MIRRORED.has(m) && !hasMirroredTest(m));
    expect(missing).toEqual([]);
  });

  it("the shrinking list holds only modules that exist and still lack their test", () => {
    const stale = [...NOT_YET_MIRRORED].filter((m) => !MODULES.includes(m) || hasMirroredTest(m));
    expect(stale).toEqual([]);
    expect([...NO_RULE].filter((m) => !MODULES.includes(m))).toEqual([]);
  });
});
