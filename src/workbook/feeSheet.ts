import { Amount } from "../core/money";
import { validateKey } from "../core/allocation";
import { memberId } from "../core/memberIdentity";
import { DomainError } from "../core/errors";
import { CellInput, WorkbookPort } from "./port";
import { KEY_HEADERS, Model, ModelSettings, TABLES, readModel, readSettings } from "./modelTables";
import { rangeA1 } from "./a1";

export const FEE_SHEET = "Medlemsbidrag";

/**
 * The Medlemsbidrag sheet, written with SAMKALK formulas so it stays live when a figure changes:
 * the fee proposal, the old-vs-new key table and one block per member (fixed costs + share =
 * total). Rows are laid out from the top each time, so a refresh replaces and never duplicates.
 */
export function feeSheetCells(model: Pick<Model, "newKey" | "oldKey" | "members">, settings: ModelSettings): { cells: CellInput[][]; boldRows: number[]; cellFormats: { address: string; format: string }[] } {
  const n = model.newKey.length;
  const fixed = new Map(model.members.map((m) => [memberId(m.member), m.fixedCosts.toNumber()]));
  for (const m of model.newKey) if (!fixed.has(memberId(m.member))) fixed.set(memberId(m.member), 0);
  const cells: CellInput[][] = [
    ["Medlemsbidrag", null],
    [null, null],
    ["Beslutat bidrag föregående år", settings.lastYearFee.toNumber()],
    ["Uppräkning", settings.upliftRate.toNumber()],
    ["Gemensam kostnad", { formula: "=SAMKALK.UPLIFT(B3,B4)" }],
    ["Avvikelse mot föregående år", { formula: "=B5-B3" }],
    ["Rak andel", settings.equalShare.toNumber()],
    [null, null],
  ];
  const boldRows = [0];
  // Key table: rows keyTop+1 … keyTop+n (1-based sheet rows keyTop+2 …).
  const keyHeader = cells.length;
  boldRows.push(keyHeader);
  cells.push(["Medlem", "Användare föregående år", "Användare", "Andel föregående år", "Andel", "Förändring användare", "Förändring procentenheter"]);
  const first = keyHeader + 2; // 1-based row of the first member
  const last = first + n - 1;
  const col = (c: string) => `${c}${first}:${c}${last}`;
  model.newKey.forEach((entry, i) => {
    const row = first + i;
    const old = model.oldKey[i]?.weight ?? new Amount(0);
    cells.push([
      entry.member,
      old.toNumber(),
      entry.weight.toNumber(),
      i === 0 ? { formula: `=SAMKALK.KEYSHARE(${col("B")})` } : null,
      i === 0 ? { formula: `=SAMKALK.KEYSHARE(${col("C")})` } : null,
      { formula: `=C${row}-B${row}` },
      { formula: `=(E${row}-D${row})*100` },
    ]);
  });
  boldRows.push(cells.length);
  cells.push(["Summa", { formula: `=SUM(${col("B")})` }, { formula: `=SUM(${col("C")})` }, { formula: `=SUM(${col("D")})` }, { formula: `=SUM(${col("E")})` }, { formula: `=SUM(${col("F")})` }, { formula: `=SUM(${col("G")})` }]);
  cells.push([null]);

  const feeHeader = cells.length;
  boldRows.push(feeHeader);
  cells.push(["Medlem", "Fasta kostnader", "Andel av gemensam kostnad", "Totalt"]);
  const feeFirst = feeHeader + 2;
  const feeLast = feeFirst + n - 1;
  model.newKey.forEach((entry, i) => {
    const row = feeFirst + i;
    cells.push([
      entry.member,
      fixed.get(memberId(entry.member)) ?? 0,
      i === 0 ? { formula: `=SAMKALK.ALLOCATE($B$5,${col("C")},$B$7)` } : null,
      { formula: `=B${row}+C${row}` },
    ]);
  });
  boldRows.push(cells.length);
  cells.push(["Summa", { formula: `=SUM(B${feeFirst}:B${feeLast})` }, { formula: `=SUM(C${feeFirst}:C${feeLast})` }, { formula: `=SUM(D${feeFirst}:D${feeLast})` }]);

  const cellFormats = [
    { address: "B3", format: "#,##0" },
    { address: "B4", format: "0.0%" },
    { address: "B5:B6", format: "#,##0" },
    { address: "B7", format: "0%" },
    { address: `B${first}:C${last + 1}`, format: "#,##0" },
    { address: `D${first}:E${last + 1}`, format: "0.00%" },
    { address: `F${first}:F${last + 1}`, format: "#,##0" },
    { address: `G${first}:G${last + 1}`, format: "0.00" },
    { address: `B${feeFirst}:D${feeLast + 1}`, format: "#,##0" },
  ];
  model.newKey.forEach((entry, i) => {
    const row = feeFirst + i;
    cells.push([null]);
    boldRows.push(cells.length);
    cells.push([`Medlemsbidrag ${entry.member}`, "Belopp"]);
    cells.push(["Fasta kostnader", { formula: `=B${row}` }]);
    cells.push(["Andel av gemensam kostnad", { formula: `=C${row}` }]);
    cells.push(["Totalt", { formula: `=B${cells.length - 1}+B${cells.length}` }]);
    cellFormats.push({ address: `B${cells.length - 2}:B${cells.length}`, format: "#,##0" });
  });
  return { cells, boldRows, cellFormats };
}

/** Address of the fee table's member rows, for tests and the pane. */
export function feeTableRange(n: number): string {
  const first = 8 + 1 + n + 2 + 1; // title block, key header, key rows, sum, blank, fee header
  return rangeA1({ row: first, col: 0 }, n, 4);
}

/** Stores the key (old and new users per member) and the fee settings in the workbook. */
export async function saveFeeModel(
  wb: WorkbookPort,
  key: readonly { member: string; oldWeight: Amount; newWeight: Amount }[],
  settings: { lastYearFee: string; upliftRate: string; equalShare: string },
): Promise<void> {
  const [existing] = await wb.readTables([TABLES.key]);
  await wb.writeTables([{ name: TABLES.key, sheet: existing?.sheet ?? "Modell", headers: KEY_HEADERS, rows: key.map((k) => [k.member, k.oldWeight.toNumber(), k.newWeight.toNumber()]) }]);
  await wb.saveSettings(settings);
}

/** Refreshes the Medlemsbidrag sheet from the model tables; the key is validated first. */
export async function refreshFeeTables(wb: WorkbookPort, signal?: AbortSignal): Promise<{ members: number }> {
  const model = await readModel(wb);
  if (model.errors.length > 0) {
    const e = model.errors[0];
    throw new DomainError("INVALID_ARGUMENT", e.message, { source: e.file, row: e.row, column: e.column });
  }
  if (model.newKey.length === 0) throw new DomainError("EMPTY_KEY", "tabellen Nyckel saknas eller är tom: lägg in medlemmar och användare först", { table: "Nyckel" });
  validateKey(model.newKey);
  const settings = await readSettings(wb);
  const { cells, boldRows, cellFormats } = feeSheetCells(model, settings);
  signal?.throwIfAborted();
  await wb.writeSheets([{ sheet: FEE_SHEET, cells, boldRows, cellFormats }]);
  return { members: model.newKey.length };
}
