// The task pane page is also the shared runtime of the custom functions (manifest.xml). The
// functions bundle is small and registers at once; React and Fluent UI come in their own chunk
// once Office is ready, so no SAMKALK cell waits for the pane's scripts on a cold start.
Office.onReady(() => {
  void import(/* webpackChunkName: "pane" */ "./mountPane").then(({ mountPane }) => mountPane(document.getElementById("root")!));
});
