import type { CellInput, CellValue } from "../core/cells";
import type { XmlCell } from "./sheetXml";
import { DateSystem, makeDate, toExcelSerial } from "../core/dates";

/** Values of cells as a sheet part holds them: the type in t, shared strings by index, inline text. */

/** A formula's cached result as the file holds it; undefined when it has none. */
export function cachedValue(cell: XmlCell, strings: () => string[], dateSystem: DateSystem = "1900"): CellValue | undefined {
  if (cell.value === null) return undefined;
  switch (cell.type) {
    case "str":
      return cell.value;
    case "s":
      return strings()[Number(cell.value)] ?? "";
    case "b":
      return cell.value === "1" || cell.value === "true";
    case "e":
      return { error: cell.value };
    case "d": {
      // An ISO 8601 date cell (rare: Excel writes serials) is the serial Excel would show, in the workbook's system.
      const iso = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(cell.value);
      if (!iso) return cell.value;
      const time = ((Number(iso[4] ?? 0) * 60 + Number(iso[5] ?? 0)) * 60 + Number(iso[6] ?? 0)) / 86_400;
      return toExcelSerial(makeDate(Number(iso[1]), Number(iso[2]), Number(iso[3])), dateSystem) + time;
    }
    default:
      return cell.value === "" ? undefined : Number(cell.value);
  }
}

/** What the engine is given for a constant cell. */
export function cellInput(cell: XmlCell, strings: () => string[], dateSystem: DateSystem = "1900"): CellInput {
  if (cell.type === "inlineStr") return cell.inline ?? "";
  const value = cachedValue(cell, strings, dateSystem);
  if (value === undefined || value === null) return null;
  if (typeof value === "object") return { formula: `=${value.error}` };
  return value;
}

/** The value a constant cell shows. */
export function constantValue(cell: XmlCell, strings: () => string[], dateSystem: DateSystem = "1900"): CellValue | undefined {
  if (cell.type === "inlineStr") return cell.inline ?? "";
  return cachedValue(cell, strings, dateSystem);
}
