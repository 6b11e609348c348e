import { ArraySize, CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from "hyperformula";
import type { FunctionMetadata, ImplementedFunctions } from "hyperformula";
import { FUNCTIONS, FunctionArgument, FunctionSpec, NAMESPACE } from "../functions/catalogue";
import { FunctionError } from "../functions/functionError";
import { ExcelScalar, RangeOrigin, withOrigin } from "../functions/excelValues";
import { count } from "../core/plural";

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

interface Address {
  sheet: number;
  row: number;
  col: number;
}

interface ArgumentAst {
  type: string;
  value?: unknown;
  expression?: ArgumentAst;
  start?: { toSimpleCellAddress(base: unknown): Address };
  reference?: { toSimpleCellAddress(base: unknown): Address };
}

interface AstLike {
  args: ArgumentAst[];
}

/** HyperFormula's AstNodeType.PARENTHESIS (not exported), whose value is plural. */
const PARENTHESES = "PARENTHESES";

/** What the plugin reads of the engine's dependency graph (HyperFormula's own, not public API). */
interface GraphLike {
  getCell(address: Address): unknown;
  getCellValue(address: Address): unknown;
}

/**
 * The value an argument has now, for sizing a result before evaluating it: a literal, or the
 * value of the cell it refers to (in parentheses, with a sign), as Excel would hand it to the
 * function. Undefined when it cannot be known yet: a formula, a range, a formula cell not computed.
 * The engine sizes a result when the formula is entered; when such a cell changes afterwards, the
 * size no longer fits, and evaluation says so (see `fitted`).
 */
function currentValue(graph: GraphLike, arg: ArgumentAst | undefined, base: unknown): HfScalar | undefined {
  if (arg === undefined || arg.type === "EMPTY") return null;
  switch (arg.type) {
    case "NUMBER":
    case "STRING":
      return arg.value;
    case PARENTHESES:
      return arg.expression ? currentValue(graph, arg.expression, base) : undefined;
    case "PLUS_UNARY_OP":
    case "MINUS_UNARY_OP": {
      const inner = arg.value as ArgumentAst | undefined;
      const v = inner ? toExcelScalar(currentValue(graph, inner, base)) : undefined;
      return typeof v === "number" ? (arg.type === "MINUS_UNARY_OP" ? -v : v) : undefined;
    }
    case "CELL_REFERENCE":
      try {
        const at = arg.reference?.toSimpleCellAddress(base);
        // Throws for a formula cell not computed yet.
        return at ? graph.getCellValue(at) : undefined;
      } catch {
        return undefined;
      }
    default:
      return undefined;
  }
}

/** The size reserved for this call's result: the formula's own array, or one cell; undefined when the call is part of a larger formula. */
function reservedSize(graph: GraphLike, ast: AstLike, at: Address | undefined): { width: number; height: number } | undefined {
  if (!at) return undefined;
  let vertex: { formula?: { type: string; expression?: unknown }; array?: { size?: ArraySize } } | undefined;
  try {
    vertex = graph.getCell(at) as typeof vertex;
  } catch {
    return undefined;
  }
  let root: unknown = vertex?.formula;
  while (root && (root as { type: string }).type === PARENTHESES) root = (root as { expression?: unknown }).expression;
  if (root !== ast) return undefined;
  if (vertex?.array === undefined) return { width: 1, height: 1 };
  const size = vertex.array.size;
  return size && !size.isRef ? { width: size.width, height: size.height } : undefined;
}

function sizeMessage(result: { width: number; height: number }, reserved: { width: number; height: number }): string {
  const said =
    result.height === 1 && reserved.height === 1 ? `är ${count(result.width, "cell", "celler")} brett men kalkylmotorn reserverade ${reserved.width}`
    : result.width === 1 && reserved.width === 1 ? `är ${count(result.height, "cell", "celler")} högt men kalkylmotorn reserverade ${reserved.height}`
    : `är ${result.height}×${result.width} celler men kalkylmotorn reserverade ${reserved.height}×${reserved.width}`;
  return `Svaret ${said} när formeln skrevs in; skriv in formeln igen`;
}

/** Formulas whose reserved size no longer fits their result, by engine, for `refitSamkalkArrays`. */
const staleArrays = new WeakMap<object, Map<string, Address>>();

/**
 * A result as the engine can hold it. A result larger than the size reserved for it would make the
 * engine throw (it cuts nothing), so it is an error saying why; a result whose size has changed
 * since the formula was entered is noted, so that `refitSamkalkArrays` can enter it again.
 */
function fitted(graph: GraphLike, ast: AstLike, at: Address | undefined, result: unknown, sizeNow: () => ArraySize): unknown {
  if (!(result instanceof SimpleRangeValue)) return result;
  const reserved = reservedSize(graph, ast, at);
  if (!reserved || !at) return result;
  const size = { width: result.width(), height: result.height() };
  const now = sizeNow();
  if (!now.isRef && (now.width !== reserved.width || now.height !== reserved.height)) {
    const stale = staleArrays.get(graph) ?? new Map<string, Address>();
    staleArrays.set(graph, stale);
    stale.set(`${at.sheet}:${at.row}:${at.col}`, { sheet: at.sheet, row: at.row, col: at.col });
  }
  return size.width > reserved.width || size.height > reserved.height ? new CellError(ErrorType.VALUE, sizeMessage(size, reserved)) : result;
}

/**
 * Enters again every SAMKALK formula whose result no longer fits the size the engine reserved when
 * it was entered (PERIODISERA(10;A1) after A1 changed from 4 to 6), so that it is sized by the
 * values it has now, as Excel spills. Returns the formulas entered again, in sheet order.
 */
export function refitSamkalkArrays(hf: HyperFormula): Address[] {
  const graph = (hf as unknown as { dependencyGraph: object }).dependencyGraph;
  const stale = staleArrays.get(graph);
  if (!stale || stale.size === 0) return [];
  const addresses = [...stale.values()].sort((a, b) => a.sheet - b.sheet || a.row - b.row || a.col - b.col);
  stale.clear();
  const refitted: Address[] = [];
  // One recalculation for them all, not one for each formula entered again.
  hf.batch(() => {
    for (const at of addresses) {
      const formula = hf.getCellFormula(at);
      if (formula === undefined || !/SAMKALK\./i.test(formula)) continue;
      hf.setCellContents(at, [[formula]]);
      refitted.push(at);
    }
  });
  return refitted;
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
        const result = (this as unknown as { runFunction: Function; metadata: (n: string) => unknown }).runFunction(ast.args, state, (this as unknown as { metadata: (n: string) => unknown }).metadata(name), (...args: unknown[]) => runSpec(spec, args, padTo, originsOf(ast, state)));
        if (spec.result.kind === "scalar") return result;
        const graph = (this as unknown as { dependencyGraph: GraphLike }).dependencyGraph;
        return fitted(graph, ast, (state as { formulaAddress?: Address }).formulaAddress, result, () => resultSize.call(this as never, ast, state));
      } catch (error) {
        // The engine itself can fail while reading the arguments (fuzzing found "Unknown array"
        // for a formula inside its own range in a damaged file): the cell shows it, nothing crashes.
        return new CellError(ErrorType.VALUE, `Kalkylmotorn kunde inte läsa argumenten (${error instanceof Error ? error.message : String(error)})`);
      }
    };
    proto[sizeMethod] = function (this: { arraySizeForAst: (a: unknown, s: unknown) => ArraySize; dependencyGraph: GraphLike }, ast: AstLike, state: unknown): ArraySize {
      const size = resultSize.call(this, ast, state);
      const at = (state as { formulaAddress?: { sheet: number; row: number; col: number } }).formulaAddress;
      if (sizeRecorder && at && !size.isRef) sizeRecorder(at, size.width, size.height);
      return size;
    };
    const resultSize = function (this: { arraySizeForAst: (a: unknown, s: unknown) => ArraySize; dependencyGraph: GraphLike }, ast: AstLike, state: unknown): ArraySize {
      const shape = spec.result;
      if (ast.args.length < spec.minArgs || ast.args.length > spec.maxArgs) return ArraySize.error();
      switch (shape.kind) {
        case "shapeOfArgument": {
          const size = this.arraySizeForAst(ast.args[shape.index], state);
          return new ArraySize(size.width, size.height);
        }
        case "rowOfLength": {
          // Read as the body reads it: a literal, or the value of a referenced cell (Excel hands
          // the function the cell's value). An error or a value the body refuses: one cell.
          const value = currentValue(this.dependencyGraph, ast.args[shape.index], (state as { formulaAddress?: unknown }).formulaAddress);
          const x = value === undefined ? undefined : toExcelScalar(value);
          if (x === undefined || x instanceof CellError) return ArraySize.error();
          try {
            return new ArraySize(shape.length(x), 1);
          } catch {
            return ArraySize.error();
          }
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
