import { FunctionArgument, FunctionDefinition, FunctionResult, ResultShape } from "./definition";
import { DEFINITIONS, MetadataFunction, catalogueProblems } from "./definitions";
import metadata from "./metadata.json";

export type { FunctionArgument, FunctionResult, ResultShape } from "./definition";
export { DEFINITIONS } from "./definitions";

export interface FunctionSpec {
  /** The ASCII id, also the English name: SAMKALK.<id>. Never changes. */
  id: string;
  /** The Swedish name, SAMKALK.<sv>. */
  sv: string;
  minArgs: number;
  maxArgs: number;
  /** Arguments that take ranges (matrix dimensionality). */
  rangeArgs: number[];
  result: ResultShape;
  volatile?: boolean;
  /** The result is an Excel date serial, shown as a date where the cell has no format of its own. */
  returnsDate?: boolean;
  run: (...args: FunctionArgument[]) => FunctionResult;
}

/**
 * The SAMKALK functions as a table, for hosts that register functions by table (the embedded
 * engine): arity, ranges and volatility from the metadata Excel gets (metadata.json, generated
 * from the JSDoc), the rest from the definitions. A function in one but not the other fails here,
 * at load, not silently in one host.
 */
export function catalogueFrom(metadata: { functions: readonly MetadataFunction[] }, definitions: readonly FunctionDefinition[]): FunctionSpec[] {
  const problems = catalogueProblems(metadata, definitions);
  if (problems.length > 0) throw new Error(`SAMKALK-funktionerna går inte ihop med metadata.json: ${problems.join("; ")}`);
  const byId = new Map(definitions.map((d) => [d.id, d]));
  return metadata.functions.map((f) => {
    const d = byId.get(f.id)!;
    return {
      id: f.id,
      sv: d.sv.name,
      minArgs: f.parameters.filter((p) => !p.optional).length,
      maxArgs: f.parameters.length,
      rangeArgs: f.parameters.flatMap((p, i) => (p.dimensionality === "matrix" ? [i] : [])),
      result: d.result,
      ...(f.options?.volatile ? { volatile: true } : {}),
      ...(d.returnsDate ? { returnsDate: true } : {}),
      run: d.run as FunctionSpec["run"],
    };
  });
}

export const FUNCTIONS: readonly FunctionSpec[] = catalogueFrom(metadata, DEFINITIONS);

export const NAMESPACE = "SAMKALK";
