import { createRoot } from "react-dom/client";
import { App } from "./App";
import { OfficeWorkbook } from "../workbook/officeWorkbook";

/** Renders the task pane; loaded after the custom functions have registered (see index.tsx). */
export function mountPane(root: HTMLElement): void {
  createRoot(root).render(<App workbook={new OfficeWorkbook()} />);
}
