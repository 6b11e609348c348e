/**
 * The embedded engine's error messages in Swedish. HyperFormula writes them in English (its
 * language packs translate function names and error codes, not messages); the user sees these.
 */
const SWEDISH: Record<string, string> = {
  "No space for array result.": "Resultatet får inte plats: cellerna det ska fylla är inte tomma (#SPILL!). Töm dem eller flytta formeln.",
  "Parsing error.": "Formeln går inte att läsa. Kontrollera parenteser, semikolon mellan argumenten och decimalkomma.",
  "Wrong number of arguments.": "Fel antal argument till funktionen.",
  "Empty function argument.": "Ett argument saknas mellan två semikolon.",
  "Empty array not allowed.": "En tom matris går inte att använda här.",
  "Array dimensions are not compatible.": "Matrisernas storlekar passar inte ihop.",
  "Array dimensions mismatched.": "Matrisernas storlekar passar inte ihop.",
  "Value too small.": "Värdet är för litet.",
  "Value too large.": "Värdet är för stort.",
  "Incorrect criterion.": "Villkoret går inte att läsa.",
  "Range spans more than one sheet.": "Området sträcker sig över mer än ett blad.",
  "Cell range expected.": "Här ska det vara ett cellområde.",
  "Wrong range dimension.": "Området har fel storlek.",
  "Cell range not allowed.": "Här ska det vara en enda cell, inte ett område.",
  "Value cannot be coerced to number.": "Värdet är inget tal.",
  "Number argument expected.": "Här ska det vara ett tal.",
  "Value needs to be an integer.": "Värdet ska vara ett heltal.",
  "Date outside of bounds.": "Datumet ligger utanför de datum kalkylbladet kan visa.",
  "Resulting reference is out of the sheet.": "Referensen hamnar utanför bladet.",
  "Wrong type of argument.": "Argumentet är av fel typ.",
  "NaN or infinite value encountered.": "Beräkningen gav inget ändligt tal.",
  "Ranges need to be of equal length.": "Områdena ska vara lika långa.",
  "Value cannot be negative.": "Värdet får inte vara negativt.",
  "Cell reference expected.": "Här ska det vara en cellreferens.",
  "Empty range not allowed.": "Området får inte vara tomt.",
  "Address is not correct.": "Adressen är felaktig.",
  "Number-only range expected.": "Området ska bara innehålla tal.",
  "Value not found.": "Värdet hittades inte.",
  "Index out of bounds.": "Index ligger utanför området.",
  "Index too large.": "Index är för stort.",
  "Expected formula.": "Här ska det vara en formel.",
  "Sheet does not exist.": "Bladet finns inte.",
  "Invalid date.": "Ogiltigt datum.",
  "Argument cannot be 0.": "Argumentet får inte vara 0.",
  "Argument cannot be less than 1.": "Argumentet får inte vara mindre än 1.",
  "Needs at least one value.": "Minst ett värde behövs.",
  "None of the conditions were met.": "Inget av villkoren uppfylldes.",
  "String does not represent correct DateTime.": "Texten är inget datum eller klockslag.",
};

const PATTERNS: [RegExp, (m: RegExpMatchArray) => string][] = [
  // The parser appends its own English detail ("Expecting token of type --> RParen <--"): the user gets the advice.
  [/^Parsing error\./, () => SWEDISH["Parsing error."]],
  [/^Function name (.+) not recognized\.$/, (m) => `Funktionen ${m[1]} finns inte. Skriv SAMKALK-funktioner med prefixet, t.ex. SAMKALK.FORDELA.`],
  [/^Named expression (.+) not recognized\.$/, (m) => `Namnet ${m[1]} finns inte i arbetsboken.`],
];

/** The engine's message in Swedish; a message of our own (already Swedish) is kept as it is. */
export function swedishEngineMessage(message: string): string {
  const known = SWEDISH[message];
  if (known) return known;
  for (const [pattern, text] of PATTERNS) {
    const m = message.match(pattern);
    if (m) return text(m);
  }
  return message;
}

export const ENGINE_MESSAGES_TRANSLATED: readonly string[] = Object.keys(SWEDISH);
