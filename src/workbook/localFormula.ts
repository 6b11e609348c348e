import * as svSEModule from "hyperformula/i18n/languages/svSE";
import { FUNCTIONS, NAMESPACE } from "../functions/catalogue";

/**
 * Swedish Excel shows formulas with Swedish function names, ";" between arguments and "," as the
 * decimal mark (=OM(SUMMA(B2:B5)>0;SAMKALK.FORDELA(100000;B2:B5;0,5);0)); files, the workbook port
 * and the engine use English names, "," and ".". These convert between the two outside string
 * literals, as Excel's formulasLocal does. Built-in names come from HyperFormula's svSE language
 * pack, SAMKALK names from the function catalogue.
 */
const svSE = ((svSEModule as unknown as { default?: unknown }).default ?? svSEModule) as { functions: Record<string, string> };
const toSwedish = new Map<string, string>();
const toEnglish = new Map<string, string>();
for (const [en, sv] of Object.entries(svSE.functions)) {
  if (en === sv) continue;
  toSwedish.set(en, sv);
  toEnglish.set(sv.toUpperCase(), en);
}
for (const f of FUNCTIONS) {
  toSwedish.set(`${NAMESPACE}.${f.id}`, `${NAMESPACE}.${f.sv}`);
  toEnglish.set(`${NAMESPACE}.${f.sv}`, `${NAMESPACE}.${f.id}`);
}

function mapOutsideStrings(formula: string, map: (code: string) => string): string {
  return formula.split(/("(?:[^"]|"")*")/).map((part, i) => (i % 2 === 1 ? part : map(part))).join("");
}

/** Function names: a name (with its namespace) directly followed by "(". */
const NAME = /([A-Za-zÅÄÖåäö_][A-Za-zÅÄÖåäö0-9_.]*)(?=\s*\()/g;

export function formulaFromSwedish(text: string): string {
  if (!text.startsWith("=")) return text;
  return mapOutsideStrings(text, (code) => code.replace(NAME, (name) => toEnglish.get(name.toUpperCase()) ?? name).replace(/(\d),(\d)/g, "$1.$2").replace(/;/g, ","));
}

export function formulaToSwedish(formula: string): string {
  return mapOutsideStrings(formula, (code) => code.replace(/,/g, ";").replace(/(\d)\.(\d)/g, "$1,$2").replace(NAME, (name) => toSwedish.get(name.toUpperCase()) ?? name));
}
