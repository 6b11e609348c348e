import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * The spreadsheet engine stays behind the workbook port: only the engine adapter (and the function
 * plugin it registers) talks to HyperFormula, and nothing reaches into EmbeddedWorkbook.engine
 * except the standalone grid, until it reads the workbook through its own interface.
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
const ENGINE_IMPORTERS = ["src/workbook/engineAdapter.ts", "src/workbook/engineFunctions.ts", "src/workbook/embeddedWorkbook.ts", "test/workbook/dateSystem.test.ts", "test/workbook/engineEdges.test.ts", "test/workbook/engineFunctions.test.ts"];
/** Files allowed to use the deprecated EmbeddedWorkbook.engine. */
const ENGINE_USERS = ["src/standalone/SpreadsheetView.tsx"];

describe("the engine behind the port", () => {
  it("is imported only by the engine adapter and its function plugin", () => {
    const importers = FILES.filter((f) => f.path !== "test/architecture/engine.test.ts" && /from\s+"hyperformula"/.test(f.text)).map((f) => f.path);
    expect(importers.filter((p) => !ENGINE_IMPORTERS.includes(p))).toEqual([]);
    // embeddedWorkbook.ts only names the type, for the grid's getter.
    const port = FILES.find((f) => f.path === "src/workbook/embeddedWorkbook.ts")!;
    expect(port.text).toMatch(/import type \{ HyperFormula \} from "hyperformula"/);
    expect(port.text).not.toMatch(/import \{[^}]*\} from "hyperformula"/);
  });

  it("is reached through EmbeddedWorkbook.engine by the standalone grid alone", () => {
    const users = FILES.filter((f) => /\b(?!this\b)\w+\.engine\.(get|set|is|add|remove|batch|suspend|resume|clear|undo|redo)\w*\(/.test(f.text) || /\bworkbook\.engine\b/.test(f.text)).map((f) => f.path);
    expect(users.filter((p) => !ENGINE_USERS.includes(p) && p !== "test/architecture/engine.test.ts")).toEqual([]);
  });
});
