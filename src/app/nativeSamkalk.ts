import { FUNCTIONS, FunctionSpec } from "../functions/catalogue";
import { ExcelMatrix, ExcelScalar, withOrigin } from "../functions/excelValues";
import type { FormulaReferences, ReferenceToken } from "../io/formulaReferences";

/**
 * A SAMKALK call that recalc can compute without the engine: its arguments are number literals,
 * left out, or references to cells, and its result is one number or an array in the shape of a
 * range argument (FORDELA, NYCKELANDEL, REGLERING …). Its body is the one the engine and Excel
 * run; only the building of a HyperFormula engine for the 100 000 weights it reads is saved. Anything
 * else (text, an error, a formula among the cells read, a result of another shape) is left to
 * the engine by answering null.
 */

export type CallArgument = { kind: "empty" } | { kind: "number"; value: number } | { kind: "reference"; ref: ReferenceToken };

export interface SamkalkCall {
  spec: FunctionSpec;
  args: CallArgument[];
}

const HEAD = /^\s*(?:SAMKALK\.|_xldudf_SAMKALK_)([^\s(]+)\(/i;
const NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/;
const BY_NAME = new Map<string, FunctionSpec>(FUNCTIONS.flatMap((f) => [[f.id.toUpperCase(), f] as const, [f.sv.toUpperCase(), f] as const]));

/** The call a formula's text makes, when it is nothing but one such call; null otherwise. */
export function parseSamkalkCall(text: string, refs: FormulaReferences): SamkalkCall | null {
  const head = HEAD.exec(text);
  const spec = head && BY_NAME.get(head[1].toUpperCase());
  if (!head || !spec || spec.volatile || spec.returnsDate || refs.names.length > 0 || refs.unsupported) return null;
  if (spec.result.kind !== "scalar" && spec.result.kind !== "shapeOfArgument") return null;
  const byStart = new Map(refs.references.map((r) => [r.start, r]));
  const args: CallArgument[] = [];
  let at = head[0].length;
  const skipSpaces = () => {
    while (text[at] === " ") at++;
  };
  for (;;) {
    skipSpaces();
    const ref = byStart.get(at);
    const number = ref ? null : NUMBER.exec(text.slice(at, at + 40));
    if (ref) {
      if (ref.shape !== "cells") return null;
      args.push({ kind: "reference", ref });
      at = ref.end;
    } else if (number) {
      args.push({ kind: "number", value: Number(number[0]) });
      at += number[0].length;
    } else args.push({ kind: "empty" });
    skipSpaces();
    if (text[at] === ",") {
      at++;
      continue;
    }
    if (text[at] !== ")" || text.slice(at + 1).trim() !== "") return null;
    break;
  }
  // SAMKALK.FORDELA() is one empty argument as read above, and no arguments to the engine.
  if (args.length === 1 && args[0].kind === "empty") args.length = 0;
  if (args.length < spec.minArgs || args.length > spec.maxArgs) return null;
  return { spec, args };
}

/** A cell's value as the engine would pass it: a number, null when empty, undefined when it is not for us to compute (text, a formula). */
export type ReadCell = (sheet: string | null, row: number, col: number) => number | null | undefined;

export type CallResult = { kind: "value"; value: number } | { kind: "array"; values: number[][] };

/** The call's result computed with the function's own body; null where the engine must answer. */
export function evaluateSamkalkCall(call: SamkalkCall, read: ReadCell): CallResult | null {
  const { spec } = call;
  const given: (ExcelScalar | ExcelMatrix)[] = [];
  let shape: { rows: number; cols: number } | null = null;
  for (const [i, arg] of call.args.entries()) {
    const isRange = spec.rangeArgs.includes(i);
    if (arg.kind === "empty") given.push(isRange ? [[null]] : null);
    else if (arg.kind === "number") given.push(isRange ? [[arg.value]] : arg.value);
    else {
      const { ref } = arg;
      if (!isRange) {
        if (ref.range || ref.top !== ref.bottom || ref.left !== ref.right) return null;
        const v = read(ref.sheet, ref.top, ref.left);
        if (v === undefined) return null;
        given.push(v);
        continue;
      }
      const matrix: ExcelMatrix = [];
      for (let row = ref.top; row <= ref.bottom; row++) {
        const line: ExcelScalar[] = [];
        for (let col = ref.left; col <= ref.right; col++) {
          const v = read(ref.sheet, row, col);
          if (v === undefined) return null;
          line.push(v);
        }
        matrix.push(line);
      }
      given.push(withOrigin(matrix, { row: ref.top, col: ref.left }));
    }
    if (spec.result.kind === "shapeOfArgument" && spec.result.index === i) {
      const m = given[i] as ExcelMatrix;
      shape = { rows: m.length, cols: m[0].length };
    }
  }
  let result: unknown;
  try {
    result = spec.run(...given);
  } catch {
    return null; // the engine says what is wrong, in the cell
  }
  if (typeof result === "number") return Number.isFinite(result) ? { kind: "value", value: result } : null;
  if (!Array.isArray(result) || !shape || result.length !== shape.rows || shape.rows * shape.cols === 1) return null;
  for (const row of result as unknown[][]) {
    if (!Array.isArray(row) || row.length !== shape.cols) return null;
    for (const v of row) if (typeof v !== "number" || !Number.isFinite(v) || Object.is(v, -0)) return null;
  }
  return { kind: "array", values: result as number[][] };
}
