import { useState } from "react";
import { FluentProvider, Tab, TabList, Title3, webLightTheme } from "@fluentui/react-components";
import { WorkbookPort } from "../workbook/port";
import { ImportScreen } from "./screens/ImportScreen";
import { ModelImportScreen } from "./screens/ModelImportScreen";
import { PopulationScreen } from "./screens/PopulationScreen";
import { ReconcileScreen } from "./screens/ReconcileScreen";
import { FeeScreen } from "./screens/FeeScreen";
import { TableCheckScreen } from "./screens/TableCheckScreen";
import { ShareValuesScreen } from "./screens/ShareValuesScreen";
import { InvoiceScreen } from "./screens/InvoiceScreen";
import { BridgeScreen } from "./screens/BridgeScreen";
import { KeyFiguresScreen } from "./screens/KeyFiguresScreen";
import { SavingsScreen } from "./screens/SavingsScreen";
import { usePaneUndo } from "./paneUndo";
import "./taskpane.css";

export const SCREENS = [
  ["contracts", "Importera avtal"],
  ["outcomes", "Importera utfall"],
  ["model", "Importera modelltabell"],
  ["population", "Invånare från SCB"],
  ["reconcile", "Kontrollera mot avtal"],
  ["fee", "Medlemsbidrag"],
  ["check", "Tabellkoll"],
  ["share", "Dela som värden"],
  ["prices", "Importera prislista"],
  ["calloffs", "Importera avrop"],
  ["invoice", "Fakturaunderlag"],
  ["bridge", "Avgiftsbrygga"],
  ["keyfigures", "Nyckeltal"],
  ["savings", "Besparing"],
] as const;

type ScreenId = (typeof SCREENS)[number][0];

/** The task pane: one screen at a time, all talking to the workbook through the port. */
export function App({ workbook: port, today = () => new Date() }: { workbook: WorkbookPort; today?: () => Date }) {
  const [screen, setScreen] = useState<ScreenId>("contracts");
  // "Ångra import" lives here, above the screens, so a tab switch does not lose it.
  const { workbook, held, setHeld } = usePaneUndo(port);
  const undo = { held, setHeld };
  return (
    <FluentProvider theme={webLightTheme} className="samkalk-pane">
      <Title3 as="h1">Samkalk</Title3>
      <TabList selectedValue={screen} onTabSelect={(_, d) => setScreen(d.value as ScreenId)} size="small" className="samkalk-tabs" style={{ flexWrap: "wrap" }} aria-label="Samkalk">
        {SCREENS.map(([id, label]) => <Tab key={id} value={id}>{label}</Tab>)}
      </TabList>
      <main className="samkalk-screen">
        {screen === "contracts" && <ImportScreen key="contracts" workbook={workbook} kind="contracts" undo={undo} />}
        {screen === "outcomes" && <ImportScreen key="outcomes" workbook={workbook} kind="outcomes" undo={undo} />}
        {screen === "model" && <ModelImportScreen workbook={workbook} />}
        {screen === "population" && <PopulationScreen workbook={workbook} />}
        {screen === "reconcile" && <ReconcileScreen workbook={workbook} today={today} />}
        {screen === "fee" && <FeeScreen workbook={workbook} />}
        {screen === "check" && <TableCheckScreen workbook={workbook} />}
        {screen === "share" && <ShareValuesScreen workbook={workbook} />}
        {screen === "prices" && <ImportScreen key="prices" workbook={workbook} kind="prices" undo={undo} />}
        {screen === "calloffs" && <ImportScreen key="calloffs" workbook={workbook} kind="calloffs" undo={undo} />}
        {screen === "invoice" && <InvoiceScreen workbook={workbook} today={today} />}
        {screen === "bridge" && <BridgeScreen workbook={workbook} />}
        {screen === "keyfigures" && <KeyFiguresScreen workbook={workbook} />}
        {screen === "savings" && <SavingsScreen workbook={workbook} />}
      </main>
    </FluentProvider>
  );
}
