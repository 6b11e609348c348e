import { FunctionDefinition, column } from "./definition";

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
  // The core refuses a base index that is not positive or a new index below 0; name the one that is wrong.
  const wrong = base.lessThanOrEqualTo(0) ? "basindex" : "nytt_index";
  return toExcelNumber(guard(() => indexAdjust(total, base, next, d), wrong));
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


/** The contract functions: bodies above, definitions here (see definition.ts). */
export const CONTRACT_FUNCTIONS: readonly FunctionDefinition[] = [
  {
    id: "CONTRACTDIFF",
    run: contractDiffCells,
    result: { kind: "shapeOfArgument", index: 0 },
    sample: [column(100, 200), column(90, "210")],
    sv: {
      name: "AVTALSDIFF",
      description: "Avtalat minus fakturerat, där ett saknat belopp räknas som 0: fakturerat utan avtal ger −fakturerat, avtal utan fakturering +avtalat.",
      parameters: {
        agreed: { name: "avtalat", description: "Avtalat belopp, eller ett område med avtalade belopp." },
        invoiced: { name: "fakturerat", description: "Fakturerat belopp, eller ett område av samma storlek." },
      },
    },
    help: `
<p>Avtalat − fakturerat, cell för cell. Ett saknat belopp räknas som 0: fakturerat utan avtal ger −fakturerat, avtal utan fakturering +avtalat, så att en kolumn med differenser summerar till totalens differens.</p>
<p lang="en">Agreed − invoiced; a missing amount counts as 0.</p>
<p>Exempel: <code>=SAMKALK.AVTALSDIFF(C2:C10;D2:D10)</code></p>`,
  },
  {
    id: "UPLIFT",
    run: upliftValue,
    result: { kind: "scalar" },
    sample: [4900000, "2 %", 2, 0],
    sv: {
      name: "UPPRAKNA",
      description: "Räknar upp ett belopp med en årlig procentsats: belopp × (1 + procent)^år, avrundat.",
      parameters: {
        amount: { name: "belopp", description: "Beloppet som ska räknas upp." },
        percent: { name: "procent", description: "Den årliga uppräkningen, t.ex. 2 % eller 0,02." },
        years: { name: "år", description: "Antal år. Standard 1." },
        decimals: { name: "decimaler", description: "0 för hela kronor (standard), 2 för ören." },
      },
    },
    help: `
<p>Räknar upp ett belopp med en årlig procentsats, avrundat halvt uppåt.</p>
<p lang="en">Uplifts an amount by a yearly percentage, rounded half up.</p>
<p>Exempel: <code>=SAMKALK.UPPRAKNA(4915000;2%)</code></p>`,
  },
  {
    id: "INDEXADJUST",
    run: indexAdjustValue,
    result: { kind: "scalar" },
    sample: [100000, 330.2, 345.6, 2],
    sv: {
      name: "INDEXERA",
      description: "Justerar ett belopp efter en indexserie: belopp × nytt index / basindex, avrundat.",
      parameters: {
        amount: { name: "belopp", description: "Beloppet som ska justeras." },
        base_index: { name: "basindex", description: "Indexvärdet för basperioden." },
        new_index: { name: "nytt_index", description: "Indexvärdet för den nya perioden." },
        decimals: { name: "decimaler", description: "0 för hela kronor (standard), 2 för ören." },
      },
    },
    help: `
<p>Belopp × nytt index / basindex, avrundat halvt uppåt (KPI, AKI, leverantörens index).</p>
<p lang="en">Amount × new index / base index, rounded half up.</p>
<p>Exempel: <code>=SAMKALK.INDEXERA(250000;399,4;415,1)</code></p>`,
  },
  {
    id: "NOTICEDATE",
    run: noticeDateValue,
    result: { kind: "scalar" },
    sample: [46507, 6],
    returnsDate: true,
    sv: {
      name: "UPPSAGNINGSDAG",
      description: "Sista dag att säga upp: slutdatum minus uppsägningstiden (ett månadsslut förblir ett månadsslut).",
      parameters: {
        end_date: { name: "slutdatum", description: "Avtalsperiodens slutdatum." },
        notice_months: { name: "uppsägningstid_månader", description: "Uppsägningstiden i månader." },
      },
    },
    help: `
<p>Sista dag att säga upp ett avtal som slutar på slutdatum. Sex månader före 30 april är 31 oktober (månadsslut ger månadsslut). Resultatet är ett datum.</p>
<p lang="en">The last day to give notice; a date.</p>
<p>Exempel: <code>=SAMKALK.UPPSAGNINGSDAG("2027-04-30";6)</code></p>`,
  },
  {
    id: "CONTRACTEND",
    run: (endDate: ExcelScalar, renewalMonths: ExcelScalar, asOf?: ExcelScalar) => contractEndValue(endDate, renewalMonths, asOf),
    result: { kind: "scalar" },
    sample: ["2025-12-31", 12, 46800],
    returnsDate: true,
    sv: {
      name: "AVTALSSLUT",
      description: "Slutdatum för den avtalsperiod som löper ett visst datum, för ett avtal som förlängs automatiskt.",
      parameters: {
        end_date: { name: "slutdatum", description: "Slutdatum för den första avtalsperioden." },
        renewal_months: { name: "förlängning_månader", description: "Längden på varje automatisk förlängning i månader." },
        as_of: { name: "per_datum", description: "Datumet att räkna från. Standard i dag." },
      },
    },
    help: `
<p>Slutet på den avtalsperiod som löper per datum (i dag om det utelämnas) för ett avtal som förlängs automatiskt. Resultatet är ett datum.</p>
<p lang="en">The end of the running period of a renewing contract; a date.</p>
<p>Exempel: <code>=SAMKALK.AVTALSSLUT("2012-12-31";12)</code></p>`,
  },
];
