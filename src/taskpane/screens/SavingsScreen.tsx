import { useState } from "react";
import { Button, Field, Input, Text } from "@fluentui/react-components";
import { WorkbookPort } from "../../workbook/port";
import { Amount } from "../../core/money";
import { DomainError } from "../../core/errors";
import { formatAmount, formatPercent } from "../../core/numberText";
import { count } from "../../core/plural";
import { RowError } from "../../core/cells";
import { ProcurementSavings } from "../../core/savings";
import { SAVINGS_SHEET, savingsFromTable, writeSavings } from "../../app/savings";
import { selectionAsTable } from "../../app/selection";
import { useOperation } from "../useOperation";
import { numberFromField } from "../numberField";
import { StatusArea } from "../components/StatusArea";
import { SimpleTable } from "../components/SimpleTable";
import { RowErrors } from "../components/RowErrors";


const num = (a: Amount) => formatAmount(a, { decimals: a.decimalPlaces() });

/**
 * Besparing: joint procurement savings from the selected activities (Aktivitet; Timmar en
 * medlem; Timmar tillsammans), the share weighted by hours, and the sheet on request.
 */
export function SavingsScreen({ workbook }: { workbook: WorkbookPort }) {
  const [members, setMembers] = useState("");
  const [rate, setRate] = useState("");
  const [result, setResult] = useState<ProcurementSavings | null>(null);
  const [errors, setErrors] = useState<RowError[]>([]);
  const op = useOperation();

  const compute = () =>
    void op.run("Räknar besparingen", async () => {
      setResult(null);
      const n = numberFromField(members, "Antal medlemmar");
      if (!n.isInteger()) throw new DomainError("OUT_OF_RANGE", `Antal medlemmar: '${members}' är inget heltal`);
      const hourly = numberFromField(rate, "Timkostnad");
      const out = savingsFromTable(await selectionAsTable(workbook), n.toNumber(), hourly);
      setErrors(out.errors);
      setResult(out.result);
      if (!out.result) return { intent: "error", title: "Tabellen kan inte läsas", body: "Rätta raderna nedan och försök igen." };
      const t = out.result.total;
      return { intent: "success", title: `Besparing ${formatAmount(t.saving, { decimals: t.saving.decimalPlaces(), unit: "kr" })}${t.share ? `, ${formatPercent(t.share)}` : ""}`, body: `${num(t.savedHours)} av ${num(t.separately)} ${t.separately.equals(1) ? "timme" : "timmar"} sparas när ${count(n.toNumber(), "medlem", "medlemmar")} upphandlar tillsammans.` };
    });

  const write = () =>
    void op.run("Skriver besparingen", async () => {
      await writeSavings(workbook, result!);
      return { intent: "success", title: `Bladet ${SAVINGS_SHEET} är skrivet` };
    });

  return (
    <section aria-label="Besparing">
      <Text as="p">Markera aktiviteterna med kolumnerna Aktivitet, Timmar en medlem och Timmar tillsammans.</Text>
      <Field label="Antal medlemmar"><Input value={members} onChange={(_, d) => setMembers(d.value)} /></Field>
      <Field label="Timkostnad (kr/h)"><Input value={rate} onChange={(_, d) => setRate(d.value)} /></Field>
      <Button appearance="primary" onClick={compute} disabled={!!op.busy}>Räkna på markerad tabell</Button>
      <StatusArea busy={op.busy} status={op.status} onCancel={op.cancel} />
      <RowErrors errors={errors} />
      {result && (
        <>
          <SimpleTable
            label="Besparing per aktivitet"
            headers={["Aktivitet", "Var för sig (h)", "Tillsammans (h)", "Besparing", "Andel"]}
            rows={[...result.activities, result.total].map((a) => [a.activity, num(a.separately), num(a.together), formatAmount(a.saving, { decimals: a.saving.decimalPlaces() }), a.share ? formatPercent(a.share) : ""])}
          />
          <Button onClick={write} disabled={!!op.busy}>Skriv bladet {SAVINGS_SHEET}</Button>
        </>
      )}
    </section>
  );
}
