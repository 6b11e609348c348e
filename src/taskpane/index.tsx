// The task pane page is also the shared runtime of the custom functions (manifest.xml). The
// functions bundle is small and registers at once; React and Fluent UI come in their own chunk
// once Office is ready, so no SAMKALK cell waits for the pane's scripts on a cold start.
import { showOutsideExcel } from "./outsideExcel";

Office.onReady((info) => {
  const root = document.getElementById("root")!;
  // Opened in a plain browser, office.js answers with no host: the pane needs Excel's workbook.
  if (!info.host) return showOutsideExcel(root);
  void import(/* webpackChunkName: "pane" */ "./mountPane").then(({ mountPane }) => mountPane(root));
});
