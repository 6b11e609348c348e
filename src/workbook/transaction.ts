import type { TableEntry } from "../core/cells";
import type { FlagRule } from "./port";
import type { EngineAdapter, SheetContent } from "./engineAdapter";

/** Fill colours shown for the cells of one column whose text matches a rule. */
export interface ConditionalFlags {
  sheet: string;
  col: number;
  fromRow: number;
  toRow: number;
  rules: FlagRule[];
}

/**
 * What the embedded workbook keeps beside the engine's cells: tables, number formats, fills
 * (Tabellkoll's marks), bold cells and conditional fills; cell keys are "Sheet!row,col".
 */
export class CellDecorations {
  tables = new Map<string, TableEntry>();
  numberFormats = new Map<string, string>();
  fills = new Map<string, string>();
  bold = new Set<string>();
  conditional: ConditionalFlags[] = [];

  copy(): CellDecorations {
    const copy = new CellDecorations();
    copy.tables = new Map([...this.tables].map(([k, t]) => [k, { ...t }]));
    copy.numberFormats = new Map(this.numberFormats);
    copy.fills = new Map(this.fills);
    copy.bold = new Set(this.bold);
    copy.conditional = this.conditional.map((c) => ({ ...c }));
    return copy;
  }

  restore(from: CellDecorations): void {
    this.tables = from.tables;
    this.numberFormats = from.numberFormats;
    this.fills = from.fills;
    this.bold = from.bold;
    this.conditional = from.conditional;
  }

  /** Forgets the formats, fills and bold of the cells in a block of a sheet. */
  clearBlock(sheet: string, row: number, col: number, height: number, width: number): void {
    for (let r = row; r < row + height; r++) {
      for (let c = col; c < col + width; c++) {
        const k = cellKey(sheet, r, c);
        this.numberFormats.delete(k);
        this.fills.delete(k);
        this.bold.delete(k);
      }
    }
  }

  /** Forgets everything kept for a sheet (its tables included). */
  clearSheet(sheet: string): void {
    for (const [k, t] of this.tables) if (t.sheet === sheet) this.tables.delete(k);
    this.conditional = this.conditional.filter((c) => c.sheet !== sheet);
    const prefix = `${sheet}!`;
    for (const k of [...this.numberFormats.keys()]) if (k.startsWith(prefix)) this.numberFormats.delete(k);
    for (const k of [...this.fills.keys()]) if (k.startsWith(prefix)) this.fills.delete(k);
    for (const k of [...this.bold]) if (k.startsWith(prefix)) this.bold.delete(k);
  }
}

export const cellKey = (sheet: string, row: number, col: number): string => `${sheet}!${row},${col}`;

/** What a change can be undone to: every sheet's content and every decoration. */
export interface SavedState {
  sheets: SheetContent[];
  decorations: CellDecorations;
}

export function saveState(engine: EngineAdapter, decorations: CellDecorations): SavedState {
  return { sheets: engine.contents(), decorations: decorations.copy() };
}

export function restoreState(engine: EngineAdapter, decorations: CellDecorations, state: SavedState): void {
  engine.restore(state.sheets);
  decorations.restore(state.decorations.copy());
}

/** The cells a saved state holds, for the undo history's budget. */
export function stateSize(state: SavedState): number {
  let cells = 0;
  for (const sheet of state.sheets) for (const row of sheet.cells) cells += row.length;
  return cells;
}

/**
 * Runs a change as one unit: if any part throws, every sheet's content (values and formulas)
 * and every decoration (tables, number formats, fills, bold, conditional fills) is put back as
 * it was, and the error goes on. Content only, not computed values: computing every cell just to
 * be able to roll back would cost more than most writes. Returns the state before the change,
 * which the undo history keeps.
 */
export function atomically(engine: EngineAdapter, decorations: CellDecorations, change: () => void): SavedState {
  const before = saveState(engine, decorations);
  try {
    engine.batch(change);
  } catch (error) {
    restoreState(engine, decorations, before);
    throw error;
  }
  return before;
}
