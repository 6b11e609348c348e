import { useState } from "react";
import { Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Text } from "@fluentui/react-components";
import { WorkbookPort } from "../../workbook/port";
import { ReconciliationReport, RECONCILIATION_SHEET, runReconciliation } from "../../app/reconcile";
import { FLAG_LABELS, ReconciliationFlag, findingCount } from "../../core/reconciliation";
import { formatAmount } from "../../core/numberText";
import { formatIsoDate, parseDate, todayLocal } from "../../core/dates";
import { useOperation } from "../useOperation";
import { count } from "../../core/plural";
import { StatusArea } from "../components/StatusArea";
import { SimpleTable } from "../components/SimpleTable";
import { RowErrors } from "../components/RowErrors";
import { CALENDAR_SHEET, runCalendar } from "../../app/calendar";
import { RowError } from "../../core/cells";

const FLAGS: ReconciliationFlag[] = ["invoiced-without-contract", "contract-without-invoice", "difference", "ok", "no-amounts"];

/** Kontrollera mot avtal: writes Avtalskontroll and summarises flags, diff and contract deadlines. */
export function ReconcileScreen({ workbook, today }: { workbook: WorkbookPort; today: () => Date }) {
  const [asOf, setAsOf] = useState(formatIsoDate(todayLocal(today())));
  const [months, setMonths] = useState("6");
  const [report, setReport] = useState<ReconciliationReport | null>(null);
  /** The months the shown report was checked for, not what the field says since. */
  const [checkedMonths, setCheckedMonths] = useState(0);
  const [calendarErrors, setCalendarErrors] = useState<RowError[]>([]);
  const op = useOperation();

  const calendar = () =>
    void op.run("Skriver fristkalendern", async (signal) => {
      const horizon = Number(months);
      if (!Number.isInteger(horizon) || horizon < 1 || horizon > 120) return { intent: "error", title: "Ogiltigt antal månader", body: "Fristkalendern behöver ett heltal från 1 till 120." };
      const result = await runCalendar(workbook, parseDate(asOf), horizon, signal);
      setCalendarErrors(result.errors);
      if (result.errors.length > 0) return { intent: "error", title: "Tabellerna har fel", body: "Rätta raderna nedan i tabellerna Avtal eller Kalender. Inget skrevs." };
      return { intent: "success", title: "Fristkalendern är klar", body: `${count(result.entries.length, "frist", "frister")} från ${asOf} i ${count(horizon, "månad", "månader")} finns på bladet ${CALENDAR_SHEET}: uppsägning, optioner, periodslut och avtalets återkommande datum från tabellen Kalender.` };
    });

  const check = () =>
    void op.run("Kontrollerar avtal mot utfall", async (signal) => {
      const horizon = Number(months);
      if (!Number.isInteger(horizon) || horizon < 0 || horizon > 120) return { intent: "error", title: "Ogiltigt antal månader", body: "Ange ett heltal från 0 till 120." };
      const result = await runReconciliation(workbook, parseDate(asOf), horizon, signal);
      setReport(result);
      setCheckedMonths(horizon);
      if (result.errors.length > 0) return { intent: "error", title: "Modellen har fel", body: "Rätta raderna nedan i tabellerna Avtal, Utfall eller Medlemmar. Inget skrevs." };
      const flagged = findingCount(result.result.flagCounts);
      return flagged > 0
        ? { intent: "warning", title: "Kontrollen är klar: avvikelser hittades", body: `${flagged.toLocaleString("sv-SE")} ${flagged === 1 ? "rad avviker" : "rader avviker"} från avtalen; se bladet ${RECONCILIATION_SHEET}.` }
        : { intent: "success", title: "Kontrollen är klar", body: `Allt fakturerat stämmer med avtalen; resultatet finns på bladet ${RECONCILIATION_SHEET}.` };
    });

  return (
    <section aria-label="Kontrollera mot avtal">
      <div className="samkalk-row">
        <Field label="Per datum"><Input type="date" value={asOf} onChange={(_, d) => setAsOf(d.value)} /></Field>
        <Field label="Frister inom (månader)"><Input type="number" min={0} max={120} value={months} onChange={(_, d) => setMonths(d.value)} /></Field>
      </div>
      <div className="samkalk-row">
        <Button appearance="primary" onClick={check} disabled={!!op.busy}>Kontrollera mot avtal</Button>
        <Button onClick={calendar} disabled={!!op.busy}>Skriv fristkalender</Button>
      </div>
      <StatusArea busy={op.busy} status={op.status} onCancel={op.cancel} />
      {calendarErrors.length > 0 && <RowErrors errors={calendarErrors} />}
      {report && <RowErrors errors={report.errors} />}
      {report && report.warnings.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Att titta på</MessageBarTitle>
            <ul>{report.warnings.map((w, i) => <li key={i}>{w}</li>)}</ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {report && report.errors.length === 0 && (
        <>
          <SimpleTable
            label="Sammanfattning"
            headers={["Flagga", "Antal"]}
            rows={[...FLAGS.map((f) => [FLAG_LABELS[f], report.result.flagCounts[f]]), ["Total diff (kr)", formatAmount(report.result.total.diff)]]}
          />
          <Text as="h3" weight="semibold">Uppsägnings- och optionsfrister</Text>
          {report.deadlines.upcoming.length === 0 ? <Text as="p">Inga frister inom {count(checkedMonths, "månad", "månader")}.</Text> : (
            <SimpleTable label="Kommande frister" headers={["Senast", "Vad", "Leverantör/System", "Medlem", "Upphör/förlängs till"]} rows={report.deadlines.upcoming.map((d) => [d.date, d.kind, d.supplier, d.member, d.periodEnd])} />
          )}
          <Text as="h3" weight="semibold">Automatiskt förlängda avtal</Text>
          {report.deadlines.renewed.length === 0 ? <Text as="p">Inga avtal har förlängts automatiskt.</Text> : (
            <SimpleTable label="Förlängda avtal" headers={["Leverantör/System", "Medlem", "Förlängningar", "Löper till"]} rows={report.deadlines.renewed.map((d) => [d.supplier, d.member, d.renewals, d.periodEnd])} />
          )}
        </>
      )}
    </section>
  );
}
