import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme, Title3, Body1 } from "@fluentui/react-components";

function App() {
  return (
    <div style={{ padding: 16 }}>
      <Title3 as="h1">Samkalk</Title3>
      <Body1>Funktionerna SAMKALK.FORDELA, AVTALSDIFF med flera är laddade.</Body1>
    </div>
  );
}

Office.onReady(() => {
  createRoot(document.getElementById("root")!).render(
    <FluentProvider theme={webLightTheme}>
      <App />
    </FluentProvider>,
  );
});
