import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * The spreadsheet engine stays behind the workbook port: only the engine adapter (and the function
 * plugin it registers) talks to HyperFormula; EmbeddedWorkbook holds it privately and nothing,
 * the standalone grid included, reaches past it.
 */
const ROOT = join(__dirname, "..", "..");

function filesIn(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesIn(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const FILES = [...filesIn(join(ROOT, "src")), ...filesIn(join(ROOT, "test"))].map((f) => ({ path: relative(ROOT, f).split("\\").join("/"), text: readFileSync(f, "utf8") }));

/** Files allowed to import HyperFormula (its language files aside): the adapter, the plugin, the engine patch's and the plugin's own tests, and the test of the engine's date settings. */
const ENGINE_IMPORTERS = ["src/workbook/engineAdapter.ts", "src/workbook/engineFunctions.ts", "test/workbook/dateSystem.test.ts", "test/workbook/engineEdges.test.ts", "test/workbook/engineFunctions.test.ts"];

describe("the engine behind the port", () => {
  it("is imported only by the engine adapter and its function plugin", () => {
    const importers = FILES.filter((f) => f.path !== "test/architecture/engine.test.ts" && /from\s+"hyperformula"/.test(f.text)).map((f) => f.path);
    expect(importers.filter((p) => !ENGINE_IMPORTERS.includes(p))).toEqual([]);
  });

  it("is reached by nothing through EmbeddedWorkbook: it has no engine to give out", () => {
    const users = FILES.filter((f) => /\b(?!this\b)\w+\.engine\.(get|set|is|add|remove|batch|suspend|resume|clear|undo|redo)\w*\(/.test(f.text) || /\bworkbook\.engine\b/.test(f.text)).map((f) => f.path);
    expect(users.filter((p) => p !== "test/architecture/engine.test.ts")).toEqual([]);
    const port = FILES.find((f) => f.path === "src/workbook/embeddedWorkbook.ts")!;
    expect(port.text).not.toMatch(/get engine\(\)|\.instance\b/);
  });
});
