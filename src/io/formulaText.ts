import { FUNCTIONS, NAMESPACE } from "../functions/catalogue";

/**
 * Formula text from a file in the engine's syntax: Excel writes newer functions with _xlfn. and
 * an add-in's functions as _xldudf_NAMESPACE_NAME when the add-in was not loaded.
 */
export function formulaFromFile(formula: string): string {
  return `=${formula.replace(/^=/, "").replace(/_xlfn\.|_xlws\./g, "").replace(/_xldudf_SAMKALK_([A-Z0-9_]+)\(/gi, "SAMKALK.$1(")}`;
}

/** Swedish function names (our aliases) as their invariant ids, which is what a file must hold. */
export function formulaToFile(formula: string): string {
  let text = formula.replace(/^=/, "");
  for (const f of FUNCTIONS) text = text.replace(new RegExp(`\\b${NAMESPACE}\\.${f.sv}\\(`, "gi"), `${NAMESPACE}.${f.id}(`);
  return text;
}
