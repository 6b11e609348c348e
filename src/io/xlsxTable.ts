import ExcelJS from "exceljs";
import { DomainError } from "../core/errors";
import { LIMITS } from "../core/limits";
import { SourceCell, SourceTable } from "../core/cells";
import { checkZipArchive } from "./zipDirectory";
import { canonicalXlsx } from "./canonicalParts";
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
    if ("formula" in value || "sharedFormula" in value || "result" in value) {
      const { result, formula, sharedFormula } = value as Partial<ExcelJS.CellFormulaValue & ExcelJS.CellSharedFormulaValue>;
      // A program that writes formulas without computing them (openpyxl, scripts) leaves no value
      // to read; guessing one (0, empty) would invent a number.
      if (result === undefined || result === null) {
        throw new DomainError("MISSING_VALUE", `cellen har formeln =${formula ?? sharedFormula ?? ""} men inget sparat värde (filen har inte räknats om i ett kalkylprogram); öppna den i Excel, räkna om och spara den, eller skriv in värdet`);
      }
      return plainCellValue(result as ExcelJS.CellValue, dates);
    }
    if ("richText" in value) return (value as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join("");
    // A link cell shows its text; one saved without text shows its address (never "undefined").
    if ("hyperlink" in value || "text" in value) {
      const link = value as Partial<ExcelJS.CellHyperlinkValue>;
      return String(link.text ?? link.hyperlink ?? "");
    }
    if ("error" in value) return String((value as ExcelJS.CellErrorValue).error);
    // An object exceljs gives for a kind of cell we do not know: its text would be "[object Object]".
    throw new DomainError("INVALID_ARGUMENT", "cellen har ett slags värde som Samkalk inte kan läsa; skriv in värdet som text eller tal");
  }
  return String(value);
}

/** Reads a package already checked and renamed to Excel's part names (canonicalXlsx). */
async function loadWorkbook(bytes: Uint8Array, file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  toleratingForeignDrawings(workbook);
  try {
    await workbook.xlsx.load(bytes as never);
  } catch (error) {
    if (error instanceof DomainError) throw error.at({ file });
    // exceljs's own words ("Cannot read properties of undefined …") say nothing to a user.
    throw new DomainError("INVALID_ARGUMENT", "filen kan inte läsas som xlsx: en del av den har en form som läsaren inte känner igen; öppna den i Excel och spara den igen", { file });
  }
  return workbook;
}

type DrawingModel = { anchors: unknown[] };
interface XlsxInternals {
  _processDrawingEntry(entry: unknown, model: { drawings: Record<string, DrawingModel | undefined> }, name: string): Promise<void>;
}

/**
 * exceljs knows drawings only with the "xdr:" prefix; openpyxl writes them in the default
 * namespace (`<wsDr xmlns="…spreadsheetDrawing">`), exceljs's parser then yields nothing and its
 * reconciliation crashes ("reading 'anchors'") on a perfectly valid workbook with a chart. The
 * tables are what Samkalk reads, so such a drawing is read as one without pictures.
 */
function toleratingForeignDrawings(workbook: ExcelJS.Workbook): void {
  const xlsx = workbook.xlsx as unknown as XlsxInternals;
  const original = xlsx._processDrawingEntry;
  if (typeof original !== "function") return;
  xlsx._processDrawingEntry = async function (entry, model, name) {
    try {
      await original.call(this, entry, model, name);
    } catch {
      // a drawing exceljs cannot parse is left out, as one it does not recognise
    }
    const drawing = model.drawings[name];
    if (!drawing || !Array.isArray(drawing.anchors)) model.drawings[name] = { anchors: [] };
  };
}

/** The workbook and its date system, read from the file itself. */
export async function loadWorkbookWithDates(original: Uint8Array, file: string): Promise<{ workbook: ExcelJS.Workbook; dates: WorkbookDates }> {
  checkFileSize(original.length, file);
  checkZipArchive(original, file);
  const bytes = await canonicalXlsx(original);
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
      try {
        cells.push(cell.type === ExcelJS.ValueType.Merge ? null : plainCellValue(cell.value, dates));
      } catch (error) {
        throw error instanceof DomainError ? error.at({ file, sheet: sheet.name, cell: cell.address }) : error;
      }
    }
    rows.push({ number, cells });
  });
  const [header, ...data] = rows;
  const headers = header.cells.map((h) => (h === null ? "" : String(h).trim()));
  return { file, headers, rows: data.map((r) => r.cells.slice(0, headers.length)), rowNumbers: data.map((r) => r.number), headerRowNumber: header.number, dateSystem: dates.system };
}
