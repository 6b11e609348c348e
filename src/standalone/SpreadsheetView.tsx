import { ClipboardEvent, KeyboardEvent, useEffect, useReducer, useRef, useState } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import { Button, Input, Tab, TabList } from "@fluentui/react-components";
import { EmbeddedWorkbook } from "../workbook/embeddedWorkbook";
import { CellPosition, columnLetters, parseRange, rangeA1, toA1 } from "../core/a1";
import { formulaToSwedish } from "../workbook/localFormula";
import { cellText } from "./cellText";
import { readUserCell } from "./userInput";
import { formatTsv, parseTsv } from "./tsv";

/** Every sheet offers at least this many rows and columns, and always its whole used range. */
const MIN_ROWS = 100_000;
const MIN_COLS = 100;
const ROW_HEIGHT = 22;
const COL_WIDTH = 96;
const HEADER_WIDTH = 56;

/**
 * A small spreadsheet on the embedded workbook, used the way Excel is: type into a cell (typing
 * replaces, F2 or a double click edits, Enter and Tab commit and move, Escape cancels), paste a
 * block copied from Excel (tab-separated), or use the formula bar. Formulas are shown and typed
 * the Swedish way (SUMMA, ";" and decimal comma). Selecting cells (Shift extends) sets the
 * workbook's selection, which the task pane's Tabellkoll reads; as in Excel the cell the selection
 * started from stays the active cell and Shift+arrows move the range's other corner. Copy gives Excel's tab-separated
 * text, Delete clears the selected range, Ctrl+Z and Ctrl+Y undo and redo one step (typing, a
 * paste, a cleared range, a write of the task pane). Tab out of a cell being edited commits and
 * moves right, as in Excel; Tab on the grid itself moves the focus on, so the keyboard is never
 * trapped. Rows and columns are virtualised (@tanstack/react-virtual): only what is in view is in
 * the page, so 100 000 rows cost what 30 do.
 */
export function SpreadsheetView({ workbook }: { workbook: EmbeddedWorkbook }) {
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  useEffect(() => workbook.subscribe(redraw), [workbook]);
  const selection = workbook.getSelection();
  const [sheet, setSheet] = useState(selection.sheet);
  const activeSheet = workbook.sheetList().includes(sheet) ? sheet : workbook.sheetList()[0];
  const address = selection.sheet === activeSheet ? selection.address : "A1";
  const { start, end } = parseRange(address);
  const [draft, setDraft] = useState<string | null>(null);
  const [editing, setEditingState] = useState<{ row: number; col: number; text: string } | null>(null);
  // The open editor, also as a ref: closing it (Enter, Escape) unmounts the input, whose blur then
  // arrives with a stale closure; only the editor still open may commit.
  const open = useRef<{ row: number; col: number; text: string } | null>(null);
  const setEditing = (next: { row: number; col: number; text: string } | null) => {
    open.current = next;
    setEditingState(next);
  };
  // The selection as the grid made it: its anchor (the active cell, where it started) and the far
  // corner that Shift moves. A selection made elsewhere (the task pane, a paste, a sheet tab)
  // starts at its top-left cell and ends at its bottom-right one.
  const [corners, setCorners] = useState<{ sheet: string; address: string; anchor: CellPosition; far: CellPosition } | null>(null);
  const made = corners && corners.sheet === activeSheet && corners.address === address ? corners : null;
  const anchor = made?.anchor ?? start;
  const far = made?.far ?? end;
  const gridRef = useRef<HTMLDivElement>(null);

  const size = workbook.sheetSize(activeSheet);
  const rows = Math.max(MIN_ROWS, size.height + 100);
  const cols = Math.max(MIN_COLS, size.width + 10);
  const rowVirtualizer = useVirtualizer({ count: rows, getScrollElement: () => gridRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10, initialRect: { width: 1000, height: 600 } });
  const colVirtualizer = useVirtualizer({ horizontal: true, count: cols, getScrollElement: () => gridRef.current, estimateSize: () => COL_WIDTH, overscan: 3, initialRect: { width: 1000, height: 600 } });
  // The corner the keyboard moves (the active cell, or the far end that Shift moves) stays in view.
  useEffect(() => {
    rowVirtualizer.scrollToIndex(far.row, { align: "auto" });
    colVirtualizer.scrollToIndex(far.col, { align: "auto" });
  }, [far.row, far.col]); // eslint-disable-line react-hooks/exhaustive-deps
  const active = workbook.cellDisplay(activeSheet, anchor.row, anchor.col);
  // What F2 and the formula bar show: the formula the Swedish way, a number bare with a decimal
  // comma (12345,5, as Excel edits it), anything else as shown.
  const contentOf = (cell: { formula: string | null; value: unknown }) =>
    cell.formula ? formulaToSwedish(cell.formula) : typeof cell.value === "number" ? String(cell.value).replace(".", ",") : cellText(cell.value as never);
  const shown = draft ?? contentOf(active);

  /** Selects from the anchor (Shift, a drag) or the cell itself to the cell at row, col. */
  const select = (row: number, col: number, extend: boolean) => {
    const from = extend ? anchor : { row, col };
    const top = Math.min(from.row, row);
    const left = Math.min(from.col, col);
    const range = rangeA1({ row: top, col: left }, Math.abs(row - from.row) + 1, Math.abs(col - from.col) + 1);
    setCorners({ sheet: activeSheet, address: range, anchor: from, far: { row, col } });
    setDraft(null);
    void workbook.selectRange(activeSheet, range);
  };

  const write = (row: number, col: number, text: string) => workbook.setBlockFromUser(activeSheet, toA1({ row, col }), [[readUserCell(text)]]);

  const commit = () => {
    if (draft === null) return;
    write(anchor.row, anchor.col, draft);
    setDraft(null);
    select(Math.min(anchor.row + 1, rows - 1), anchor.col, false);
    gridRef.current?.focus();
  };

  const finishEditing = (move: [number, number] | null) => {
    const current = open.current;
    if (!current) return;
    if (move) write(current.row, current.col, current.text);
    setEditing(null);
    if (!move) {
      gridRef.current?.focus();
      return;
    }
    // A blur (clicking elsewhere) commits where it is; Enter and Tab move on, as in Excel.
    if (move[0] !== 0 || move[1] !== 0) {
      select(Math.max(0, Math.min(rows - 1, current.row + move[0])), Math.max(0, Math.min(cols - 1, current.col + move[1])), false);
      gridRef.current?.focus();
    }
  };

  const onPaste = (e: ClipboardEvent) => {
    if (editing) return;
    const text = e.clipboardData.getData("text/plain");
    if (!text) return;
    e.preventDefault();
    const block = parseTsv(text).map((row) => row.map(readUserCell));
    workbook.setBlockFromUser(activeSheet, toA1(start), block);
    const width = Math.max(...block.map((r) => r.length));
    void workbook.selectRange(activeSheet, rangeA1(start, block.length, width));
  };

  const selectedText = () =>
    formatTsv(Array.from({ length: end.row - start.row + 1 }, (_, r) => Array.from({ length: end.col - start.col + 1 }, (_, c) => {
      const cell = workbook.cellDisplay(activeSheet, start.row + r, start.col + c);
      return cellText(cell.value, cell.numberFormat);
    })));

  const clearSelection = () => {
    const empty = Array.from({ length: end.row - start.row + 1 }, () => Array.from({ length: end.col - start.col + 1 }, () => readUserCell("")));
    workbook.setBlockFromUser(activeSheet, toA1(start), empty);
  };

  const onCopy = (e: ClipboardEvent, cut: boolean) => {
    if (editing) return;
    e.preventDefault();
    e.clipboardData.setData("text/plain", selectedText());
    if (cut) clearSelection();
  };

  const pageRows = Math.max(1, Math.floor((gridRef.current?.clientHeight ?? 600) / ROW_HEIGHT) - 2);

  const onGridKey = (e: KeyboardEvent) => {
    if (editing) return;
    const ctrl = e.ctrlKey || e.metaKey;
    if (ctrl && (e.key === "z" || e.key === "Z") && !e.shiftKey) {
      e.preventDefault();
      workbook.undo();
      return;
    }
    if (ctrl && (e.key === "y" || e.key === "Y" || ((e.key === "z" || e.key === "Z") && e.shiftKey))) {
      e.preventDefault();
      workbook.redo();
      return;
    }
    if (ctrl && e.key === "Home") {
      e.preventDefault();
      select(0, 0, e.shiftKey);
      return;
    }
    // Tab on the grid moves the focus on (the keyboard is never trapped); Tab while editing a cell
    // commits it and moves right, as in Excel (in the editor below).
    if (e.key === "Tab") return;
    // Shift extends, except Shift+Enter, which moves up. Extending moves the far corner and keeps
    // the anchor, as in Excel; a move without Shift leaves the range and goes on from the active cell.
    const extend = e.shiftKey && e.key !== "Enter";
    const from = extend ? far : anchor;
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Enter: [e.shiftKey ? -1 : 1, 0], PageDown: [pageRows, 0], PageUp: [-pageRows, 0], Home: [0, -from.col] };
    const move = moves[e.key];
    const used = workbook.sheetSize(activeSheet);
    if (move && ctrl && e.key.startsWith("Arrow")) {
      // Ctrl+arrow: to the edge of the used range, as far as Samkalk's sheets need.
      move[0] = move[0] < 0 ? -from.row : move[0] > 0 ? Math.max(0, used.height - 1 - from.row) : 0;
      move[1] = move[1] < 0 ? -from.col : move[1] > 0 ? Math.max(0, used.width - 1 - from.col) : 0;
    }
    if (e.key === "F2") {
      e.preventDefault();
      setEditing({ row: anchor.row, col: anchor.col, text: contentOf(active) });
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault(); // typing replaces the cell's content, as in Excel
      setEditing({ row: anchor.row, col: anchor.col, text: e.key });
    } else if (move) {
      e.preventDefault();
      select(Math.max(0, Math.min(rows - 1, from.row + move[0])), Math.max(0, Math.min(cols - 1, from.col + move[1])), extend);
    } else if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      clearSelection();
    }
  };

  const visibleRows = rowVirtualizer.getVirtualItems();
  const visibleCols = colVirtualizer.getVirtualItems();
  const top = visibleRows[0]?.start ?? 0;
  const bottom = rowVirtualizer.getTotalSize() - (visibleRows.at(-1)?.end ?? 0);
  const before = visibleCols[0]?.start ?? 0;
  const after = colVirtualizer.getTotalSize() - (visibleCols.at(-1)?.end ?? 0);

  return (
    <div className="sheet-view">
      <div className="formula-bar">
        <span className="cell-name" aria-label="Aktiv cell">{toA1(anchor)}</span>
        <Input
          aria-label="Formel"
          className="formula-input"
          value={shown}
          onChange={(_, d) => setDraft(d.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") commit();
            if (e.key === "Escape") setDraft(null);
          }}
        />
        <Button size="small" onClick={commit} disabled={draft === null}>OK</Button>
      </div>
      {/* Fluent UI's focus manager (Tabster) moves focus on Tab before React sees the key; in the
          grid Tab belongs to the spreadsheet (commit and move right), so Tabster leaves it alone. */}
      <div
        className="grid"
        role="grid"
        aria-label={`Bladet ${activeSheet}`}
        aria-rowcount={rows + 1}
        aria-colcount={cols + 1}
        aria-multiselectable="true"
        tabIndex={0}
        ref={gridRef}
        onKeyDown={onGridKey}
        onPaste={onPaste}
        onCopy={(e) => onCopy(e, false)}
        onCut={(e) => onCopy(e, true)}
        data-tabster='{"uncontrolled":{}}'
      >
        <table style={{ width: HEADER_WIDTH + colVirtualizer.getTotalSize(), height: ROW_HEIGHT + rowVirtualizer.getTotalSize() }}>
          <colgroup>
            <col style={{ width: HEADER_WIDTH }} />
            {before > 0 && <col style={{ width: before }} />}
            {visibleCols.map((c) => <col key={c.index} style={{ width: c.size }} />)}
            {after > 0 && <col style={{ width: after }} />}
          </colgroup>
          <thead>
            <tr aria-rowindex={1}>
              <th className="corner" />
              {before > 0 && <th aria-hidden="true" />}
              {visibleCols.map((c) => <th key={c.index} scope="col" aria-colindex={c.index + 2}>{columnLetters(c.index)}</th>)}
              {after > 0 && <th aria-hidden="true" />}
            </tr>
          </thead>
          <tbody>
            {top > 0 && <tr aria-hidden="true" style={{ height: top }} />}
            {visibleRows.map(({ index: r }) => (
              <tr key={r} aria-rowindex={r + 2} style={{ height: ROW_HEIGHT }}>
                <th scope="row">{r + 1}</th>
                {before > 0 && <td aria-hidden="true" className="spacer" />}
                {visibleCols.map(({ index: c }) => {
                  const cell = workbook.cellDisplay(activeSheet, r, c);
                  const inSelection = r >= start.row && r <= end.row && c >= start.col && c <= end.col;
                  const error = typeof cell.value === "object" && cell.value !== null ? cell.value : null;
                  return (
                    <td
                      key={c}
                      role="gridcell"
                      aria-colindex={c + 2}
                      data-cell={toA1({ row: r, col: c })}
                      aria-selected={inSelection}
                      title={error?.message ?? undefined}
                      className={[typeof cell.value === "number" ? "num" : "", inSelection ? "selected" : "", cell.bold ? "bold" : "", error ? "error" : ""].join(" ")}
                      style={cell.fill ? { background: cell.fill } : undefined}
                      onMouseDown={(e) => { if (!(editing && editing.row === r && editing.col === c)) select(r, c, e.shiftKey); }}
                      onMouseEnter={(e) => { if (e.buttons === 1 && !editing) select(r, c, true); }}
                      onDoubleClick={() => setEditing({ row: r, col: c, text: contentOf(cell) })}
                    >
                      {editing && editing.row === r && editing.col === c ? (
                        <input
                          className="cell-editor"
                          aria-label={`Redigera ${toA1({ row: r, col: c })}`}
                          autoFocus
                          value={editing.text}
                          onChange={(e) => setEditing({ ...editing, text: e.target.value })}
                          onKeyDown={(e) => {
                            if (e.key === "Enter") { e.preventDefault(); finishEditing([e.shiftKey ? -1 : 1, 0]); }
                            else if (e.key === "Tab") { e.preventDefault(); finishEditing([0, e.shiftKey ? -1 : 1]); }
                            else if (e.key === "Escape") { e.preventDefault(); finishEditing(null); }
                          }}
                          onBlur={() => finishEditing([0, 0])}
                        />
                      ) : cellText(cell.value, cell.numberFormat)}
                    </td>
                  );
                })}
                {after > 0 && <td aria-hidden="true" className="spacer" />}
              </tr>
            ))}
            {bottom > 0 && <tr aria-hidden="true" style={{ height: bottom }} />}
          </tbody>
        </table>
      </div>
      <div className="sheet-tabs">
        <TabList size="small" selectedValue={activeSheet} onTabSelect={(_, d) => { setSheet(String(d.value)); setEditing(null); void workbook.selectRange(String(d.value), "A1"); }} aria-label="Blad">
          {workbook.sheetList().map((name) => <Tab key={name} value={name}>{name}</Tab>)}
        </TabList>
      </div>
    </div>
  );
}
