/*
 * The SAMKALK custom functions for Excel. Each is a thin wrapper: the body lives in a host-neutral
 * module that the embedded engine uses too. The JSDoc below is the English metadata
 * (functions.json, generated at build); the Swedish names and help come from
 * translations.sv.json. The build's loader adds the CustomFunctions.associate calls.
 */
import { runForExcel } from "./officeErrors";
import { asExcelDate } from "./excelDates";
import { basicArgument as plain, originOfAddress, withOrigin } from "./excelValues";

/** A range argument marked with where Excel says it starts, so messages name the sheet cell. */
function at<T>(range: T, invocation: CustomFunctions.Invocation | undefined, index: number): T {
  return withOrigin(range, originOfAddress(invocation?.parameterAddresses?.[index]));
}
import { allocateCells, keyShareCells, settleCells, splitPeriodCells } from "./allocationFunctions";
import { contractDiffCells, contractEndValue, indexAdjustValue, noticeDateValue, upliftValue } from "./contractFunctions";
import { checkTableCells, printedNumberValue } from "./tableFunctions";
import { capitalCostValue, savingsValue } from "./calculatorFunctions";

/**
 * Allocates an amount over members by their weights; the parts always sum exactly to the amount (largest remainder).
 * @customfunction ALLOCATE ALLOCATE
 * @requiresParameterAddresses
 * @helpurl https://localhost:3000/hjalp.html#fordela
 * @param amount The amount to allocate.
 * @param weights One weight per member (users, inhabitants …) as a column or a row; blank excludes a member. Or a key as printed, labels and weights in two columns: group rows and subtotals take no share.
 * @param [equal_share] Fraction of the amount split equally between members with a weight (0–1), the rest by weight. Default 0.
 * @param [decimals] 0 for whole kronor (default), 2 for öre.
 * @returns The parts, in the shape of weights (a key as printed: each label with its part, a subtotal with its group's sum).
 */
export function allocate(amount: any, weights: any[][], equal_share?: any, decimals?: any, invocation?: CustomFunctions.Invocation): any[][] {
  return runForExcel(() => allocateCells(plain(amount, "belopp"), at(plain(weights, "vikter"), invocation, 1), plain(equal_share, "rak_andel"), plain(decimals, "decimaler")));
}

/**
 * Each weight's share of the total as a fraction; the shares shown as percentages sum to exactly 100 %.
 * @customfunction KEYSHARE KEYSHARE
 * @requiresParameterAddresses
 * @helpurl https://localhost:3000/hjalp.html#nyckelandel
 * @param weights One weight per member as a column or a row; blank counts as 0. Or a key as printed, labels and weights in two columns.
 * @param [decimals] Decimals of the percentage (0–4). Default 2.
 * @returns The shares, in the shape of weights.
 */
export function keyShare(weights: any[][], decimals?: any, invocation?: CustomFunctions.Invocation): any[][] {
  return runForExcel(() => keyShareCells(at(plain(weights, "vikter"), invocation, 0), plain(decimals, "decimaler")));
}

/**
 * Agreed minus invoiced, a missing amount counting as 0: invoiced without a contract gives −invoiced, a contract without invoicing +agreed.
 * @customfunction CONTRACTDIFF CONTRACTDIFF
 * @requiresParameterAddresses
 * @helpurl https://localhost:3000/hjalp.html#avtalsdiff
 * @param agreed Agreed amount, or a range of them.
 * @param invoiced Invoiced amount, or a range of the same shape.
 * @returns The differences; over-invoicing is negative.
 */
export function contractDiff(agreed: any[][], invoiced: any[][], invocation?: CustomFunctions.Invocation): any[][] {
  return runForExcel(() => contractDiffCells(at(plain(agreed, "avtalat"), invocation, 0), at(plain(invoiced, "fakturerat"), invocation, 1)));
}

/**
 * Uplifts an amount by a yearly percentage: amount × (1 + percent)^years, rounded half up.
 * @customfunction UPLIFT UPLIFT
 * @helpurl https://localhost:3000/hjalp.html#upprakna
 * @param amount The amount to uplift.
 * @param percent The yearly uplift, e.g. 2 % or 0.02.
 * @param [years] Number of years. Default 1.
 * @param [decimals] 0 for whole kronor (default), 2 for öre.
 * @returns The uplifted amount.
 */
export function uplift(amount: any, percent: any, years?: any, decimals?: any): number {
  return runForExcel(() => upliftValue(plain(amount, "belopp"), plain(percent, "procent"), plain(years, "år"), plain(decimals, "decimaler")));
}

/**
 * Adjusts an amount by an index series: amount × new index / base index, rounded half up.
 * @customfunction INDEXADJUST INDEXADJUST
 * @helpurl https://localhost:3000/hjalp.html#indexera
 * @param amount The amount to adjust.
 * @param base_index The index value of the base period.
 * @param new_index The index value of the new period.
 * @param [decimals] 0 for whole kronor (default), 2 for öre.
 * @returns The adjusted amount.
 */
export function indexAdjust(amount: any, base_index: any, new_index: any, decimals?: any): number {
  return runForExcel(() => indexAdjustValue(plain(amount, "belopp"), plain(base_index, "basindex"), plain(new_index, "nytt_index"), plain(decimals, "decimaler")));
}

/**
 * Splits an annual amount into periods that sum exactly to it.
 * @customfunction SPLITPERIODS SPLITPERIODS
 * @helpurl https://localhost:3000/hjalp.html#periodisera
 * @param amount The annual amount.
 * @param periods 4 for quarters, 2 for half-years, or any number of periods.
 * @param [decimals] 0 for whole kronor (default), 2 for öre.
 * @returns A row with one amount per period.
 */
export function splitPeriods(amount: any, periods: any, decimals?: any): number[][] {
  return runForExcel(() => splitPeriodCells(plain(amount, "belopp"), plain(periods, "perioder"), plain(decimals, "decimaler")));
}

/**
 * The last day to give notice: the end date minus the notice period (a month-end stays a month-end).
 * @customfunction NOTICEDATE NOTICEDATE
 * @helpurl https://localhost:3000/hjalp.html#uppsagningsdag
 * @param end_date The end date of the contract period.
 * @param notice_months The notice period in months.
 * @returns The last day to give notice, as a date.
 */
export function noticeDate(end_date: any, notice_months: any): any {
  return asExcelDate(runForExcel(() => noticeDateValue(plain(end_date, "slutdatum"), plain(notice_months, "uppsägningstid_månader"))));
}

/**
 * The end of the contract period running on a date, for a contract that renews automatically.
 * @customfunction CONTRACTEND CONTRACTEND
 * @helpurl https://localhost:3000/hjalp.html#avtalsslut
 * @param end_date The end date of the first contract period.
 * @param renewal_months The length of each automatic renewal in months.
 * @param [as_of] The date to look from. Default today.
 * @returns The end of the running period, as a date.
 * @volatile
 */
export function contractEnd(end_date: any, renewal_months: any, as_of?: any): any {
  return asExcelDate(runForExcel(() => contractEndValue(plain(end_date, "slutdatum"), plain(renewal_months, "förlängning_månader"), plain(as_of, "per_datum"))));
}

/**
 * Settles a year-end surplus (+) or deficit (−) over members by their weights; the amounts sum exactly.
 * @customfunction SETTLE SETTLE
 * @requiresParameterAddresses
 * @helpurl https://localhost:3000/hjalp.html#reglering
 * @param result The surplus (positive) or deficit (negative).
 * @param weights One weight per member as a column or a row. Or a key as printed, labels and weights in two columns.
 * @param [decimals] 0 for whole kronor (default), 2 for öre.
 * @param [equal_share] Fraction of the result split equally between members with a weight (0–1), the rest by weight, as the fee was split. Default 0.
 * @returns Each member's credit (+) or debit (−), in the shape of weights.
 */
export function settle(result: any, weights: any[][], decimals?: any, equal_share?: any, invocation?: CustomFunctions.Invocation): any[][] {
  return runForExcel(() => settleCells(plain(result, "resultat"), at(plain(weights, "vikter"), invocation, 1), plain(decimals, "decimaler"), plain(equal_share, "rak_andel")));
}

/**
 * Checks that a table adds up: total rows, row rules and cells that are not numbers.
 * @customfunction CHECKTABLE CHECKTABLE
 * @requiresParameterAddresses
 * @helpurl https://localhost:3000/hjalp.html#tabellkoll
 * @param table The table including its header row and label column.
 * @param [rule] A row rule such as "Total = Operating + Staff", or a range of rules.
 * @returns One row per finding (row, column, expected, actual, difference), or "OK".
 */
export function checkTable(table: any[][], rule?: any[][], invocation?: CustomFunctions.Invocation): any[][] {
  return runForExcel(() => checkTableCells(at(plain(table, "tabell"), invocation, 0), plain(rule, "regel")));
}

/**
 * A number as printed: decimal comma, spaces between thousands, kr, tkr and %, a bare (285 000) as negative.
 * @customfunction NUMBER NUMBER
 * @helpurl https://localhost:3000/hjalp.html#tal
 * @param text The number as the table shows it, e.g. "1 234,50 kr", "(285 000)" or "12,5 tkr".
 * @returns The number; #N/A for n/a or saknas, which are not 0.
 */
export function printedNumber(text: any): number {
  return runForExcel(() => printedNumberValue(plain(text, "text")));
}

/**
 * Joint procurement savings: (members × hours for one member − hours together) × hourly cost, or as a share of the hours separately.
 * @customfunction SAVINGS SAVINGS
 * @helpurl https://localhost:3000/hjalp.html#besparing
 * @param hours_one_member Hours one member spends alone: a cell, or a column with one row per activity (summed).
 * @param members Number of members procuring together.
 * @param hours_together Hours for all members together: a cell, or a column of the same activities (summed).
 * @param hourly_cost The internal hourly cost, e.g. 425.
 * @param [as_share] TRUE for the saving as a share of the hours separately (format the cell as %); FALSE or omitted for kronor.
 * @returns The saving in kronor, or as a share.
 */
export function savings(hours_one_member: any[][], members: any, hours_together: any[][], hourly_cost: any, as_share?: any): number {
  return runForExcel(() => savingsValue(plain(hours_one_member, "timmar_en_medlem"), plain(members, "antal_medlemmar"), plain(hours_together, "timmar_tillsammans"), plain(hourly_cost, "timkostnad"), plain(as_share, "som_andel")));
}

/**
 * The capital cost of an investment in a year: straight-line depreciation plus internal interest on the book value at the start of the year.
 * @customfunction CAPITALCOST CAPITALCOST
 * @helpurl https://localhost:3000/hjalp.html#kapitalkostnad
 * @param amount The investment amount.
 * @param years The depreciation period in whole years.
 * @param interest_rate The internal interest rate, e.g. 2 % or 0.02.
 * @param year_number The year of the depreciation period: 1 is the year the investment is taken into use.
 * @param [decimals] 0 for whole kronor (default), 2 for öre.
 * @returns Depreciation + interest in that year; 0 after the period.
 */
export function capitalCost(amount: any, years: any, interest_rate: any, year_number: any, decimals?: any): number {
  return runForExcel(() => capitalCostValue(plain(amount, "belopp"), plain(years, "avskrivningsår"), plain(interest_rate, "internränta"), plain(year_number, "år_nr"), plain(decimals, "decimaler")));
}
