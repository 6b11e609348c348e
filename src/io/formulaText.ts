/** SAMKALK's functions by invariant id and Swedish name; the catalogue (functions/) hands them in. */
export type FunctionNames = readonly { id: string; sv: string }[];

/**
 * Formula text from a file in the engine's syntax: Excel writes newer functions with _xlfn. and
 * an add-in's functions as _xldudf_NAMESPACE_NAME when the add-in was not loaded.
 */
export function formulaFromFile(formula: string): string {
  return `=${formula.replace(/^=/, "").replace(/_xlfn\.|_xlws\./g, "").replace(/_xldudf_SAMKALK_([A-Z0-9_]+)\(/gi, "SAMKALK.$1(")}`;
}

/** Swedish function names (our aliases) as their invariant ids, which is what a file must hold. */
export function formulaToFile(formula: string, names: FunctionNames = []): string {
  let text = formula.replace(/^=/, "");
  for (const f of names) text = text.replace(new RegExp(`\\bSAMKALK\\.${f.sv}\\(`, "gi"), `SAMKALK.${f.id}(`);
  return text;
}
