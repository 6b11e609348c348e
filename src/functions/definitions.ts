import { ALLOCATION_FUNCTIONS } from "./allocationFunctions";
import { CONTRACT_FUNCTIONS } from "./contractFunctions";
import { TABLE_FUNCTIONS } from "./tableFunctions";
import { CALCULATOR_FUNCTIONS } from "./calculatorFunctions";
import { FunctionDefinition } from "./definition";

/** Every SAMKALK function's definition, area by area. A new area's list is added here. */
export const DEFINITIONS: readonly FunctionDefinition[] = [...ALLOCATION_FUNCTIONS, ...CONTRACT_FUNCTIONS, ...TABLE_FUNCTIONS, ...CALCULATOR_FUNCTIONS];

export interface MetadataFunction {
  id: string;
  parameters: { name: string; optional?: boolean; dimensionality?: string }[];
  options?: { volatile?: boolean };
}

/**
 * What does not agree between the English metadata (generated from the JSDoc in functions.ts) and
 * the definitions: a function in one only, or a parameter the Swedish texts do not name.
 */
export function catalogueProblems(metadata: { functions: readonly MetadataFunction[] }, definitions: readonly FunctionDefinition[]): string[] {
  const byId = new Map(definitions.map((d) => [d.id, d]));
  const ids = new Set(metadata.functions.map((f) => f.id));
  const problems = definitions.filter((d) => !ids.has(d.id)).map((d) => `${d.id} har ingen JSDoc i functions.ts`);
  for (const f of metadata.functions) {
    const d = byId.get(f.id);
    if (!d) {
      problems.push(`${f.id} har ingen definition`);
      continue;
    }
    const names = f.parameters.map((p) => p.name);
    const translated = Object.keys(d.sv.parameters);
    if (names.join() !== translated.join()) problems.push(`${f.id}: parametrarna ${names.join(", ")} i JSDoc men ${translated.join(", ")} i definitionen`);
  }
  return problems;
}

