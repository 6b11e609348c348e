/**
 * The undo and redo stacks of the embedded workbook: each entry is the state before one step
 * (a typed cell, a paste, a range cleared, one write of the task pane). A new step clears what
 * could be redone, as in Excel. The stacks are kept within a budget of cells, the oldest steps
 * dropped first, so a large workbook keeps fewer steps rather than running out of memory.
 */
export class History<State> {
  private readonly undoStack: State[] = [];
  private readonly redoStack: State[] = [];

  constructor(
    private readonly sizeOf: (state: State) => number,
    private readonly budget = 2_000_000,
    private readonly maxSteps = 100,
  ) {}

  /** Records the state before a step. */
  push(before: State): void {
    this.undoStack.push(before);
    this.redoStack.length = 0;
    this.trim();
  }

  /** The state to go back to, given the current one (kept for redo); null when there is none. */
  undo(current: State): State | null {
    const previous = this.undoStack.pop();
    if (previous === undefined) return null;
    this.redoStack.push(current);
    return previous;
  }

  redo(current: State): State | null {
    const next = this.redoStack.pop();
    if (next === undefined) return null;
    this.undoStack.push(current);
    return next;
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  private trim(): void {
    let total = this.undoStack.reduce((n, s) => n + this.sizeOf(s), 0);
    while (this.undoStack.length > 1 && (this.undoStack.length > this.maxSteps || total > this.budget)) total -= this.sizeOf(this.undoStack.shift()!);
  }
}
