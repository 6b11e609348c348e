import { TASKS } from "../../src/cli/workerTasks";
import { isDomainError, locatedMessage } from "../../src/core/errors";
import { buildDemoWorkbook } from "../../src/demo/demoWorkbook";
import { cellsToXlsx } from "../../src/io/tableFiles";
import { writeWorkbookFile } from "../../src/io/xlsxWorkbook";
import { zip } from "../zipWriter";

/**
 * The tasks as the worker runs them, here in process. test/cli/isolated.test.ts runs them in the
 * compiled worker; this file pins what each task itself guarantees.
 */

/** An xlsx whose headers claim 1 000 bytes per part while its workbook part unpacks to 8 MB. */
const lyingBomb = () => new Uint8Array(zip([["xl/workbook.xml", Buffer.alloc(8 * 1024 * 1024, 0x20)], ["[Content_Types].xml", Buffer.from("<Types/>")]], 1000));

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isDomainError(error)) return locatedMessage(error);
    throw error;
  }
  return "nothing thrown";
}

describe("the worker's tasks", () => {
  it("xlsxTable reads the first sheet as a table named by the file it was given", async () => {
    const bytes = await cellsToXlsx("Nyckel", [["Medlem", "Vikt"], ["Ask", 410], ["Björkby", 230]], []); // no number formats: no formatted fourth column
    const table = await TASKS.xlsxTable(bytes, "nyckel.xlsx");
    expect([table.file, table.headers, table.rows, table.rowNumbers]).toEqual(["nyckel.xlsx", ["Medlem", "Vikt"], [["Ask", 410], ["Björkby", 230]], [2, 3]]);
  });

  it.each([["xlsxTable"], ["workbook"]] as const)("%s stops a zip whose headers understate what it unpacks to, before the xlsx reader sees it", async (task) => {
    const message = await refusal(TASKS[task](lyingBomb(), "ljugande.xlsx"));
    expect(message).toMatch(/^fil ljugande\.xlsx: filen skulle packas upp till .* zip-bomb/);
  });

  it("returns plain data that survives the message to the main thread unchanged", async () => {
    // 46 752 formatted as a date is 2027-12-31: the table holds it as a Date.
    const table = await TASKS.xlsxTable(await cellsToXlsx("Avtal", [["Leverantör", "Slut", "Avtalat"], ["Växel", 46_752, 20_000]], [null, "yyyy-mm-dd", null]), "avtal.xlsx");
    expect(table.rows[0][1]).toBeInstanceOf(Date);
    expect(structuredClone(table)).toStrictEqual(table);
    const snapshot = await TASKS.workbook(await writeWorkbookFile((await buildDemoWorkbook()).snapshot()), "modell.xlsx");
    expect(snapshot.tables.length).toBeGreaterThan(0);
    expect(structuredClone(snapshot)).toStrictEqual(snapshot);
  });
});
