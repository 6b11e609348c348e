import { FUNCTIONS } from "../functions/catalogue";
import { useEffect, useRef, useState } from "react";
import { Button, FluentProvider, MessageBar, MessageBarActions, MessageBarBody, Text, Title2, webLightTheme } from "@fluentui/react-components";
import { EmbeddedWorkbook } from "../workbook/embeddedWorkbook";
// exceljs is large and only needed to save a file: loaded on the first click (opening reads in a worker).
const xlsx = () => import(/* webpackChunkName: "xlsx" */ "../io/xlsxWorkbook");
import { App } from "../taskpane/App";
import { readWorkbookXlsx } from "../io/xlsxReader";
import { describeFailure, Status } from "../taskpane/useOperation";
import { SpreadsheetView } from "./SpreadsheetView";
import { AutosaveStore, startAutosave } from "./autosave";
import { buildDemoWorkbook } from "../demo/demoWorkbook";
import "./standalone.css";

const savedAtText = (iso: string) => new Date(iso).toLocaleString("sv-SE", { dateStyle: "short", timeStyle: "short" });

/**
 * The standalone page: the embedded spreadsheet beside the real task pane, on one workbook. The
 * workbook is kept in the browser as it changes (autosave.ts) and reopened on the next visit;
 * closing the page with changes not saved as .xlsx asks first.
 */
export function Standalone({ initial, store = null, restoredAt = null }: { initial: EmbeddedWorkbook; store?: AutosaveStore | null; restoredAt?: string | null }) {
  const [workbook, setWorkbook] = useState(initial);
  const [generation, setGeneration] = useState(0);
  const [status, setStatus] = useState<Status | null>(restoredAt ? { intent: "info", title: "Ditt arbete är återställt", body: `sparat automatiskt i webbläsaren ${savedAtText(restoredAt)}` } : null);
  const [restored, setRestored] = useState(restoredAt !== null);
  const fileInput = useRef<HTMLInputElement>(null);
  // The revision last saved as .xlsx (or opened): later changes are unsaved.
  const savedRevision = useRef(initial.revision);

  useEffect(() => {
    const autosave = store
      ? startAutosave(store, (listener) => workbook.subscribe(listener), () => workbook.snapshot(), {
          revision: () => workbook.revision,
          onError: () => setStatus({ intent: "warning", title: "Arbetet kunde inte sparas i webbläsaren", body: "spara det som .xlsx för att inte förlora det" }),
        })
      : null;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      void autosave?.flush();
      if (workbook.revision === savedRevision.current) return;
      event.preventDefault();
      event.returnValue = ""; // the browser asks whether to leave; it shows its own words
    };
    // A hidden tab may be closed without another event: save what is pending then.
    const hidden = () => void (document.visibilityState === "hidden" && autosave?.flush());
    window.addEventListener("beforeunload", beforeUnload);
    document.addEventListener("visibilitychange", hidden);
    return () => {
      autosave?.stop();
      window.removeEventListener("beforeunload", beforeUnload);
      document.removeEventListener("visibilitychange", hidden);
    };
  }, [workbook, store]);

  const replaceWorkbook = (next: EmbeddedWorkbook) => {
    savedRevision.current = next.revision;
    setWorkbook(next);
    setGeneration((g) => g + 1);
    setRestored(false);
  };

  const startOver = async () => {
    await store?.remove();
    replaceWorkbook(await buildDemoWorkbook());
    setStatus({ intent: "success", title: "Exempelarbetsboken är öppnad" });
  };

  const open = async (file: File | undefined) => {
    if (!file) return;
    try {
      const snapshot = await readWorkbookXlsx(new Uint8Array(await file.arrayBuffer()), file.name);
      replaceWorkbook(EmbeddedWorkbook.fromSnapshot(snapshot));
      setStatus({ intent: "success", title: `${file.name} är öppnad` });
    } catch (error) {
      setStatus(describeFailure(error));
    }
  };

  const save = async () => {
    try {
      const bytes = await (await xlsx()).writeWorkbookFile(workbook.snapshot(), { functionNames: FUNCTIONS });
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = "samkalk.xlsx";
      link.click();
      savedRevision.current = workbook.revision;
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (error) {
      setStatus(describeFailure(error));
    }
  };

  return (
    <FluentProvider theme={webLightTheme} className="standalone">
      <header className="standalone-header">
        <Title2 as="h1">Samkalk</Title2>
        <Text>Fristående sida: samma funktioner och aktivitetsfönster som i Excel, på en inbyggd kalkylmotor.</Text>
        <div className="standalone-actions">
          <input ref={fileInput} type="file" accept=".xlsx" hidden aria-label="Öppna arbetsbok" onChange={(e) => void open(e.target.files?.[0])} />
          <Button onClick={() => fileInput.current?.click()}>Öppna .xlsx</Button>
          <Button onClick={() => void save()}>Spara .xlsx</Button>
        </div>
      </header>
      {status && (
        <MessageBar intent={status.intent}>
          <MessageBarBody>{status.title}{status.body ? `: ${status.body}` : ""}</MessageBarBody>
          {restored && (
            <MessageBarActions>
              <Button size="small" onClick={() => void startOver()}>Börja om med exempelarbetsboken</Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      <div className="standalone-body">
        <SpreadsheetView key={`sheet-${generation}`} workbook={workbook} />
        <aside className="standalone-pane" aria-label="Aktivitetsfönster">
          <App key={`pane-${generation}`} workbook={workbook} />
        </aside>
      </div>
    </FluentProvider>
  );
}
