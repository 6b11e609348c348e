import ExcelJS from "exceljs";
import { DomainError } from "../core/errors";
import { LIMITS } from "../core/limits";
import { SourceCell, SourceTable } from "../core/cells";
import { checkZipArchive } from "./zipDirectory";
import { checkFileSize } from "./fileSize";

/** The value a cell shows: formulas give their cached result, rich text its plain text. */
export function plainCellValue(value: ExcelJS.CellValue): SourceCell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "object") {
    if ("result" in value) return plainCellValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
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

/** The first sheet with data, as a table whose first non-empty row is the header. */
export async function readXlsxTable(bytes: Uint8Array, file: string): Promise<SourceTable> {
  const workbook = await loadWorkbook(bytes, file);
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
      cells.push(cell.type === ExcelJS.ValueType.Merge ? null : plainCellValue(cell.value));
    }
    rows.push({ number, cells });
  });
  const [header, ...data] = rows;
  const headers = header.cells.map((h) => (h === null ? "" : String(h).trim()));
  return { file, headers, rows: data.map((r) => r.cells.slice(0, headers.length)), rowNumbers: data.map((r) => r.number), headerRowNumber: header.number };
}
