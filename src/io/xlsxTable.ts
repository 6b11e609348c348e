import ExcelJS from "exceljs";
import { DomainError } from "../core/errors";
import { LIMITS } from "../core/limits";
import { SourceCell, SourceTable } from "../core/cells";
import { checkZipArchive } from "./zipDirectory";
import { checkFileSize } from "./fileSize";
import { workbookDateSystem } from "./workbookDateSystem";
import type { DateSystem } from "../core/dates";

/**
 * How a workbook counts dates, and how to put right a date exceljs read in the other system
 * (it knows date1904="1" only, not LibreOffice's date1904="true").
 */
export interface WorkbookDates {
  system: DateSystem;
  fix: (date: Date) => Date;
}

const SAME_DATES: WorkbookDates = { system: "1900", fix: (d) => d };
const DAYS_1900_TO_1904 = 1462;

/** The value a cell shows: formulas give their cached result, rich text its plain text. */
export function plainCellValue(value: ExcelJS.CellValue, dates: WorkbookDates = SAME_DATES): SourceCell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return dates.fix(value);
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "object") {
    if ("result" in value) return plainCellValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue, dates);
    if ("richText" in value) return (value as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join("");
    // A link cell shows its text; one saved without text shows its address (never "undefined").
    if ("hyperlink" in value || "text" in value) {
      const link = value as Partial<ExcelJS.CellHyperlinkValue>;
      return String(link.text ?? link.hyperlink ?? "");
    }
    if ("error" in value) return String((value as ExcelJS.CellErrorValue).error);
  }
  return String(value);
}

export async function loadWorkbook(bytes: Uint8Array, file: string): Promise<ExcelJS.Workbook> {
  checkFileSize(bytes.length, file);
  checkZipArchive(bytes, file);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as never);
  } catch (error) {
    throw new DomainError("INVALID_ARGUMENT", `filen kan inte läsas som xlsx (${error instanceof Error ? error.message : String(error)})`, { file });
  }
  return workbook;
}

/** The workbook and its date system, read from the file itself. */
export async function loadWorkbookWithDates(bytes: Uint8Array, file: string): Promise<{ workbook: ExcelJS.Workbook; dates: WorkbookDates }> {
  const workbook = await loadWorkbook(bytes, file);
  const read: DateSystem = workbook.properties?.date1904 ? "1904" : "1900";
  const system = (await workbookDateSystem(bytes, file)) ?? read;
  const shift = system === read ? 0 : (system === "1904" ? 1 : -1) * DAYS_1900_TO_1904 * 86_400_000;
  return { workbook, dates: { system, fix: shift === 0 ? (d) => d : (d) => new Date(d.getTime() + shift) } };
}

/** The first sheet with data, as a table whose first non-empty row is the header. */
export async function readXlsxTable(bytes: Uint8Array, file: string): Promise<SourceTable> {
  const { workbook, dates } = await loadWorkbookWithDates(bytes, file);
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw new DomainError("MISSING_VALUE", "arbetsboken har inga rader", { file });
  const rows: { number: number; cells: SourceCell[] }[] = [];
  if (sheet.actualRowCount - 1 > LIMITS.importRows) {
    throw new DomainError("OUT_OF_RANGE", `bladet ${sheet.name} har fler än ${LIMITS.importRows.toLocaleString("sv-SE")} datarader, som är största tillåtna antal`, { file, sheet: sheet.name });
  }
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: SourceCell[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const cell = row.getCell(c);
      // A merged range's value sits in its first cell only, as in the file.
      cells.push(cell.type === ExcelJS.ValueType.Merge ? null : plainCellValue(cell.value, dates));
    }
    rows.push({ number, cells });
  });
  const [header, ...data] = rows;
  const headers = header.cells.map((h) => (h === null ? "" : String(h).trim()));
  return { file, headers, rows: data.map((r) => r.cells.slice(0, headers.length)), rowNumbers: data.map((r) => r.number), dateSystem: dates.system };
}
