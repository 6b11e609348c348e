/**
 * The line rules that the tables boards print imply, by their column names. The table check
 * applies each where a table (or a kommun's block of columns) has every column it names; a rule
 * the user gives with --rule is added to these.
 */
export const KNOWN_RULES: readonly string[] = [
  "Summa kategori = Driftbudget + Personalkostnader",
  "Kostnad = Driftbudget + Personal - tjänster",
  "Belopp = Timmar * Timpris",
  "Diff = Avtalat - Fakturerat",
];
