import { FunctionDefinition } from "./definition";
import { checkTable } from "../core/tablecheck";
import { ExcelMatrix, ExcelScalar, asMatrix, readNumberValue, toExcelNumber } from "./excelValues";
import { FunctionError } from "./functionError";
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

/**
 * TAL / NUMBER: a number as a printed table or an export shows it (decimal comma, spaces between
 * thousands, kr/tkr/%, a bare "(285 000)" negative), read by the same rules as every table Samkalk
 * reads. "n/a" and "saknas" are #N/A: a missing amount is not 0.
 */
export function printedNumberValue(text: ExcelScalar): number {
  const parsed = readNumberValue(text, "text");
  if (parsed.kind === "missing") throw new FunctionError("#N/A", `text: '${String(text)}' betyder att uppgiften saknas, och det är inte 0`);
  if (parsed.kind === "blank") throw new FunctionError("#VALUE!", "text är tom: ange talet som det är tryckt, t.ex. \"1 234,50 kr\"");
  return toExcelNumber(parsed.value);
}

/** The table functions: bodies above, definitions here (see definition.ts). */
export const TABLE_FUNCTIONS: readonly FunctionDefinition[] = [
  {
    id: "CHECKTABLE",
    run: checkTableCells,
    result: { kind: "findings", tableIndex: 0, width: 5 },
    sample: [[["Kategori", "Drift", "Personal", "Summa"], ["Servrar", 100, 50, 150], ["Nät", 10, 5, 16]], [["Summa = Drift + Personal"]]],
    sv: {
      name: "TABELLKOLL",
      description: "Kontrollerar att en tabell går ihop: summarader, radregler och celler som inte är tal.",
      parameters: {
        table: { name: "tabell", description: "Tabellen med rubrikrad och radnamn i första kolumnen." },
        rule: { name: "regel", description: "En radregel som \"Summa kategori = Driftbudget + Personalkostnader\", eller ett område med regler." },
      },
    },
    help: `
<p>Läser tabellen som den är tryckt (en eller två rubrikrader, avsnitt, summarader med eller utan rubrik, block efter en tom rad) och hittar varje felaktig cell en gång: summarader som inte är summan av sina rader (en totalsumma mot raderna, aldrig rader plus delsummor), rader som bryter en regel som "Summa kategori = Driftbudget + Personalkostnader" eller "Belopp = Timmar * Timpris", och andelar i procent som inte stämmer med den precision de är tryckta med. Den förklarar var, vad som väntades och differensen.</p>
<p lang="en">Finds totals and rules that do not add up, and explains each.</p>
<p>Exempel: <code>=SAMKALK.TABELLKOLL(A1:F12;"Summa kategori = Driftbudget + Personalkostnader")</code></p>`,
  },
  {
    id: "NUMBER",
    run: printedNumberValue,
    result: { kind: "scalar" },
    sample: ["(1 234,50 kr)"],
    sv: {
      name: "TAL",
      description: "Ett tal som det är tryckt: decimalkomma, mellanslag mellan tusental, kr, tkr och %, (285 000) som negativt.",
      parameters: {
        text: { name: "text", description: "Talet som det står i tabellen, t.ex. \"1 234,50 kr\", \"(285 000)\" eller \"12,5 tkr\"." },
      },
    },
    help: `
<p>Läser ett tal som kommuner trycker det, efter samma regler som Samkalk läser alla tabeller: decimalkomma, mellanslag eller hårt mellanslag mellan tusental, enheterna kr, tkr (gånger 1 000) och % (delat med 100), minustecken, ett tecken inom parentes som det står ("(+ 334 100)" är positivt) och en parentes utan tecken som negativt enligt redovisningens skrivsätt. "n/a" och "saknas" ger <code>#SAKNAS!</code>, eftersom ett saknat belopp inte är 0; text som inte är något tal ger <code>#VÄRDEFEL!</code> med förklaring.</p>
<p lang="en">A number as printed (decimal comma, thousands spaces, kr/tkr/%, accounting parentheses).</p>
<p>Exempel: <code>=SAMKALK.TAL("(285 000)")</code> ger −285 000; <code>=SAMKALK.TAL("12,5 tkr")</code> ger 12 500.</p>`,
  },
];
