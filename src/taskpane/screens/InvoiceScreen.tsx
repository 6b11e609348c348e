import { useState } from "react";
import { count } from "../../core/plural";
import { Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Radio, RadioGroup, Select, Text } from "@fluentui/react-components";
import { WorkbookPort } from "../../workbook/port";
import { InvoiceRun, PENALTY_SHEET, PERIOD_SHEET, SUMMARY_SHEET, runInvoiceBasis, runPenaltyInvoices } from "../../app/invoice";
import { invoicedTable } from "../../core/invoicing";
import { formatAmount } from "../../core/numberText";
import { useOperation } from "../useOperation";
import { StatusArea } from "../components/StatusArea";
import { SimpleTable } from "../components/SimpleTable";
import { RowErrors } from "../components/RowErrors";
import { isModelYear } from "../../core/years";
import { SettingsDraft } from "../settingsDraft";

const PERIODS = ["Q1", "Q2", "Q3", "Q4", "H1", "H2"];

/** Fakturaunderlag: one invoice basis per member for a period, with the cost-in = cost-out check. */
export function InvoiceScreen({ workbook, today, settings }: { workbook: WorkbookPort; today: () => Date; settings?: SettingsDraft }) {
  // The model's year is the default: the fee and uplift stored are that year's.
  const [typedYear, setYear] = useState<string | null>(null);
  const modelYear = settings?.saved?.year ?? null;
  const year = typedYear ?? modelYear ?? String(today().getFullYear());
  const otherYear = modelYear !== null && year.trim() !== modelYear;
  const [period, setPeriod] = useState("Q1");
  const [layout, setLayout] = useState<"sheets" | "blocks">("sheets");
  const [run, setRun] = useState<InvoiceRun | null>(null);
  const op = useOperation();

  const create = () =>
    void op.run("Skapar fakturaunderlag", async (signal) => {
      const y = Number(year);
      if (!isModelYear(y)) return { intent: "error", title: "Ogiltigt år", body: "Ange ett år med fyra siffror." };
      const result = await runInvoiceBasis(workbook, y, period, layout, signal);
      setRun(result);
      if (!result.basis) return { intent: "error", title: "Modellen går inte ihop", body: "Rätta raderna nedan. Inget skrevs." };
      const off = result.basis.checks.filter((c) => !c.difference.isZero()).length;
      return { intent: off ? "warning" : "success", title: "Fakturaunderlaget är klart", body: `Sammanställningen finns på bladet ${SUMMARY_SHEET}${layout === "sheets" ? ", och varje medlem har ett eget blad" : ""}. Årets fördelning per period står på bladet ${PERIOD_SHEET}.` };
    });

  const penalties = () =>
    void op.run("Skapar vitesunderlag", async (signal) => {
      const y = Number(year);
      if (!isModelYear(y)) return { intent: "error", title: "Ogiltigt år", body: "Ange ett år med fyra siffror." };
      const result = await runPenaltyInvoices(workbook, y, period, signal);
      if (result.errors.length > 0) {
        setRun({ basis: null, schedule: null, followUps: [], errors: result.errors });
        return { intent: "error", title: "Modellen går inte ihop", body: "Rätta raderna nedan. Inget skrevs." };
      }
      return { intent: "success", title: "Vitesunderlaget är klart", body: `Bladet ${PENALTY_SHEET} har ${count(result.invoices.length, "underlag", "underlag")}: varje medlem fakturerar leverantören, utan moms. Vitena ligger inte på medlemmarnas egna fakturor.` };
    });

  const basis = run?.basis;
  const plan = run?.schedule ? invoicedTable(run.schedule) : null;
  return (
    <section aria-label="Fakturaunderlag">
      {settings?.dirty && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Medlemsbidrag har osparade ändringar</MessageBarTitle>
            Fakturaunderlaget räknas med inställningarna som är sparade i arbetsboken. Spara eller ångra ändringarna under Medlemsbidrag först.
          </MessageBarBody>
        </MessageBar>
      )}
      <div className="samkalk-row">
        <Field
          label="År"
          validationState={otherYear ? "warning" : "none"}
          validationMessage={otherYear ? `Modellen gäller ${modelYear}. Ett annat år räknas inte med ${modelYear} års bidrag; byt År under Medlemsbidrag i så fall.` : undefined}
        >
          <Input value={year} onChange={(_, d) => setYear(d.value)} />
        </Field>
        <Field label="Period">
          <Select value={period} onChange={(_, d) => setPeriod(d.value)}>
            {PERIODS.map((p) => <option key={p} value={p}>{p}</option>)}
          </Select>
        </Field>
      </div>
      <RadioGroup value={layout} onChange={(_, d) => setLayout(d.value as "sheets" | "blocks")} aria-label="Utformning">
        <Radio value="sheets" label="Ett blad per medlem" />
        <Radio value="blocks" label="En tabell per medlem på ett blad" />
      </RadioGroup>
      <div className="samkalk-row">
        <Button appearance="primary" onClick={create} disabled={!!op.busy || !!settings?.dirty}>Skapa fakturaunderlag</Button>
        <Button onClick={penalties} disabled={!!op.busy}>Skapa vitesunderlag</Button>
      </div>
      <StatusArea busy={op.busy} status={op.status} onCancel={op.cancel} />
      {run && <RowErrors errors={run.errors} />}
      {basis && (
        <>
          <SimpleTable label="Underlag per medlem" headers={["Medlem", "Summa (kr)"]} rows={basis.members.map((m) => [m.member, formatAmount(m.total, { decimals: 2 })])} />
          {plan && (
            <>
              <Text as="h3" weight="semibold">Medlemsbidrag per period {basis.period.year}</Text>
              <SimpleTable
                label="Periodplan"
                headers={["Medlem", ...run!.schedule!.periods.map((p) => `${basis.period.kind}${p.index}`), "År"]}
                rows={[...plan.rows.map((r) => [r.member, ...r.periods.map((a) => formatAmount(a)), formatAmount(r.year)]), ["Summa", ...plan.total.periods.map((a) => formatAmount(a)), formatAmount(plan.total.year)]]}
              />
            </>
          )}
          <Text as="h3" weight="semibold">Kostnad in = kostnad ut</Text>
          <SimpleTable label="Kontroll" headers={["Komponent", "Organisationen", "Medlemmarna", "Förklaring"]} rows={basis.checks.map((c) => [c.component, formatAmount(c.organisation, { decimals: 2 }), formatAmount(c.members, { decimals: 2 }), c.explanation])} />
        </>
      )}
    </section>
  );
}
