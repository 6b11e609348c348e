import { readFileSync } from "node:fs";
import { join } from "node:path";
import { zip } from "../zipWriter";
// Loaded before `self` exists: exceljs's dependencies take a global `self` for a browser window.
import "../../src/io/xlsxTable";
import "../../src/io/xlsxWorkbook";

/**
 * The Web Worker's side of the browser's xlsx reader: the worker's global scope is stood in for by
 * an object with postMessage, and each message is answered with plain data the page can receive.
 */
type Posted = { ok: true; result: unknown } | { ok: false; error: { domain: boolean; code?: string; message: string; location?: unknown } };
const scope = { onmessage: null as null | ((e: { data: unknown }) => Promise<void>), postMessage: jest.fn<void, [Posted]>() };

beforeAll(async () => {
  (globalThis as { self?: unknown }).self = scope;
  await import("../../src/io/xlsxWorker");
});
afterAll(() => delete (globalThis as { self?: unknown }).self);
beforeEach(() => scope.postMessage.mockClear());

async function ask(task: "workbook" | "table", bytes: Uint8Array, file: string): Promise<Posted> {
  await scope.onmessage!({ data: { task, bytes, file } });
  expect(scope.postMessage).toHaveBeenCalledTimes(1);
  return scope.postMessage.mock.calls[0][0];
}

const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, "..", "fixtures", "xlsx-corpus", name)));

describe("the xlsx worker", () => {
  it("answers a workbook task with the workbook read, as plain data", async () => {
    const reply = await ask("workbook", fixture("libreoffice-resaved.xlsx"), "lo.xlsx");
    expect(reply.ok).toBe(true);
    const { sheets } = (reply as { result: { sheets: { name: string }[] } }).result;
    expect(sheets.map((s) => s.name)).toEqual(["Fördelning", "Underlag", "Inställningar", "Nyckel"]);
    expect(structuredClone(reply)).toEqual(reply);
  });

  it("answers a table task with the first sheet as a table: its first row, the merged title, is the header", async () => {
    const reply = await ask("table", fixture("libreoffice-resaved.xlsx"), "lo.xlsx");
    expect(reply).toMatchObject({ ok: true, result: { file: "lo.xlsx", headerRowNumber: 1, headers: expect.arrayContaining(["Kostnadsfördelning 2027"]) } });
  });

  it("answers with the reader's Swedish error as plain data: code, message, file, sheet and cell", async () => {
    const reply = await ask("table", fixture("openpyxl-layout.xlsx"), "py.xlsx");
    expect(reply).toEqual({ ok: false, error: { domain: true, code: "MISSING_VALUE", message: expect.stringContaining("cellen har formeln =B2/SUM($B$2:$B$5) men inget sparat värde"), location: { file: "py.xlsx", sheet: "Nyckel", cell: "C2" } } });
    expect(structuredClone(reply)).toEqual(reply);
  });

  it("stops a file whose headers understate its size before exceljs sees it", async () => {
    // The declared sizes (1 000 bytes a part) pass the reader's own check; only inflating tells.
    const bomb = new Uint8Array(zip([["xl/workbook.xml", Buffer.alloc(20 * 1024 * 1024, 0x20)], ["[Content_Types].xml", Buffer.from("<Types/>")]], 1000));
    const reply = await ask("table", bomb, "bomb.xlsx");
    expect(reply).toEqual({ ok: false, error: { domain: true, code: "OUT_OF_RANGE", message: expect.stringContaining("det liknar en zip-bomb"), location: { file: "bomb.xlsx" } } });
  });
});
