import { checkTable } from "../core/tablecheck";
import { ExcelMatrix, ExcelScalar, asMatrix, toExcelNumber } from "./excelValues";
import { guard } from "./allocationFunctions";

/**
 * TABELLKOLL / CHECKTABLE: one row per finding — rad (row label), kolumn, förväntat, faktiskt,
 * differens — or the single text "OK". Where a finding has no numbers (a cell that is not a
 * number, a missing value) förväntat and faktiskt say so in words.
 */
export function checkTableCells(table: ExcelMatrix, rules?: ExcelScalar | ExcelMatrix): (string | number)[][] {
  const ruleTexts = rules === null || rules === undefined
    ? []
    : asMatrix(rules).flat().filter((r): r is string => typeof r === "string" && r.trim() !== "");
  const findings = guard(() => checkTable(asMatrix(table), ruleTexts), "regel");
  if (findings.length === 0) return [["OK"]];
  return findings.map((f) => {
    if (f.kind === "unparsable") return [f.row, f.column, "ett tal", "inget tal", ""];
    if (f.expected === null || f.actual === null) return [f.row, f.column, "ett värde", "värde saknas", ""];
    return [f.row, f.column, toExcelNumber(f.expected), toExcelNumber(f.actual), toExcelNumber(f.difference!)];
  });
}
