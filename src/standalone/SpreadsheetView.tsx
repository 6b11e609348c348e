import { ClipboardEvent, KeyboardEvent, useEffect, useReducer, useRef, useState } from "react";
import { Button, Input, Tab, TabList } from "@fluentui/react-components";
import { EmbeddedWorkbook } from "../workbook/embeddedWorkbook";
import { columnLetters, parseRange, rangeA1, toA1 } from "../core/a1";
import { formulaToSwedish } from "../workbook/localFormula";
import { cellText } from "./cellText";
import { parsePastedBlock, readUserCell } from "./userInput";

const MIN_ROWS = 30;
const MIN_COLS = 10;
const MAX_ROWS = 500;
const MAX_COLS = 40;

/**
 * A small spreadsheet on the embedded workbook, used the way Excel is: type into a cell (typing
 * replaces, F2 or a double click edits, Enter and Tab commit and move, Escape cancels), paste a
 * block copied from Excel (tab-separated), or use the formula bar. Formulas are shown and typed
 * the Swedish way (SUMMA, ";" and decimal comma). Selecting cells (Shift extends) sets the
 * workbook's selection, which the task pane's Tabellkoll reads.
 */
export function SpreadsheetView({ workbook }: { workbook: EmbeddedWorkbook }) {
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  useEffect(() => workbook.subscribe(redraw), [workbook]);
  const selection = workbook.getSelection();
  const [sheet, setSheet] = useState(selection.sheet);
  const activeSheet = workbook.engine.getSheetNames().includes(sheet) ? sheet : workbook.engine.getSheetNames()[0];
  const { start, end } = parseRange(selection.sheet === activeSheet ? selection.address : "A1");
  const [draft, setDraft] = useState<string | null>(null);
  const [editing, setEditingState] = useState<{ row: number; col: number; text: string } | null>(null);
  // The open editor, also as a ref: closing it (Enter, Escape) unmounts the input, whose blur then
  // arrives with a stale closure; only the editor still open may commit.
  const open = useRef<{ row: number; col: number; text: string } | null>(null);
  const setEditing = (next: { row: number; col: number; text: string } | null) => {
    open.current = next;
    setEditingState(next);
  };
  const [anchor, setAnchor] = useState(start);
  const gridRef = useRef<HTMLDivElement>(null);

  const size = workbook.sheetSize(activeSheet);
  const rows = Math.min(MAX_ROWS, Math.max(MIN_ROWS, size.height + 5));
  const cols = Math.min(MAX_COLS, Math.max(MIN_COLS, size.width + 2));
  const active = workbook.cellDisplay(activeSheet, start.row, start.col);
  // What F2 and the formula bar show: the formula the Swedish way, a number bare with a decimal
  // comma (12345,5, as Excel edits it), anything else as shown.
  const contentOf = (cell: { formula: string | null; value: unknown }) =>
    cell.formula ? formulaToSwedish(cell.formula) : typeof cell.value === "number" ? String(cell.value).replace(".", ",") : cellText(cell.value as never);
  const shown = draft ?? contentOf(active);

  const select = (row: number, col: number, extend: boolean) => {
    const from = extend ? anchor : { row, col };
    if (!extend) setAnchor({ row, col });
    const top = Math.min(from.row, row);
    const left = Math.min(from.col, col);
    setDraft(null);
    void workbook.selectRange(activeSheet, rangeA1({ row: top, col: left }, Math.abs(row - from.row) + 1, Math.abs(col - from.col) + 1));
  };

  const write = (row: number, col: number, text: string) => workbook.setBlockFromUser(activeSheet, toA1({ row, col }), [[readUserCell(text)]]);

  const commit = () => {
    if (draft === null) return;
    write(start.row, start.col, draft);
    setDraft(null);
    select(Math.min(start.row + 1, rows - 1), start.col, false);
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
    const block = parsePastedBlock(text).map((row) => row.map(readUserCell));
    workbook.setBlockFromUser(activeSheet, toA1(start), block);
    const width = Math.max(...block.map((r) => r.length));
    void workbook.selectRange(activeSheet, rangeA1(start, block.length, width));
  };

  const onGridKey = (e: KeyboardEvent) => {
    if (editing) return;
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Enter: [1, 0], Tab: [0, 1] };
    const move = moves[e.key];
    if (e.key === "F2") {
      e.preventDefault();
      setEditing({ row: start.row, col: start.col, text: contentOf(active) });
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault(); // typing replaces the cell's content, as in Excel
      setEditing({ row: start.row, col: start.col, text: e.key });
    } else if (move) {
      e.preventDefault();
      select(Math.max(0, Math.min(rows - 1, start.row + move[0])), Math.max(0, Math.min(cols - 1, start.col + move[1])), e.shiftKey);
    } else if (e.key === "Delete" || e.key === "Backspace") {
      workbook.setCellFromUser(activeSheet, toA1(start), "");
    }
  };

  return (
    <div className="sheet-view">
      <div className="formula-bar">
        <span className="cell-name" aria-label="Aktiv cell">{toA1(start)}</span>
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
      <div className="grid" role="grid" aria-label={`Bladet ${activeSheet}`} tabIndex={0} ref={gridRef} onKeyDown={onGridKey} onPaste={onPaste} data-tabster='{"uncontrolled":{}}'>
        <table>
          <thead>
            <tr>
              <th />
              {Array.from({ length: cols }, (_, c) => <th key={c} scope="col">{columnLetters(c)}</th>)}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r}>
                <th scope="row">{r + 1}</th>
                {Array.from({ length: cols }, (_, c) => {
                  const cell = workbook.cellDisplay(activeSheet, r, c);
                  const inSelection = r >= start.row && r <= end.row && c >= start.col && c <= end.col;
                  const error = typeof cell.value === "object" && cell.value !== null ? cell.value : null;
                  return (
                    <td
                      key={c}
                      role="gridcell"
                      data-cell={toA1({ row: r, col: c })}
                      aria-selected={inSelection}
                      title={error?.message ?? undefined}
                      className={[typeof cell.value === "number" ? "num" : "", inSelection ? "selected" : "", cell.bold ? "bold" : "", error ? "error" : ""].join(" ")}
                      style={cell.fill ? { background: cell.fill } : undefined}
                      onMouseDown={(e) => { if (!(editing && editing.row === r && editing.col === c)) select(r, c, e.shiftKey); }}
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
                            if (e.key === "Enter") { e.preventDefault(); finishEditing([1, 0]); }
                            else if (e.key === "Tab") { e.preventDefault(); finishEditing([0, e.shiftKey ? -1 : 1]); }
                            else if (e.key === "Escape") { e.preventDefault(); finishEditing(null); }
                          }}
                          onBlur={() => finishEditing([0, 0])}
                        />
                      ) : cellText(cell.value, cell.numberFormat)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="sheet-tabs">
        <TabList size="small" selectedValue={activeSheet} onTabSelect={(_, d) => { setSheet(String(d.value)); setEditing(null); void workbook.selectRange(String(d.value), "A1"); }} aria-label="Blad">
          {workbook.engine.getSheetNames().map((name) => <Tab key={name} value={name}>{name}</Tab>)}
        </TabList>
      </div>
    </div>
  );
}
