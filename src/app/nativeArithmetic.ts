import { FormulaReferences } from "../io/formulaReferences";

/**
 * Plain arithmetic formulas (=C1+B2, =(B2-B3)*2/$E$1) computed without the engine, for recalc:
 * a running total of 100 000 links below a SAMKALK spill would otherwise be built into the engine
 * as 100 000 formulas, most of the time of the recalculation. Only + - * /, unary minus and plus,
 * parentheses, ROUND(x,n), numbers and single cells qualify; the arithmetic is the engine's own (IEEE doubles,
 * the engine runs without smart rounding), and anything the engine would answer otherwise (a
 * division by zero, text, an error, an overflow) makes the caller hand the formulas to the engine.
 */

/** A cell a formula reads: its sheet by name (null for the formula's own), 0-based position and $ flags. */
export interface CellRef {
  sheet: string | null;
  row: number;
  col: number;
  /** $ before the row (B$2) and the column ($B2): the parts that stay when the formula is moved. */
  rowFixed: boolean;
  colFixed: boolean;
}

type Step = { op: "number"; value: number } | { op: "cell"; ref: CellRef; index: number } | { op: "+" | "-" | "*" | "/" } | { op: "negate" } | { op: "round" };

/** A formula as steps on a stack (postfix), with the cells it reads. */
export interface ArithmeticFormula {
  steps: readonly Step[];
  cells: readonly CellRef[];
}

const PRECEDENCE: Record<string, number> = { "+": 1, "-": 1, "*": 2, "/": 2, negate: 3 };
const ROUND = /ROUND\s*\(/iy;
const NUMBER = /\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?/y;

/** The formula as arithmetic steps, or null when it is anything more than plain arithmetic. */
export function parseArithmetic(text: string, refs: FormulaReferences): ArithmeticFormula | null {
  if (refs.unsupported || refs.names.length > 0) return null;
  const byStart = new Map(refs.references.map((r) => [r.start, r]));
  const steps: Step[] = [];
  const cells: CellRef[] = [];
  const operators: string[] = [];
  /** For each open ROUND(: how many arguments it has seen. */
  const argumentCounts: number[] = [];
  // Whether the next token must be an operand (at the start, after an operator or "(").
  let expectOperand = true;
  const pop = () => steps.push({ op: operators.pop() as "+" });
  for (let i = 0; i < text.length; ) {
    const c = text[i];
    if (c === " " || c === "\n" || c === "\r" || c === "\t") {
      i++;
      continue;
    }
    const ref = byStart.get(i);
    if (ref) {
      if (!expectOperand || ref.shape !== "cells" || ref.top !== ref.bottom || ref.left !== ref.right) return null;
      const cell = { sheet: ref.sheet, row: ref.top, col: ref.left, rowFixed: ref.absolute[0], colFixed: ref.absolute[1] };
      steps.push({ op: "cell", ref: cell, index: cells.length });
      cells.push(cell);
      i = ref.end;
      expectOperand = false;
      continue;
    }
    ROUND.lastIndex = i;
    const round = ROUND.exec(text);
    if (round) {
      if (!expectOperand) return null;
      operators.push("round(");
      argumentCounts.push(1);
      i += round[0].length;
      continue;
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text);
    if (number) {
      if (!expectOperand) return null;
      steps.push({ op: "number", value: Number(number[0]) });
      i += number[0].length;
      expectOperand = false;
      continue;
    }
    if (c === "(") {
      if (!expectOperand) return null;
      operators.push("(");
    } else if (c === ",") {
      if (expectOperand) return null;
      while (operators.length > 0 && operators[operators.length - 1] !== "(" && operators[operators.length - 1] !== "round(") pop();
      if (operators[operators.length - 1] !== "round(") return null;
      argumentCounts[argumentCounts.length - 1]++;
      expectOperand = true;
    } else if (c === ")") {
      if (expectOperand) return null;
      while (operators.length > 0 && operators[operators.length - 1] !== "(" && operators[operators.length - 1] !== "round(") pop();
      const open = operators.pop();
      if (open === "round(") {
        // ROUND(x) and ROUND(x,n,m) are for the engine to refuse or default.
        if (argumentCounts.pop() !== 2) return null;
        steps.push({ op: "round" });
      } else if (open !== "(") return null;
    } else if (c === "+" || c === "-" || c === "*" || c === "/") {
      if (expectOperand) {
        // A sign: unary plus changes nothing, unary minus binds tighter than * and /, as in Excel.
        if (c === "*" || c === "/") return null;
        if (c === "-") operators.push("negate");
      } else {
        while (operators.length > 0 && operators[operators.length - 1] !== "(" && PRECEDENCE[operators[operators.length - 1]] >= PRECEDENCE[c]) pop();
        operators.push(c);
        expectOperand = true;
      }
    } else return null;
    i++;
  }
  if (expectOperand) return null;
  while (operators.length > 0) {
    const op = operators.pop()!;
    if (op === "(" || op === "round(") return null;
    steps.push({ op: op as "+" });
  }
  return { steps, cells };
}

/**
 * The formula's value, reading each cell with `read` (a number, or null for an empty cell, which
 * counts as 0), told the cell and its place in `cells`; undefined where the engine's answer would
 * not be a plain finite number.
 */
export function evaluateArithmetic(formula: ArithmeticFormula, read: (ref: CellRef, index: number) => number | null | undefined): number | undefined {
  const stack: number[] = [];
  for (const step of formula.steps) {
    switch (step.op) {
      case "number":
        stack.push(step.value);
        break;
      case "cell": {
        const v = read(step.ref, step.index);
        if (v === undefined) return undefined;
        stack.push(v ?? 0);
        break;
      }
      case "negate":
        stack.push(-stack.pop()!);
        break;
      case "round": {
        // The engine's ROUND, step for step: half away from zero on the scaled double.
        const places = stack.pop()!;
        const x = stack.pop()!;
        if (!Number.isInteger(places)) return undefined;
        const scale = Math.pow(10, places);
        stack.push(x < 0 ? -Math.round(-x * scale) / scale : Math.round(x * scale) / scale);
        break;
      }
      default: {
        const right = stack.pop()!;
        const left = stack.pop()!;
        if (step.op === "/" && right === 0) return undefined;
        stack.push(step.op === "+" ? left + right : step.op === "-" ? left - right : step.op === "*" ? left * right : left / right);
      }
    }
  }
  const value = stack[0];
  return Number.isFinite(value) && !Object.is(value, -0) ? value : undefined;
}
