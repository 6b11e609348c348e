import { ReactNode, useEffect, useState } from "react";
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
import { PaneUndo, usePaneUndo } from "./paneUndo";
import { SettingsDraft, fieldsOf, useSettingsDraft } from "./settingsDraft";
import { readSettings } from "../app/model";
import "./taskpane.css";

/** What every screen may be given: the workbook (with the held undo), today, and the undo itself. */
interface ScreenContext {
  workbook: WorkbookPort;
  today: () => Date;
  undo: PaneUndo;
  /** The fee settings being edited: one model year for every screen, edits kept until saved. */
  settings: SettingsDraft;
}

/** Every screen: its tab and how it is shown. A new screen is its file, its line here and its test. */
export const SCREENS: readonly { id: string; label: string; render: (c: ScreenContext) => ReactNode }[] = [
  { id: "contracts", label: "Importera avtal", render: (c) => <ImportScreen key="contracts" workbook={c.workbook} kind="contracts" undo={c.undo} /> },
  { id: "outcomes", label: "Importera utfall", render: (c) => <ImportScreen key="outcomes" workbook={c.workbook} kind="outcomes" undo={c.undo} /> },
  { id: "model", label: "Importera modelltabell", render: (c) => <ModelImportScreen workbook={c.workbook} undo={c.undo} /> },
  { id: "population", label: "Invånare från SCB", render: (c) => <PopulationScreen workbook={c.workbook} undo={c.undo} /> },
  { id: "reconcile", label: "Kontrollera mot avtal", render: (c) => <ReconcileScreen workbook={c.workbook} today={c.today} /> },
  { id: "fee", label: "Medlemsbidrag", render: (c) => <FeeScreen workbook={c.workbook} draft={c.settings} /> },
  { id: "check", label: "Tabellkoll", render: (c) => <TableCheckScreen workbook={c.workbook} /> },
  { id: "share", label: "Dela som värden", render: (c) => <ShareValuesScreen workbook={c.workbook} /> },
  { id: "prices", label: "Importera prislista", render: (c) => <ImportScreen key="prices" workbook={c.workbook} kind="prices" undo={c.undo} /> },
  { id: "calloffs", label: "Importera avrop", render: (c) => <ImportScreen key="calloffs" workbook={c.workbook} kind="calloffs" undo={c.undo} /> },
  { id: "invoice", label: "Fakturaunderlag", render: (c) => <InvoiceScreen workbook={c.workbook} today={c.today} settings={c.settings} /> },
  { id: "bridge", label: "Avgiftsbrygga", render: (c) => <BridgeScreen workbook={c.workbook} /> },
  { id: "keyfigures", label: "Nyckeltal", render: (c) => <KeyFiguresScreen workbook={c.workbook} /> },
  { id: "savings", label: "Besparing", render: (c) => <SavingsScreen workbook={c.workbook} /> },
];

/** The task pane: one screen at a time, all talking to the workbook through the port. */
export function App({ workbook: port, today = () => new Date() }: { workbook: WorkbookPort; today?: () => Date }) {
  const [screen, setScreen] = useState(SCREENS[0].id);
  // "Ångra import" lives here, above the screens, so a tab switch does not lose it.
  const { workbook, held, setHeld } = usePaneUndo(port);
  const undo = { held, setHeld };
  const settings = useSettingsDraft();
  useEffect(() => {
    // The model year every screen defaults to; a failing read is reported by the screen that needs it.
    readSettings(workbook).then((s) => settings.stored(fieldsOf(s)), () => undefined);
  }, [workbook]);
  const shown = SCREENS.find((s) => s.id === screen) ?? SCREENS[0];
  return (
    <FluentProvider theme={webLightTheme} className="samkalk-pane">
      <Title3 as="h1">Samkalk</Title3>
      <TabList selectedValue={screen} onTabSelect={(_, d) => setScreen(String(d.value))} size="small" className="samkalk-tabs" style={{ flexWrap: "wrap" }} aria-label="Samkalk">
        {SCREENS.map(({ id, label }) => <Tab key={id} value={id}>{label}</Tab>)}
      </TabList>
      <main className="samkalk-screen">{shown.render({ workbook, today, undo, settings })}</main>
    </FluentProvider>
  );
}
