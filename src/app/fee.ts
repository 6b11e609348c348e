import { DomainError } from "../core/errors";
import { writeOutputSheets } from "./outputSheets";
import { mixedMethod } from "../core/allocation";
import { Fee, annualCost, checkBudget, feeFromBudget, isBudgetTotal, memberCostAmount } from "../core/budget";
import { MemberFee, memberFees } from "../core/fee";
import { KeyComparison, compareKeys } from "../core/keyComparison";
import { KeyVersion, previousVersion, versionInForce } from "../core/keyVersions";
import { Finding } from "../core/tablecheck";
import { formatIsoDate, makeDate } from "../core/dates";
import { memberId } from "../core/memberIdentity";
import { RowError } from "../core/cells";
import { WorkbookPort } from "../workbook/port";
import { BUDGET, KEY, MEMBER_COSTS, Model } from "../model/tables";
import { guessMapping } from "../model/fields";
import { ModelSettings } from "../model/settings";
import { readModelWithSettings } from "./model";
import { CheckedBlock, SheetLayout, offsetA1, rowRuns, sheetRef } from "./sheetLayout";

export const FEE_SHEET = "Medlemsbidrag";

/** The fee for a year as the board would see it, computed once, in core, from the model. */
export interface FeeComputation {
  settings: ModelSettings;
  /** The budget as decided, checked: shown next to the fee, never corrected. */
  findings: Finding[];
  fee: Fee;
  version: KeyVersion;
  previous: KeyVersion | null;
  comparison: KeyComparison;
  members: MemberFee[];
}

/** The key version the fee is split by: the one chosen in the settings, else the one in force at the year's end. */
function feeKeyVersion(versions: readonly KeyVersion[], settings: ModelSettings): KeyVersion {
  if (versions.length === 0) throw new DomainError("EMPTY_KEY", "tabellen Nyckel saknas eller är tom: lägg in medlemmar och vikter först", { table: "Nyckel" });
  if (settings.keyVersion) {
    const chosen = versions.find((v) => memberId(v.name) === memberId(settings.keyVersion));
    if (!chosen) throw new DomainError("INVALID_ARGUMENT", `nyckeln '${settings.keyVersion}' finns inte i tabellen Nyckel; där finns ${versions.map((v) => `'${v.name}'`).join(", ")}`, { table: "Nyckel" });
    return chosen;
  }
  return versionInForce(versions, makeDate(settings.year, 12, 31));
}

/** Member-specific costs for a member that is not in the key cannot be invoiced: errors naming the row. */
export function memberCostProblems(model: Model, version: KeyVersion): RowError[] {
  const inKey = new Set(version.entries.map((e) => memberId(e.member)));
  return model.memberCosts.records.flatMap((c, i) => (inKey.has(memberId(c.member)) ? [] : [{
    file: model.memberCosts.source, row: model.memberCosts.rows[i], column: "Medlem", message: `'${c.member}' finns inte i nyckeln '${version.name}'`,
  }]));
}

/** Computes the fee from the budget, the key and the member-specific costs; throws on a model that does not hold. */
export function computeFee(model: Model, settings: ModelSettings): FeeComputation {
  if (model.errors.length > 0) {
    const e = model.errors[0];
    throw new DomainError("INVALID_ARGUMENT", e.message, { source: e.file, row: e.row, column: e.column });
  }
  if (model.budget.records.length === 0) throw new DomainError("MISSING_VALUE", "tabellen Budget saknas eller är tom: avgiften räknas fram ur budgeten", { table: "Budget" });
  const typed = budgetAmountAsText(model);
  if (typed) throw typed;
  const version = feeKeyVersion(model.keyVersions, settings);
  const problem = memberCostProblems(model, version)[0];
  if (problem) throw new DomainError("INVALID_ARGUMENT", problem.message, { source: problem.file, row: problem.row, column: problem.column });
  const previous = previousVersion(model.keyVersions, version);
  const fee = feeFromBudget(annualCost(model.budget.records), settings.upliftRate, settings.lastYearFee);
  const costs = model.memberCosts.records.map((c) => ({ member: c.member, label: c.text, amount: memberCostAmount(c) }));
  return {
    settings,
    findings: checkBudget(model.budget.records),
    fee,
    version,
    previous,
    comparison: compareKeys(previous?.entries ?? [], version.entries),
    members: memberFees(fee.fee, version.entries, costs, mixedMethod(settings.equalShare)),
  };
}

/**
 * An amount typed as text in the Budget table ("950 tkr") is read by the pane but skipped by the
 * sheet's SUMMA, so the two would disagree: refuse it, naming the cell, before anything is written.
 */
function budgetAmountAsText(model: Model): DomainError | null {
  const table = model.budget.table;
  if (!table) return null;
  const mapping = guessMapping(table.headers, BUDGET.fields);
  const columns = [mapping.operatingBudget, mapping.staffCost, mapping.categorySum].filter((c): c is number => c !== undefined);
  for (let r = 0; r < table.rows.length; r++) {
    for (const c of columns) {
      const v = table.rows[r][c];
      if (typeof v !== "string" || v.trim() === "" || /^\s*[-\u2013\u2212]\s*(kr)?\s*$/i.test(v)) continue;
      return new DomainError("INVALID_ARGUMENT", `beloppet '${v.trim()}' är skrivet som text; skriv det som ett tal så att bladets SUMMA räknar med det på samma sätt som fönstret`, { sheet: table.sheet, table: table.name, cell: offsetA1(table.topLeft, r + 1, c), column: table.headers[c] });
    }
  }
  return null;
}

export function describeVersion(v: KeyVersion): string {
  const from = v.validFrom.year > 1900 ? `, gäller från ${formatIsoDate(v.validFrom)}` : "";
  const ref = v.referenceDate ? `, räknat per ${formatIsoDate(v.referenceDate)}` : "";
  return `${v.name} (${v.driver}${ref}${from})`;
}

/** Where a model table's cells are, for formulas that reference them (rows: table row, header = 1). */
function locate(model: Model, table: "budget" | "memberCosts" | "key") {
  const data = table === "key" ? model.keyTable : model[table].table;
  if (!data) return null;
  const address = (rowNumber: number, col: number) => offsetA1(data.topLeft, rowNumber - 1, col);
  return {
    headers: data.headers,
    cell: (rowNumber: number, col: number) => sheetRef(data.sheet, address(rowNumber, col)),
    range: (fromRow: number, toRow: number, col: number) => sheetRef(data.sheet, `${address(fromRow, col)}:${address(toRow, col)}`),
  };
}

const KR = "#,##0";

/**
 * The Medlemsbidrag sheet with live formulas from the budget lines to each member: Summa
 * årskostnad sums the budget's lines (total rows left out), the fee is SAMKALK.UPLIFT of it, the
 * key's weights reference the Nyckel table, FORDELA splits the fee, and each member's block
 * lists its member-specific cost lines by reference to Medlemskostnader. Rows are laid out from
 * the top each time, so a refresh replaces and never duplicates. Returns the tables written, for
 * the table check.
 */
export function feeSheet(model: Model, c: FeeComputation): SheetLayout {
  const out = new SheetLayout();
  const budget = locate(model, "budget")!;
  const mapping = guessMapping(budget.headers, BUDGET.fields);
  const lineRows = model.budget.rows.filter((_, i) => !isBudgetTotal(model.budget.records[i]));
  const sumOf = (col: number | undefined) =>
    col === undefined ? "0" : `SUM(${rowRuns(lineRows).map(([a, b]) => budget.range(a, b, col)).join(",")})`;
  const annual = mapping.categorySum !== undefined ? `=${sumOf(mapping.categorySum)}` : `=${sumOf(mapping.operatingBudget)}+${sumOf(mapping.staffCost)}`;

  out.row([`Medlemsbidrag ${c.settings.year}`], true);
  out.blank();
  const annualRow = out.row(["Summa årskostnad enligt budget", { formula: annual }]);
  const rateRow = out.row(["Uppräkning", c.settings.upliftRate]);
  const upliftRow = out.nextRow;
  const feeRow = upliftRow + 1;
  out.row(["Uppräkning (kr)", { formula: `=B${feeRow}-B${annualRow}` }]);
  out.row(["Medlemsbidrag", { formula: `=SAMKALK.UPLIFT(B${annualRow},B${rateRow})` }], true);
  const lastRow = out.row(["Beslutat bidrag föregående år", c.fee.lastFee]);
  out.row([
    "Avvikelse (föregående år − nytt)",
    c.fee.lastFee === null ? null : { formula: `=B${lastRow}-B${feeRow}` },
    c.fee.lastFee === null ? c.fee.changeLabel : { formula: `=IF(B${lastRow + 1}<0,"Bidraget höjs",IF(B${lastRow + 1}>0,"Bidraget sänks","Oförändrat bidrag"))` },
  ]);
  const equalRow = out.row(["Rak andel", c.settings.equalShare]);
  out.row(["Nyckel", describeVersion(c.version)]);
  out.format(`B${annualRow}`, KR);
  out.format(`B${rateRow}`, "0.0%");
  out.format(`B${upliftRow}:B${lastRow + 1}`, KR);
  out.format(`B${equalRow}`, "0%");
  if (c.findings.length > 0) {
    out.blank();
    out.row([`Budgeten går inte ihop på ${c.findings.length} ${c.findings.length === 1 ? "punkt" : "punkter"}; avgiften bygger på Summa kategori som beslutad`], true);
    for (const f of c.findings) out.row([f.message]);
  }

  // Old vs new key, weights by reference to the Nyckel table.
  out.blank();
  const key = locate(model, "key");
  const keyMap = key ? guessMapping(key.headers, KEY.fields) : {};
  const weightRef = (v: KeyVersion | null, member: string) => {
    const at = v ? model.keyRows.findIndex((r) => r.version === v && memberId(r.member) === memberId(member)) : -1;
    return at >= 0 && key && keyMap.weight !== undefined ? { formula: `=${key.cell(model.keyRows[at].row, keyMap.weight)}` } : 0;
  };
  out.row([c.previous ? `Nyckel: ${describeVersion(c.previous)} → ${describeVersion(c.version)}` : `Nyckel: ${describeVersion(c.version)}`], true);
  const keyTable = out.table("Nyckel", ["Medlem", "Föregående nyckel", "Ny nyckel", "Andel föregående", "Andel ny", "Förändring", "Förändring procentenheter"], ["Förändring = Ny nyckel − Föregående nyckel"]);
  const first = keyTable.headerRow + 1;
  const last = first + c.comparison.rows.length - 1;
  const range = (col: string) => `${col}${first}:${col}${last}`;
  c.comparison.rows.forEach((r, i) => {
    const row = first + i;
    out.row([
      r.member, weightRef(c.previous, r.member), weightRef(c.version, r.member),
      c.previous ? (i === 0 ? { formula: `=SAMKALK.KEYSHARE(${range("B")})` } : null) : 0,
      i === 0 ? { formula: `=SAMKALK.KEYSHARE(${range("C")})` } : null,
      { formula: `=C${row}-B${row}` },
      // Shares are fractions to four decimals (00,00 %): the sheet rounds what Excel computes in
      // binary floats to that precision, so the table adds up exactly as shown.
      { formula: `=ROUND((E${row}-D${row})*100,2)` },
    ]);
  });
  const shareSum = (col: string, decimals: number) => ({ formula: `=ROUND(SUM(${range(col)}),${decimals})` });
  out.row(["Summa", { formula: `=SUM(${range("B")})` }, { formula: `=SUM(${range("C")})` }, shareSum("D", 4), shareSum("E", 4), { formula: `=SUM(${range("F")})` }, shareSum("G", 2)], true);
  keyTable.end();
  out.format(`B${first}:C${last + 1}`, "#,##0.##");
  out.format(`D${first}:E${last + 1}`, "0.00%");
  out.format(`F${first}:F${last + 1}`, "#,##0.##");
  out.format(`G${first}:G${last + 1}`, "0.00");

  // Each member: share by FORDELA over the new key's weights, plus its cost lines.
  out.blank();
  const feeTable = out.table("Medlemsbidrag per medlem", ["Medlem", "Vikt", "Andel av medlemsbidraget", "Medlemsspecifika kostnader", "Totalt"], ["Totalt = Andel av medlemsbidraget + Medlemsspecifika kostnader"]);
  const feeFirst = feeTable.headerRow + 1;
  const feeLast = feeFirst + c.members.length - 1;
  const keyRowOf = new Map(c.comparison.rows.map((r, i) => [memberId(r.member), first + i]));
  c.members.forEach((m, i) => {
    const row = feeFirst + i;
    out.row([
      m.member,
      { formula: `=C${keyRowOf.get(memberId(m.member))}` },
      i === 0 ? { formula: `=SAMKALK.ALLOCATE($B$${feeRow},B${feeFirst}:B${feeLast},$B$${equalRow})` } : null,
      0, // the sum of the member's cost lines, set once its block below is written
      { formula: `=C${row}+D${row}` },
    ]);
  });
  out.row(["Summa", ...["B", "C", "D", "E"].map((col) => ({ formula: `=SUM(${col}${feeFirst}:${col}${feeLast})` }))], true);
  feeTable.end();
  out.format(`B${feeFirst}:B${feeLast + 1}`, "#,##0.##");
  out.format(`C${feeFirst}:E${feeLast + 1}`, KR);

  // Cost lines by reference to Medlemskostnader: an amount cell, or FTE × rate.
  const costs = locate(model, "memberCosts");
  const costMap = costs ? guessMapping(costs.headers, MEMBER_COSTS.fields) : {};
  const costRecords = new Map<string, number[]>();
  model.memberCosts.records.forEach((r, i) => costRecords.set(memberId(r.member), [...(costRecords.get(memberId(r.member)) ?? []), i]));
  const cell = (row: number, col: number | undefined) => (costs && col !== undefined ? costs.cell(row, col) : null);
  c.members.forEach((m, i) => {
    out.blank();
    const block = out.table(`Medlemsbidrag ${m.member}`, [`Medlemsbidrag ${m.member}`, "Belopp"]);
    const shareRow = out.row(["Andel av medlemsbidraget", { formula: `=C${feeFirst + i}` }]);
    const records = costRecords.get(memberId(m.member)) ?? [];
    m.fixedCosts.forEach((line, j) => {
      const index = records[j];
      const tableRow = model.memberCosts.rows[index];
      const amountRef = model.memberCosts.records[index].amount !== null ? cell(tableRow, costMap.amount) : null;
      const fteRef = cell(tableRow, costMap.fte);
      const rateRef = cell(tableRow, costMap.rate);
      out.row([line.label, amountRef ? { formula: `=${amountRef}` } : fteRef && rateRef ? { formula: `=ROUND(${fteRef}*${rateRef},0)` } : line.amount]);
    });
    const totalRow = out.row(["Totalt", { formula: `=SUM(B${shareRow}:B${out.nextRow - 1})` }], true);
    block.end();
    out.format(`B${shareRow}:B${totalRow}`, KR);
    if (m.fixedCosts.length > 0) out.cells[feeFirst + i - 1][3] = { formula: `=SUM(B${shareRow + 1}:B${totalRow - 1})` };
  });
  return out;
}

/** Reads the model and settings, computes the fee and writes the Medlemsbidrag sheet in one go. */
export async function refreshFeeTables(wb: WorkbookPort, signal?: AbortSignal): Promise<{ computation: FeeComputation; blocks: CheckedBlock[] }> {
  const { model, settings } = await readModelWithSettings(wb);
  const computation = computeFee(model, settings);
  const layout = feeSheet(model, computation);
  signal?.throwIfAborted();
  await writeOutputSheets(wb, [{ sheet: FEE_SHEET, cells: layout.cells, boldRows: layout.boldRows, cellFormats: layout.cellFormats }]);
  return { computation, blocks: layout.blocks };
}
