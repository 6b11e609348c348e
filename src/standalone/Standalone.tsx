import { FUNCTIONS } from "../functions/catalogue";
import { useRef, useState } from "react";
import { Button, FluentProvider, MessageBar, MessageBarBody, Text, Title2, webLightTheme } from "@fluentui/react-components";
import { EmbeddedWorkbook } from "../workbook/embeddedWorkbook";
// exceljs is large and only needed to save a file: loaded on the first click (opening reads in a worker).
const xlsx = () => import(/* webpackChunkName: "xlsx" */ "../io/xlsxWorkbook");
import { App } from "../taskpane/App";
import { readWorkbookXlsx } from "../io/xlsxReader";
import { describeFailure, Status } from "../taskpane/useOperation";
import { SpreadsheetView } from "./SpreadsheetView";
import "./standalone.css";

/** The standalone page: the embedded spreadsheet beside the real task pane, on one workbook. */
export function Standalone({ initial }: { initial: EmbeddedWorkbook }) {
  const [workbook, setWorkbook] = useState(initial);
  const [generation, setGeneration] = useState(0);
  const [status, setStatus] = useState<Status | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const open = async (file: File | undefined) => {
    if (!file) return;
    try {
      const snapshot = await readWorkbookXlsx(new Uint8Array(await file.arrayBuffer()), file.name);
      setWorkbook(EmbeddedWorkbook.fromSnapshot(snapshot));
      setGeneration((g) => g + 1);
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
