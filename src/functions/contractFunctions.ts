
import { toExcelSerial, todayLocal } from "../core/dates";
import { currentPeriod, indexAdjust, noticeDeadline } from "../core/contracts";
import { uplift } from "../core/fee";
import { contractDiff } from "../core/reconciliation";
import { FunctionError } from "./functionError";
import { CellResult, ExcelMatrix, ExcelScalar, asMatrix, positionIn, readDate, readInteger, readNumber, readNumberValue, toExcelNumber } from "./excelValues";
import { guard } from "./allocationFunctions";

/**
 * AVTALSDIFF / CONTRACTDIFF: Avtalat − Fakturerat cell by cell, the same rule as the
 * reconciliation (DOMAIN.md §4): a missing side counts as 0, so an invoice without a contract is
 * −Fakturerat and a contract without invoicing +Avtalat, and a column of them sums to the total's
 * Diff. Only a cell with neither amount is #N/A.
 */
export function contractDiffCells(agreed: ExcelScalar | ExcelMatrix, invoiced: ExcelScalar | ExcelMatrix): CellResult[][] {
  const a = asMatrix(agreed);
  const b = asMatrix(invoiced);
  if (a.length !== b.length || a[0].length !== b[0].length) {
    throw new FunctionError("#VALUE!", `avtalat (${a.length}×${a[0].length}) och fakturerat (${b.length}×${b[0].length}) ska ha samma storlek`);
  }
  return a.map((row, r) =>
    row.map((cell, c): CellResult => {
      try {
        const where = a.length * a[0].length > 1 ? `, ${positionIn(a, r, c)}` : "";
        const x = readNumberValue(cell, `avtalat${where}`);
        const y = readNumberValue(b[r][c], `fakturerat${where}`);
        if (x.kind !== "number" && y.kind !== "number") return new FunctionError("#N/A", "Varken avtalat eller fakturerat belopp");
        return toExcelNumber(contractDiff(x.kind === "number" ? x.value : null, y.kind === "number" ? y.value : null).diff);
      } catch (error) {
        if (error instanceof FunctionError) return error;
        throw error;
      }
    }),
  );
}

/** UPPRAKNA / UPLIFT: belopp × (1 + procent)^år, rounded half up. */
export function upliftValue(amount: ExcelScalar, percent: ExcelScalar, years?: ExcelScalar, decimals?: ExcelScalar): number {
  const total = readNumber(amount, "belopp");
  const rate = readNumber(percent, "procent");
  const n = readInteger(years, "år", 1, 0, 100);
  const d = readInteger(decimals, "decimaler", 0, 0, 2);
  return toExcelNumber(guard(() => uplift(total, rate, n, d), "procent"));
}

/** INDEXERA / INDEXADJUST: belopp × nytt_index / basindex, rounded half up. */
export function indexAdjustValue(amount: ExcelScalar, baseIndex: ExcelScalar, newIndex: ExcelScalar, decimals?: ExcelScalar): number {
  const total = readNumber(amount, "belopp");
  const base = readNumber(baseIndex, "basindex");
  const next = readNumber(newIndex, "nytt_index");
  const d = readInteger(decimals, "decimaler", 0, 0, 2);
  return toExcelNumber(guard(() => indexAdjust(total, base, next, d), "basindex"));
}

/** UPPSAGNINGSDAG / NOTICEDATE: the last day to give notice, as an Excel date. */
export function noticeDateValue(endDate: ExcelScalar, noticeMonths: ExcelScalar): number {
  const end = readDate(endDate, "slutdatum");
  const months = readInteger(noticeMonths, "uppsägningstid_månader", 0, 0, 1200);
  return toExcelSerial(guard(() => noticeDeadline(end, months)));
}

/** AVTALSSLUT / CONTRACTEND: end of the period running on per_datum (default today). */
export function contractEndValue(endDate: ExcelScalar, renewalMonths: ExcelScalar, asOf?: ExcelScalar, today: () => Date = () => new Date()): number {
  const end = readDate(endDate, "slutdatum");
  const months = readInteger(renewalMonths, "förlängning_månader", 0, 0, 1200);
  const date = asOf === null || asOf === undefined || asOf === "" ? todayLocal(today()) : readDate(asOf, "per_datum");
  return toExcelSerial(guard(() => currentPeriod(end, months, date)).periodEnd);
}

