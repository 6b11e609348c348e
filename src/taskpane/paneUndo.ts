import { useMemo, useState } from "react";
import { WorkbookPort } from "../workbook/port";
import { ImportUndo } from "../app/importTable";

/** The port calls that change the workbook: after any of them an earlier import's undo is stale. */
export const WRITE_METHODS: ReadonlySet<string> = new Set(["writeTables", "writeSheets", "deleteTable", "copySheetsAsValues"]);

/** The port as it is, except that every write tells `onWrite` first. */
export function watchWrites(workbook: WorkbookPort, onWrite: () => void): WorkbookPort {
  return new Proxy(workbook, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      if (typeof property === "string" && WRITE_METHODS.has(property)) {
        return (...args: unknown[]) => {
          onWrite();
          return value.apply(target, args);
        };
      }
      return value.bind(target);
    },
  });
}

export interface HeldUndo {
  /** The screen (import kind) the undo belongs to. */
  kind: string;
  undo: ImportUndo;
}

/**
 * "Ångra import" held by the pane, not by a screen, so it survives a tab switch; it lasts until
 * the next write through the pane (which may change what the undo would put back).
 */
export function usePaneUndo(workbook: WorkbookPort) {
  const [held, setHeld] = useState<HeldUndo | null>(null);
  const watched = useMemo(() => watchWrites(workbook, () => setHeld(null)), [workbook]);
  return { workbook: watched, held, setHeld };
}

export type PaneUndo = Pick<ReturnType<typeof usePaneUndo>, "held" | "setHeld">;

/**
 * A screen's undo: the pane's held undo when the screen is given it (kept across tab switches,
 * shown only on the screen of its kind), else the screen's own state (a screen rendered alone).
 */
export function useHeldUndo(paneUndo: PaneUndo | undefined, kind: string): [ImportUndo | null, (undo: ImportUndo | null) => void] {
  const [own, setOwn] = useState<ImportUndo | null>(null);
  if (!paneUndo) return [own, setOwn];
  return [paneUndo.held?.kind === kind ? paneUndo.held.undo : null, (u) => paneUndo.setHeld(u ? { kind, undo: u } : null)];
}

/** What the pane says after a write when Excel's Ctrl+Z cannot take it back. */
export function ctrlZNote(workbook: WorkbookPort): string {
  const cleared = workbook.lastWriteUndo?.();
  if (!cleared || cleared.length === 0) return "";
  return " Ctrl+Z i Excel kan inte ångra den här ändringen: Excel tömmer sin ångralista när ett tillägg lägger till eller tar bort blad och tabeller eller ändrar en tabells storlek.";
}
