import { CellInput } from "../core/cells";
import { parseA1, toA1 } from "../core/a1";

/**
 * A table inside a sheet the product writes, described so that the product's own table check
 * can be run on exactly that block: totals equal their rows, and the block's rules hold.
 */
export interface CheckedBlock {
  title: string;
  /** 0-based row of the header within the sheet's cells. */
  top: number;
  /** Rows including the header. */
  height: number;
  width: number;
  /** Rules in the table check's syntax, e.g. "Totalt = Andel + Kostnader". */
  rules: string[];
  /** Columns that are ratios (% used): shown on total rows, but not sums. */
  ratioColumns?: string[];
}

/** Builds a sheet's cells row by row and remembers where its checked tables are. */
export class SheetLayout {
  readonly cells: CellInput[][] = [];
  readonly boldRows: number[] = [];
  readonly blocks: CheckedBlock[] = [];
  readonly cellFormats: { address: string; format: string }[] = [];

  /** 1-based sheet row the next row will have. */
  get nextRow(): number {
    return this.cells.length + 1;
  }

  row(cells: CellInput[], bold = false): number {
    if (bold) this.boldRows.push(this.cells.length);
    this.cells.push(cells);
    return this.cells.length; // 1-based row just written
  }

  blank(): void {
    this.cells.push([]);
  }

  /** Starts a checked table at the next row; returns a function that closes it. */
  table(title: string, headers: string[], rules: string[] = [], ratioColumns: string[] = []): { headerRow: number; end: () => CheckedBlock } {
    const top = this.cells.length;
    const headerRow = this.row(headers, true);
    return {
      headerRow,
      end: () => {
        const block = { title, top, height: this.cells.length - top, width: headers.length, rules, ratioColumns };
        this.blocks.push(block);
        return block;
      },
    };
  }

  format(address: string, format: string): void {
    this.cellFormats.push({ address, format });
  }
}

/** A reference to a cell of another sheet, quoted the way Excel writes it. */
export function sheetRef(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}

/** The cell `rowOffset` rows below and `colOffset` columns right of an A1 address. */
export function offsetA1(topLeft: string, rowOffset: number, colOffset: number): string {
  const p = parseA1(topLeft);
  return toA1({ row: p.row + rowOffset, col: p.col + colOffset });
}

/** Groups sorted 1-based sheet rows into runs of consecutive rows: [[2,5],[7,9]]. */
export function rowRuns(rows: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const r of rows) {
    const last = runs[runs.length - 1];
    if (last && r === last[1] + 1) last[1] = r;
    else runs.push([r, r]);
  }
  return runs;
}
