import { useState } from "react";
import { Button, Field, Input, Text } from "@fluentui/react-components";
import { WorkbookPort } from "../../workbook/port";
import { Amount } from "../../core/money";
import { formatAmount } from "../../core/numberText";
import { BridgeReport, bridgeFromModel, bridgeFromPrinted, remainderText, writeBridge, BRIDGE_SHEET } from "../../app/feeBridge";
import { readSettings } from "../../app/model";
import { rowErrorLines } from "../../core/rowErrors";
import { count } from "../../core/plural";
import { selectionAsTable } from "../../app/selection";
import { useOperation } from "../useOperation";
import { numberFromField } from "../numberField";
import { StatusArea } from "../components/StatusArea";
import { SimpleTable } from "../components/SimpleTable";


const kr = (a: Amount) => formatAmount(a, { decimals: a.decimalPlaces() });
const signed = (a: Amount) => (a.isNegative() || a.isZero() ? kr(a) : `+${kr(a)}`);

/**
 * Avgiftsbrygga: last year's decided fee → the decided changes in the selected list → this
 * year's fee, with the remainder the list does not explain shown, never hidden.
 */
export function BridgeScreen({ workbook }: { workbook: WorkbookPort }) {
  const [lastFee, setLastFee] = useState("");
  const [newFee, setNewFee] = useState("");
  const [report, setReport] = useState<BridgeReport | null>(null);
  const op = useOperation();

  const shownResult = (result: BridgeReport) => {
      setReport(result);
      const { bridge, printedTotal } = result;
      const wrongSum = printedTotal && !printedTotal.matches ? ` Listans egen summa (${kr(printedTotal.shown)}) stämmer inte med förändringarna (${kr(bridge.explained)}).` : "";
      const open = (bridge.remainder !== null && !bridge.remainder.isZero()) || wrongSum !== "";
      return { intent: open ? "warning" : "success", title: open ? "Allt är inte förklarat" : "Bryggan går ihop", body: `${remainderText(bridge)}${wrongSum}` } as const;
  };

  const compute = () =>
    void op.run("Läser listan", async () => {
      setReport(null);
      const last = numberFromField(lastFee, "Beslutad avgift föregående år");
      const next = newFee.trim() === "" ? null : numberFromField(newFee, "Beslutad avgift i år");
      return shownResult(bridgeFromPrinted(await selectionAsTable(workbook), last, next));
    });

  /** The changes from the Förändringar table for the model's year; last year's fee from the settings when the field is blank. */
  const computeFromTable = () =>
    void op.run("Läser tabellen Förändringar", async () => {
      setReport(null);
      const settings = await readSettings(workbook);
      const last = lastFee.trim() === "" ? settings.lastYearFee : numberFromField(lastFee, "Beslutad avgift föregående år");
      if (last === null) return { intent: "error", title: "Föregående års avgift saknas", body: "Ange beslutad avgift föregående år här eller under Medlemsbidrag." };
      const next = newFee.trim() === "" ? null : numberFromField(newFee, "Beslutad avgift i år");
      const { report: result, errors } = await bridgeFromModel(workbook, settings.year, last, next);
      if (!result) return { intent: "error", title: `Tabellen Förändringar har ${count(errors.length, "fel", "fel")}`, body: rowErrorLines(errors) };
      return shownResult(result);
    });

  const write = () =>
    void op.run("Skriver bryggan", async () => {
      await writeBridge(workbook, report!.bridge);
      return { intent: "success", title: `Bladet ${BRIDGE_SHEET} är skrivet` };
    });

  const b = report?.bridge;
  return (
    <section aria-label="Avgiftsbrygga">
      <Text as="p">Markera listan över beslutade förändringar (text och belopp, t.ex. "(+ 980 000)"), ange avgifterna och räkna.</Text>
      <Field label="Beslutad avgift föregående år"><Input value={lastFee} onChange={(_, d) => setLastFee(d.value)} /></Field>
      <Field label="Beslutad avgift i år (valfritt)"><Input value={newFee} onChange={(_, d) => setNewFee(d.value)} /></Field>
      <Button appearance="primary" onClick={compute} disabled={!!op.busy}>Räkna på markerad lista</Button>
      <Button onClick={computeFromTable} disabled={!!op.busy}>Räkna från tabellen Förändringar</Button>
      <StatusArea busy={op.busy} status={op.status} onCancel={op.cancel} />
      {b && (
        <>
          <SimpleTable
            label="Avgiftsbrygga"
            headers={["", "Förändring", "Avgift efter"]}
            rows={[
              ["Beslutad avgift föregående år", "", kr(b.lastFee)],
              ...b.steps.map((s) => [s.label, signed(s.amount), kr(s.runningTotal)]),
              ["Summa förändringar", signed(b.explained), kr(b.explainedFee)],
              ...(b.newFee === null ? [] : [["Beslutad avgift i år", "", kr(b.newFee)], ["Oförklarad rest", signed(b.remainder!), ""]]),
            ]}
          />
          <Button onClick={write} disabled={!!op.busy}>Skriv bladet {BRIDGE_SHEET}</Button>
        </>
      )}
    </section>
  );
}
