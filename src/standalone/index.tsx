import { createRoot } from "react-dom/client";
import { buildDemoWorkbook } from "../demo/demoWorkbook";
import { Standalone } from "./Standalone";

void buildDemoWorkbook().then((workbook) => {
  createRoot(document.getElementById("root")!).render(<Standalone initial={workbook} />);
});
