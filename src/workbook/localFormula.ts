/**
 * Swedish Excel shows formulas with ";" between arguments and "," as decimal mark
 * (=SAMKALK.FORDELA(100000;B2:B5;0,5)); files and the engine use "," and ".". These convert
 * between the two outside string literals, as Excel's formulasLocal does.
 */
function mapOutsideStrings(formula: string, map: (code: string) => string): string {
  return formula.split(/("(?:[^"]|"")*")/).map((part, i) => (i % 2 === 1 ? part : map(part))).join("");
}

export function formulaFromSwedish(text: string): string {
  if (!text.startsWith("=")) return text;
  return mapOutsideStrings(text, (code) => code.replace(/(\d),(\d)/g, "$1.$2").replace(/;/g, ","));
}

export function formulaToSwedish(formula: string): string {
  return mapOutsideStrings(formula, (code) => code.replace(/,/g, ";").replace(/(\d)\.(\d)/g, "$1,$2"));
}
