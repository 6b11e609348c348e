import { EmbeddedWorkbook } from "../../src/workbook/embeddedWorkbook";
import { IMPORT_TABLES, ImportKind, importKind, undoImport, writeImport } from "../../src/app/importTable";
import { readModel } from "../../src/app/model";
import { guessMapping } from "../../src/model/fields";
import { SourceTable } from "../../src/core/cells";
import { formatIsoDate } from "../../src/core/dates";

const source = (headers: string[], rows: string[][]): SourceTable => ({ file: "f.csv", headers, rows, rowNumbers: rows.map((_, i) => i + 2) });

/** A file read the way the import screen reads it: the kind's fields, mapping and reader. */
function read(kind: ImportKind, file: SourceTable) {
  const spec = importKind(kind);
  const result = spec.read(file, guessMapping(file.headers, spec.fields));
  if (result.errors.length > 0) throw new Error(JSON.stringify(result.errors));
  return result.records as never[];
}

describe("each kind of import", () => {
  it("is written to its own table under Samkalk's headers, and the model reads the same records back", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    await writeImport(wb, "prices", read("prices", source(["Tjänst", "Enhet", "À-pris", "Fr.o.m."], [["Datorpaket", "st", "430,50", "2027-01-01"]])));
    await writeImport(wb, "calloffs", read("calloffs", source(["Beställare", "Tjänst", "Antal", "Datum"], [["Ask", "Datorpaket", "12", "2027-02-03"]])));
    await writeImport(wb, "outcomes", read("outcomes", source(["Kommun", "System", "Fakturerat"], [["Ask", "Visma", "112 500"], ["Dal", "Visma", ""]])));
    const [prices, callOffs, outcomes] = await wb.readTables([IMPORT_TABLES.prices.table, IMPORT_TABLES.calloffs.table, IMPORT_TABLES.outcomes.table]);
    expect([prices!.headers, callOffs!.headers, outcomes!.headers]).toEqual([
      ["Tjänst", "Enhet", "Pris", "Giltig från", "Giltig till", "Årlig uppräkning"],
      ["Medlem", "Tjänst", "Antal", "Datum"],
      ["Leverantör/System", "Kommun/Medlem", "Fakturerat"],
    ]);
    const model = await readModel(wb, 2027);
    expect(model.errors).toEqual([]);
    expect(model.prices.map((p) => [p.service, p.unit, p.price.toFixed(2), formatIsoDate(p.validFrom!), p.validTo])).toEqual([["Datorpaket", "st", "430.50", "2027-01-01", null]]);
    expect(model.callOffs.records.map((c) => [c.member, c.service, c.quantity.toNumber(), formatIsoDate(c.date)])).toEqual([["Ask", "Datorpaket", 12, "2027-02-03"]]);
    // A blank Fakturerat stays no amount, never 0.
    expect(model.outcomes.map((o) => [o.member, o.supplier, o.invoiced?.toNumber() ?? null])).toEqual([["Ask", "Visma", 112_500], ["Dal", "Visma", null]]);
  });

  it("gives each table its columns' number formats", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    const undo = await writeImport(wb, "prices", read("prices", source(["Tjänst", "Pris", "Från"], [["Support", "850", "2027-01-01"]])));
    expect([wb.cellDisplay(undo.sheet, 1, 2).numberFormat, wb.cellDisplay(undo.sheet, 1, 3).numberFormat]).toEqual(["#,##0.00", "yyyy-mm-dd"]);
  });
});

describe("an import over a table that exists", () => {
  async function withOutcomes(): Promise<EmbeddedWorkbook> {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    // The user's Utfall beside other things, its Fakturerat a calculated column.
    await wb.writeTables([{ name: "Utfall", sheet: "Data", topLeft: "D3", headers: ["Leverantör/System", "Kommun/Medlem", "Fakturerat"], rows: [["Tieto", "Ask", { formula: "=12*4000" }]] }]);
    return wb;
  }

  it("replaces it where it stands and keeps what it replaced", async () => {
    const wb = await withOutcomes();
    const undo = await writeImport(wb, "outcomes", read("outcomes", source(["Kommun", "System", "Fakturerat"], [["Dal", "Visma", "1 000"], ["Ask", "Atea", "7 300"]])));
    const [table] = await wb.readTables(["Utfall"]);
    expect([table!.sheet, table!.topLeft, table!.rows]).toEqual(["Data", "D3", [["Visma", "Dal", 1_000], ["Atea", "Ask", 7_300]]]);
    expect([undo.table, undo.sheet, undo.previous!.rows]).toEqual(["Utfall", "Data", [["Tieto", "Ask", 48_000]]]);
  });

  it("is undone with the table as it was, a calculated column still a formula", async () => {
    const wb = await withOutcomes();
    const undo = await writeImport(wb, "outcomes", read("outcomes", source(["Kommun", "System", "Fakturerat"], [["Dal", "Visma", "1 000"], ["Ask", "Atea", "7 300"]])));
    await undoImport(wb, undo);
    const [table] = await wb.readTables(["Utfall"]);
    expect(table!.rows).toEqual([["Tieto", "Ask", 48_000]]);
    const cells = await wb.readRange("Data", "D4:F5");
    expect(cells.formulas[0][2]).toBe("=12*4000");
    // The row the import added is gone with it.
    expect(cells.values[1]).toEqual([null, null, null]);
  });
});
