import { createRoot } from "react-dom/client";
import { buildDemoWorkbook } from "../demo/demoWorkbook";
import { EmbeddedWorkbook } from "../workbook/embeddedWorkbook";
import { indexedDbStore, loadAutosaved } from "./autosave";
import { Standalone } from "./Standalone";

const store = indexedDbStore();
void loadAutosaved(store).then(async (saved) => {
  const workbook = saved ? EmbeddedWorkbook.fromSnapshot(saved.snapshot) : await buildDemoWorkbook();
  createRoot(document.getElementById("root")!).render(<Standalone initial={workbook} store={store} restoredAt={saved?.savedAt ?? null} />);
});
