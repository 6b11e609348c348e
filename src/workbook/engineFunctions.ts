import { ArraySize, CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from "hyperformula";
import type { FunctionMetadata, ImplementedFunctions } from "hyperformula";
import { FUNCTIONS, FunctionArgument, FunctionSpec, NAMESPACE } from "../functions/catalogue";
import { FunctionError } from "../functions/functionError";
import { ExcelScalar, RangeOrigin, withOrigin } from "../functions/excelValues";

/**
 * The SAMKALK functions as a HyperFormula function plugin, so that =SAMKALK.FORDELA(…) and
 * =SAMKALK.ALLOCATE(…) evaluate in the embedded engine through exactly the code Excel runs.
 */

const ERROR_TYPE: Record<FunctionError["code"], ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#NUM!": ErrorType.NUM,
  "#N/A": ErrorType.NA,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
};

function toCellError(error: FunctionError): CellError {
  return new CellError(ERROR_TYPE[error.code], error.message);
}

type HfScalar = unknown;

/** An engine value as Excel would hand it to a custom function; errors are passed through. */
function toExcelScalar(value: HfScalar): ExcelScalar | CellError {
  if (value === EmptyValue || value === undefined || value === null) return null;
  if (value instanceof CellError) return value;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  // Rich numbers (dates, percentages, currency) carry their raw value in `val`.
  if (typeof value === "object" && value !== null && "val" in value) return (value as { val: number }).val;
  return String(value);
}

class EngineArgumentError {
  constructor(readonly error: CellError) {}
}

function toArgument(value: unknown, isRange: boolean): FunctionArgument {
  const convert = (v: HfScalar): ExcelScalar => {
    const x = toExcelScalar(v);
    if (x instanceof CellError) throw new EngineArgumentError(x);
    return x;
  };
  if (value instanceof SimpleRangeValue) {
    const matrix = value.data.map((row) => row.map(convert));
    return isRange ? matrix : matrix[0]?.[0];
  }
  const scalar = convert(value);
  return isRange ? [[scalar]] : scalar;
}

function runSpec(spec: FunctionSpec, args: unknown[], padTo?: ArraySize, origins: (RangeOrigin | null)[] = []): unknown {
  try {
    const converted = args.map((a, i) => (spec.rangeArgs.includes(i) ? withOrigin(toArgument(a, true), origins[i]) : toArgument(a, false)));
    const result = spec.run(...converted);
    if (!Array.isArray(result)) return result;
    let rows: unknown[][] = result.map((row) => row.map((cell) => (cell instanceof FunctionError ? toCellError(cell) : cell)));
    if (padTo) rows = pad(rows, padTo);
    return SimpleRangeValue.onlyValues(rows as never);
  } catch (error) {
    if (error instanceof EngineArgumentError) return error.error;
    if (error instanceof FunctionError) return toCellError(error);
    return new CellError(ErrorType.VALUE, `Oväntat fel i Samkalk: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A result whose size depends on data is fitted to the size predicted before evaluation. */
function pad(rows: unknown[][], size: ArraySize): unknown[][] {
  const out: unknown[][] = [];
  for (let r = 0; r < size.height; r++) {
    const source = rows[r] ?? [];
    out.push(Array.from({ length: size.width }, (_, c) => (source[c] === undefined ? "" : source[c])));
  }
  if (rows.length > size.height && size.height > 0) out[size.height - 1] = ["…", `${rows.length - size.height + 1} fynd till`, ...Array(Math.max(0, size.width - 2)).fill("")];
  return out;
}

interface AstLike {
  args: { type: string; value?: unknown; start?: { toSimpleCellAddress(base: unknown): { row: number; col: number } }; reference?: { toSimpleCellAddress(base: unknown): { row: number; col: number } } }[];
}

/** Where each range or cell argument starts on its sheet, so messages can name the cell. */
function originsOf(ast: AstLike, state: unknown): (RangeOrigin | null)[] {
  const base = (state as { formulaAddress?: unknown }).formulaAddress;
  return ast.args.map((a) => {
    try {
      const at = a.type === "CELL_RANGE" ? a.start?.toSimpleCellAddress(base) : a.type === "CELL_REFERENCE" ? a.reference?.toSimpleCellAddress(base) : undefined;
      return at ? { row: at.row, col: at.col } : null;
    } catch {
      return null;
    }
  });
}

function buildPlugin(): typeof FunctionPlugin & { implementedFunctions: ImplementedFunctions; aliases: Record<string, string> } {
  class SamkalkPlugin extends FunctionPlugin {
    static override implementedFunctions: ImplementedFunctions = {};
    static override aliases: Record<string, string> = {};
  }
  const proto = SamkalkPlugin.prototype as unknown as Record<string, unknown>;
  for (const spec of FUNCTIONS) {
    const name = `${NAMESPACE}.${spec.id}`;
    const method = `fn_${spec.id}`;
    const sizeMethod = `size_${spec.id}`;
    const metadata: FunctionMetadata = {
      method,
      parameters: Array.from({ length: spec.maxArgs }, (_, i) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: i >= spec.minArgs })),
      vectorizationForbidden: true,
      ...(spec.volatile ? { isVolatile: true } : {}),
      ...(spec.result.kind !== "scalar" ? { sizeOfResultArrayMethod: sizeMethod } : {}),
    };
    SamkalkPlugin.implementedFunctions[name] = metadata;
    SamkalkPlugin.aliases[`${NAMESPACE}.${spec.sv}`] = name;

    proto[method] = function (this: FunctionPlugin & Record<string, Function>, ast: AstLike, state: unknown) {
      const padTo = spec.result.kind === "findings" ? this[sizeMethod](ast, state) : undefined;
      try {
        return (this as unknown as { runFunction: Function; metadata: (n: string) => unknown }).runFunction(ast.args, state, (this as unknown as { metadata: (n: string) => unknown }).metadata(name), (...args: unknown[]) => runSpec(spec, args, padTo, originsOf(ast, state)));
      } catch (error) {
        // The engine itself can fail while reading the arguments (fuzzing found "Unknown array"
        // for a formula inside its own range in a damaged file): the cell shows it, nothing crashes.
        return new CellError(ErrorType.VALUE, `Kalkylmotorn kunde inte läsa argumenten (${error instanceof Error ? error.message : String(error)})`);
      }
    };
    proto[sizeMethod] = function (this: { arraySizeForAst: (a: unknown, s: unknown) => ArraySize }, ast: AstLike, state: unknown): ArraySize {
      const size = resultSize.call(this, ast, state);
      const at = (state as { formulaAddress?: { sheet: number; row: number; col: number } }).formulaAddress;
      if (sizeRecorder && at && !size.isRef) sizeRecorder(at, size.width, size.height);
      return size;
    };
    const resultSize = function (this: { arraySizeForAst: (a: unknown, s: unknown) => ArraySize }, ast: AstLike, state: unknown): ArraySize {
      const shape = spec.result;
      if (ast.args.length < spec.minArgs || ast.args.length > spec.maxArgs) return ArraySize.error();
      switch (shape.kind) {
        case "shapeOfArgument": {
          const size = this.arraySizeForAst(ast.args[shape.index], state);
          return new ArraySize(size.width, size.height);
        }
        case "rowOfLength": {
          const arg = ast.args[shape.index];
          const n = arg?.type === "NUMBER" ? Number(arg.value) : NaN;
          return Number.isInteger(n) && n >= 1 && n <= 1200 ? new ArraySize(n, 1) : ArraySize.error();
        }
        case "findings": {
          const size = this.arraySizeForAst(ast.args[shape.tableIndex], state);
          return new ArraySize(shape.width, Math.max(1, size.height));
        }
        default:
          return ArraySize.scalar();
      }
    };
  }
  return SamkalkPlugin as never;
}

type SizeRecorder = (at: { sheet: number; row: number; col: number }, width: number, height: number) => void;
let sizeRecorder: SizeRecorder | null = null;

/**
 * Runs `build` (which adds formulas to an engine) and reports the result size the engine reserved
 * for each SAMKALK formula. The engine can say that a cell is part of an array, not which array
 * it belongs to; two adjacent spills cannot be told apart without this.
 */
export function recordingArraySizes<T>(build: () => T, record: SizeRecorder): T {
  sizeRecorder = record;
  try {
    return build();
  } finally {
    sizeRecorder = null;
  }
}

let registered = false;

/** Registers the SAMKALK functions with HyperFormula once per process. */
export function registerSamkalkFunctions(): void {
  if (registered) return;
  const plugin = buildPlugin();
  const names: Record<string, string> = {};
  for (const name of [...Object.keys(plugin.implementedFunctions), ...Object.keys(plugin.aliases)]) names[name] = name;
  HyperFormula.registerFunctionPlugin(plugin as never, { enGB: names, enUS: names });
  registered = true;
}
