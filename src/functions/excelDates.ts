/**
 * How a date result reaches an Excel cell. A custom function may return a data type only where
 * the host has CustomFunctionsRuntime 1.4 (Excel on the web, Microsoft 365 from version 2208 on
 * Windows, 16.64 on Mac; no perpetual or LTSC Office). Among those, DoubleCellValue carries a
 * number format from ExcelApi 1.19; from 1.16 to 1.18 the same is a FormattedNumber. Anywhere
 * else a plain serial, which the user formats as a date.
 */

/** The part of Office.context.requirements used here; tests pass their own. */
export interface Requirements {
  isSetSupported(name: string, minVersion?: string): boolean;
}

export const DATE_FORMAT = "yyyy-mm-dd";

export interface DoubleDate {
  type: "Double";
  basicValue: number;
  numberFormat: string;
}

export interface FormattedNumberDate {
  type: "FormattedNumber";
  basicValue: number;
  numberFormat: string;
}

export type ExcelDate = number | DoubleDate | FormattedNumberDate;

export type DateForm = "double" | "formattedNumber" | "serial";

/** Which form this host takes; a host that cannot say gets the serial, which every host shows. */
export function dateForm(requirements: Requirements | null | undefined): DateForm {
  if (!requirements) return "serial";
  try {
    if (!requirements.isSetSupported("CustomFunctionsRuntime", "1.4")) return "serial";
    if (requirements.isSetSupported("ExcelApi", "1.19")) return "double";
    if (requirements.isSetSupported("ExcelApi", "1.16")) return "formattedNumber";
  } catch {
    // An old host without the set list: the serial.
  }
  return "serial";
}

/** A date serial as the cell should get it: shown as 2027-04-30 where the host can, else 46507. */
export function asExcelDate(serial: number, requirements: Requirements | null | undefined = hostRequirements()): ExcelDate {
  switch (dateForm(requirements)) {
    case "double":
      return { type: "Double", basicValue: serial, numberFormat: DATE_FORMAT };
    case "formattedNumber":
      return { type: "FormattedNumber", basicValue: serial, numberFormat: DATE_FORMAT };
    default:
      return serial;
  }
}

function hostRequirements(): Requirements | null {
  try {
    return typeof Office !== "undefined" ? (Office.context?.requirements ?? null) : null;
  } catch {
    return null;
  }
}
