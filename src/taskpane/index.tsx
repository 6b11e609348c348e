import { createRoot } from "react-dom/client";
import { App } from "./App";
import { OfficeWorkbook } from "../workbook/officeWorkbook";

// The task pane page is also the shared runtime of the custom functions (manifest.xml).
Office.onReady(() => {
  createRoot(document.getElementById("root")!).render(<App workbook={new OfficeWorkbook()} />);
});
