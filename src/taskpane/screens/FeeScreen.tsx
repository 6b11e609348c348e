import { useEffect, useState } from "react";
import { Button, Field, Input, Text } from "@fluentui/react-components";
import { WorkbookPort } from "../../workbook/port";
import { readModel, readSettings } from "../../workbook/modelTables";
import { FEE_SHEET, refreshFeeTables, saveFeeModel } from "../../workbook/feeSheet";
import { compareKeys } from "../../core/keyComparison";
import { proposeFee } from "../../core/fee";
import { Amount } from "../../core/money";
import { formatAmount } from "../../core/numberText";
import { DomainError, isDomainError } from "../../core/errors";
import { parseNumberText } from "../../core/numberText";
import { useOperation } from "../useOperation";
import { StatusArea } from "../components/StatusArea";
import { SimpleTable } from "../components/SimpleTable";

interface KeyRow {
  member: string;
  oldWeight: string;
  newWeight: string;
}

function parseField(text: string, label: string, percent = false): Amount {
  try {
    const parsed = parseNumberText(percent && !/%\s*$/.test(text) ? `${text} %` : text);
    if (parsed.kind === "number") return parsed.value;
  } catch (error) {
    if (!isDomainError(error)) throw error;
  }
  throw new DomainError("NOT_A_NUMBER", `${label}: '${text}' är inget tal`);
}

const show = (a: Amount, decimals = 0) => formatAmount(a, { decimals });

/** Medlemsbidrag: edit key, fee and uplift; "Uppdatera tabeller" writes the live fee sheet. */
export function FeeScreen({ workbook }: { workbook: WorkbookPort }) {
  const [rows, setRows] = useState<KeyRow[]>([]);
  const [lastYearFee, setLastYearFee] = useState("0");
  const [uplift, setUplift] = useState("2");
  const [equalShare, setEqualShare] = useState("0");
  const op = useOperation();

  useEffect(() => {
    void op.run("Läser modellen", async () => {
      const [model, settings] = await Promise.all([readModel(workbook), readSettings(workbook)]);
      setRows(model.newKey.map((e, i) => ({ member: e.member, oldWeight: model.oldKey[i].weight.toFixed(), newWeight: e.weight.toFixed() })));
      setLastYearFee(settings.lastYearFee.toFixed());
      setUplift(settings.upliftRate.times(100).toFixed());
      setEqualShare(settings.equalShare.times(100).toFixed());
    });
  }, [workbook]);

  let preview: { comparison: ReturnType<typeof compareKeys>; proposal: ReturnType<typeof proposeFee> } | null = null;
  let problem: string | null = null;
  try {
    const key = (pick: (r: KeyRow) => string, label: string) => rows.map((r) => ({ member: r.member, weight: parseField(pick(r), `${r.member}, ${label}`) }));
    if (rows.length > 0) {
      preview = {
        comparison: compareKeys(key((r) => r.oldWeight, "användare föregående år"), key((r) => r.newWeight, "användare")),
        proposal: proposeFee(parseField(lastYearFee, "Beslutat bidrag"), parseField(uplift, "Uppräkning", true)),
      };
    }
  } catch (error) {
    if (!isDomainError(error)) throw error;
    problem = error.message;
  }

  const save = async () => {
    const settings = {
      lastYearFee: parseField(lastYearFee, "Beslutat bidrag").toFixed(),
      upliftRate: parseField(uplift, "Uppräkning", true).toFixed(),
      equalShare: parseField(equalShare, "Rak andel", true).toFixed(),
    };
    const key = rows.map((r) => ({ member: r.member, oldWeight: parseField(r.oldWeight, `${r.member}, användare föregående år`), newWeight: parseField(r.newWeight, `${r.member}, användare`) }));
    await saveFeeModel(workbook, key, settings);
  };

  const update = (i: number, field: keyof KeyRow, value: string) => setRows(rows.map((r, j) => (j === i ? { ...r, [field]: value } : r)));

  return (
    <section aria-label="Medlemsbidrag">
      <div className="samkalk-row">
        <Field label="Beslutat bidrag föregående år (kr)"><Input value={lastYearFee} onChange={(_, d) => setLastYearFee(d.value)} /></Field>
        <Field label="Uppräkning (%)"><Input value={uplift} onChange={(_, d) => setUplift(d.value)} /></Field>
        <Field label="Rak andel (%)"><Input value={equalShare} onChange={(_, d) => setEqualShare(d.value)} /></Field>
      </div>
      <Text as="h3" weight="semibold">Nyckel: användare per medlem</Text>
      <table className="samkalk-edit" aria-label="Nyckel">
        <thead><tr><th>Medlem</th><th>Föregående år</th><th>I år</th></tr></thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <td><Input aria-label={`Medlem ${i + 1}`} value={r.member} onChange={(_, d) => update(i, "member", d.value)} /></td>
              <td><Input aria-label={`${r.member} användare föregående år`} value={r.oldWeight} onChange={(_, d) => update(i, "oldWeight", d.value)} /></td>
              <td><Input aria-label={`${r.member} användare`} value={r.newWeight} onChange={(_, d) => update(i, "newWeight", d.value)} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      <Button size="small" onClick={() => setRows([...rows, { member: `Medlem ${rows.length + 1}`, oldWeight: "0", newWeight: "0" }])}>Lägg till medlem</Button>
      {problem && <Text as="p" className="samkalk-problem">{problem}</Text>}
      {preview && (
        <>
          <Text as="p">
            Gemensam kostnad: {show(preview.proposal.nextYearFee)} kr (avvikelse {preview.proposal.deviation.isNegative() ? "" : "+"}{show(preview.proposal.deviation)} kr mot föregående år)
          </Text>
          <SimpleTable
            label="Gammal och ny nyckel"
            headers={["Medlem", "Användare fg år", "Användare", "Andel fg år %", "Andel %", "Förändring", "Förändring p.e."]}
            rows={[...preview.comparison.rows, preview.comparison.total].map((r) => [r.member, show(r.oldWeight), show(r.newWeight), show(r.oldShare, 2), show(r.newShare, 2), show(r.weightChange), show(r.pointChange, 2)])}
          />
        </>
      )}
      <div className="samkalk-row">
        <Button onClick={() => void op.run("Sparar modellen", async () => { await save(); return { intent: "success", title: "Modellen är sparad", body: "Nyckel och inställningar finns nu i arbetsboken." }; })} disabled={!!op.busy || !!problem}>Spara modell</Button>
        <Button appearance="primary" disabled={!!op.busy || !!problem || rows.length === 0} onClick={() => void op.run("Uppdaterar tabellerna", async (signal) => {
          await save();
          const { members } = await refreshFeeTables(workbook, signal);
          return { intent: "success", title: "Tabellerna är uppdaterade", body: `Bladet ${FEE_SHEET} visar nyckeln och medlemsbidraget för ${members} medlemmar, med SAMKALK-formler.` };
        })}>Uppdatera tabeller</Button>
      </div>
      <StatusArea busy={op.busy} status={op.status} onCancel={op.cancel} />
    </section>
  );
}
