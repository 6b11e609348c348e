import { DomainError } from "../core/errors";

/**
 * A workbook whose structure is protected (Granska → Skydda arbetsbok) takes no new, deleted or
 * renamed sheet; a write that needs one is refused before anything is written, rather than
 * failing half-way in Excel. Read in the round trip that reads the sheets anyway (ExcelApi 1.7).
 */
export function refuseProtectedStructure(isProtected: boolean, needsSheetChange: boolean): void {
  if (isProtected && needsSheetChange) {
    throw new DomainError("INVALID_ARGUMENT", "arbetsbokens struktur är skyddad (Granska → Skydda arbetsbok), och Samkalk behöver lägga till eller ta bort ett blad; ta bort skyddet och försök igen, inget har skrivits");
  }
}
