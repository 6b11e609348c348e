/** SAMKALK's functions by invariant id and Swedish name; the catalogue (functions/) hands them in. */
export type FunctionNames = readonly { id: string; sv: string }[];

/**
 * A string literal or quoted sheet name (skipped), or the logical constant TRUE or FALSE on its
 * own: not a function's or a name's part (FALSE_X, x.TRUE), not a sheet (TRUE!A1).
 */
const LITERAL_OR_LOGICAL = /"(?:[^"]|"")*"|'(?:[^']|'')*'|(?<![\w.!$])(TRUE|FALSE)(?![\w.!(])/gi;

/**
 * Formula text from a file in the engine's syntax: Excel writes newer functions with _xlfn. and
 * an add-in's functions as _xldudf_NAMESPACE_NAME when the add-in was not loaded. Excel's logical
 * constants TRUE and FALSE are functions in the engine (TRUE(), FALSE()); bare, it reads them as
 * unknown names, and VLOOKUP(x;A:B;2;FALSE) became #NAME?.
 */
export function formulaFromFile(formula: string): string {
  const text = formula.replace(/^=/, "").replace(/_xlfn\.|_xlws\./g, "").replace(/_xldudf_SAMKALK_([A-Z0-9_]+)\(/gi, "SAMKALK.$1(");
  return `=${text.replace(LITERAL_OR_LOGICAL, (token, logical: string | undefined) => (logical ? `${logical.toUpperCase()}()` : token))}`;
}

/** Swedish function names (our aliases) as their invariant ids, which is what a file must hold. */
export function formulaToFile(formula: string, names: FunctionNames = []): string {
  let text = formula.replace(/^=/, "");
  for (const f of names) text = text.replace(new RegExp(`\\bSAMKALK\\.${f.sv}\\(`, "gi"), `SAMKALK.${f.id}(`);
  return text;
}
