/**
 * Office.js errors as Swedish messages that say what to do. Excel's own message is English or
 * in the Office language and is "not intended for end users" (Microsoft's error-handling
 * guide); the code is stable, so the message is chosen by code. Codes from Excel.ErrorCodes and
 * OfficeExtension.ErrorCodes.
 */
export interface OfficeFailure {
  /** The Office.js error code, e.g. "InvalidOperationInCellEditMode". */
  code: string;
  title: string;
  body: string;
}

const MESSAGES: Record<string, { title: string; body: string }> = {
  InvalidOperationInCellEditMode: {
    title: "Excel redigerar en cell",
    body: "Avsluta redigeringen av cellen (tryck Enter eller Esc, eller klicka i en annan cell) och försök igen.",
  },
  AccessDenied: {
    title: "Excel nekade ändringen",
    body: "Bladet eller arbetsboken är skyddad, eller filen är öppen med bara läsbehörighet. Ta bort skyddet (Granska → Ta bort skydd för blad/arbetsbok) eller be ägaren om redigeringsbehörighet, och försök igen.",
  },
  RequestPayloadSizeLimitExceeded: {
    title: "För mycket data i ett anrop",
    body: "Excel på webben tar emot högst 5 MB per anrop. Dela upp filen i mindre delar, eller gör importen i Excel för Windows eller Mac, och försök igen.",
  },
  ResponsePayloadSizeLimitExceeded: {
    title: "För mycket data i ett svar",
    body: "Excel på webben skickar högst 5 MB per svar. Gör tabellen mindre (dela upp den per år eller verksamhet), eller använd Excel för Windows eller Mac, och försök igen.",
  },
  ItemNotFound: {
    title: "Något i arbetsboken finns inte längre",
    body: "Ett blad eller en tabell som Samkalk använder har tagits bort eller bytt namn, kanske av en medförfattare. Kontrollera tabellnamnen (Tabelldesign → Tabellnamn) och försök igen.",
  },
  ItemAlreadyExists: {
    title: "Namnet används redan",
    body: "Ett blad eller en tabell med samma namn finns redan i arbetsboken. Byt namn på det som finns och försök igen.",
  },
  Conflict: {
    title: "Någon annan ändrade samtidigt",
    body: "En medförfattare ändrade samma del av arbetsboken. Vänta tills ändringen syns och försök igen.",
  },
  InsertDeleteConflict: {
    title: "Raderna kunde inte flyttas",
    body: "Excel kan inte infoga eller ta bort rader här, oftast för att en tabell, en pivottabell eller sammanslagna celler står i vägen. Flytta det som står under tabellen och försök igen.",
  },
  MergedRangeConflict: {
    title: "Sammanslagna celler står i vägen",
    body: "Området innehåller sammanslagna celler. Dela upp dem (Start → Koppla och centrera → Dela upp celler) och försök igen.",
  },
  FilteredRangeConflict: {
    title: "Ett filter står i vägen",
    body: "Området är filtrerat. Rensa filtret (Data → Rensa) och försök igen.",
  },
  PivotTableRangeConflict: {
    title: "En pivottabell står i vägen",
    body: "Området överlappar en pivottabell. Flytta pivottabellen eller välj ett annat område och försök igen.",
  },
  NonBlankCellOffSheet: {
    title: "Bladet är fullt",
    body: "Excel kan inte flytta cellerna utanför bladets sista rad eller kolumn. Rensa det som står längst ned eller till höger och försök igen.",
  },
  RangeExceedsLimit: {
    title: "Området är för stort",
    body: "Excel kan inte hantera så många celler i en åtgärd. Dela upp uppgiften i mindre delar och försök igen.",
  },
  OperationCellsExceedLimit: {
    title: "Området är för stort",
    body: "Åtgärden berör fler celler än Excel tillåter på en gång. Dela upp uppgiften i mindre delar och försök igen.",
  },
  FormulaLengthExceedsLimit: {
    title: "Formeln är för lång",
    body: "Excel tar emot formler på högst 8 192 tecken. Korta formeln (dela upp den på flera celler) och försök igen.",
  },
  ActivityLimitReached: {
    title: "Excel hinner inte med",
    body: "Excel tar emot för många anrop just nu. Vänta en halv minut och försök igen.",
  },
  RequestAborted: {
    title: "Excel avbröt åtgärden",
    body: "Arbetsboken stängdes, laddades om eller bytte läge medan Samkalk arbetade. Öppna aktivitetsfönstret igen och försök igen.",
  },
  ConnectionFailure: {
    title: "Kontakten med Excel bröts",
    body: "Kontrollera nätverksanslutningen (Excel på webben) och försök igen.",
  },
  InactiveWorkbook: {
    title: "Arbetsboken är inte aktiv",
    body: "Klicka i arbetsboken så att den är det aktiva fönstret och försök igen.",
  },
  ApiNotFound: {
    title: "Finns inte i den här Excel-versionen",
    body: "Din version av Excel saknar en funktion som åtgärden behöver. Uppdatera Office eller använd Excel på webben (se README, Vad fungerar var).",
  },
  UnsupportedOperation: {
    title: "Går inte här",
    body: "Excel stöder inte åtgärden i den här arbetsboken eller på den här plattformen. Prova i Excel på webben eller i Microsoft 365 för Windows.",
  },
  UnsupportedSheet: {
    title: "Fel sorts blad",
    body: "Åtgärden fungerar bara på vanliga kalkylblad, inte på diagram- eller makroblad. Välj ett kalkylblad och försök igen.",
  },
  GeneralException: {
    title: "Excel kunde inte slutföra åtgärden",
    body: "Excel svarade med ett internt fel. Spara arbetsboken, stäng och öppna aktivitetsfönstret och försök igen; kvarstår felet, starta om Excel.",
  },
};

// Codes that mean the same to the user as one above.
const SAME_AS: Record<string, string> = { NotImplemented: "ApiNotFound", UnsupportedFeature: "ApiNotFound" };

/** The Office.js error in `error`, as a Swedish message; null when it is no Office.js error. */
export function describeOfficeError(error: unknown): OfficeFailure | null {
  if (!isOfficeError(error)) return null;
  const code = error.code;
  const where = error.debugInfo?.errorLocation ? ` (${error.debugInfo.errorLocation})` : "";
  const known = MESSAGES[code] ?? MESSAGES[SAME_AS[code] ?? ""];
  if (known) return { code, title: known.title, body: `${known.body} Felkod från Excel: ${code}${where}.` };
  return {
    code,
    title: "Excel svarade med ett fel",
    body: `Excel kunde inte utföra åtgärden (felkod ${code}${where}). Kontrollera att arbetsboken går att redigera och försök igen; kvarstår felet, kontakta support och uppge felkoden.`,
  };
}

interface OfficeErrorShape {
  name: string;
  code: string;
  debugInfo?: { errorLocation?: string };
}

/** OfficeExtension.Error (its name is "RichApi.Error" in office.js) with its string code. */
function isOfficeError(error: unknown): error is OfficeErrorShape {
  if (!error || typeof error !== "object") return false;
  const e = error as Partial<OfficeErrorShape>;
  return (e.name === "RichApi.Error" || e.name === "OfficeExtension.Error") && typeof e.code === "string" && e.code !== "";
}
