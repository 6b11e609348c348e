import { useEffect, useState } from "react";
import { Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Select, Text } from "@fluentui/react-components";
import { WorkbookPort } from "../../workbook/port";
import { Model } from "../../model/tables";
import { ModelSettings } from "../../model/settings";
import { readModel, readSettings, saveSettings } from "../../app/model";
import { FEE_SHEET, FeeComputation, computeFee, describeVersion, refreshFeeTables } from "../../app/fee";
import { FOLLOW_UP_SHEET, SETTLEMENT_SHEET, runYearEnd } from "../../app/settle";
import { Amount } from "../../core/money";
import { formatAmount, parseNumberText } from "../../core/numberText";
import { DomainError, isDomainError, locatedMessage } from "../../core/errors";
import { useOperation } from "../useOperation";
import { StatusArea } from "../components/StatusArea";
import { SimpleTable } from "../components/SimpleTable";
import { RowErrors } from "../components/RowErrors";
import { readYear } from "../../core/years";

function parseField(text: string, label: string, percent = false): Amount {
  try {
    const parsed = parseNumberText(percent && !/%\s*$/.test(text) ? `${text} %` : text);
    if (parsed.kind === "number") return parsed.value;
  } catch (error) {
    if (!isDomainError(error)) throw error;
  }
  throw new DomainError("NOT_A_NUMBER", `${label}: '${text}' är inget tal`);
}

const kr = (a: Amount, decimals = 0) => formatAmount(a, { decimals });

interface Fields {
  year: string;
  uplift: string;
  lastFee: string;
  equalShare: string;
  keyVersion: string;
}

function fieldsOf(s: ModelSettings): Fields {
  return {
    year: String(s.year),
    uplift: s.upliftRate.times(100).toFixed(),
    lastFee: s.lastYearFee === null ? "" : s.lastYearFee.toFixed(),
    equalShare: s.equalShare.times(100).toFixed(),
    keyVersion: s.keyVersion,
  };
}

function settingsOf(f: Fields): ModelSettings {
  const year = readYear(f.year, "År");
  return {
    year,
    upliftRate: parseField(f.uplift, "Uppräkning", true),
    lastYearFee: f.lastFee.trim() === "" ? null : parseField(f.lastFee, "Beslutat bidrag föregående år"),
    equalShare: parseField(f.equalShare, "Rak andel", true),
    keyVersion: f.keyVersion,
  };
}

/**
 * Medlemsbidrag: the fee from the budget (Summa årskostnad + uplift), the budget's own check next
 * to it, the key in force against the previous version, and each member's share and
 * member-specific costs. "Uppdatera tabeller" writes the live fee sheet; "Årsbokslut" writes the
 * budget follow-up and the settlement.
 */
export function FeeScreen({ workbook }: { workbook: WorkbookPort }) {
  const [model, setModel] = useState<Model | null>(null);
  const [fields, setFields] = useState<Fields | null>(null);
  const op = useOperation();

  const load = () =>
    op.run("Läser modellen", async () => {
      const settings = await readSettings(workbook);
      setModel(await readModel(workbook, settings.year));
      setFields(fieldsOf(settings));
    });
  useEffect(() => void load(), [workbook]);

  let preview: FeeComputation | null = null;
  let problem: string | null = null;
  if (model && fields && model.errors.length === 0) {
    try {
      preview = computeFee(model, settingsOf(fields));
    } catch (error) {
      if (!isDomainError(error)) throw error;
      problem = locatedMessage(error);
    }
  }
  const set = (field: keyof Fields) => (_: unknown, d: { value: string }) => setFields({ ...fields!, [field]: d.value });

  const save = async () => saveSettings(workbook, settingsOf(fields!));
  const refresh = () =>
    void op.run("Uppdaterar tabellerna", async (signal) => {
      await save();
      const { computation } = await refreshFeeTables(workbook, signal);
      const findings = computation.findings.length;
      return {
        intent: findings ? "warning" : "success",
        title: findings ? "Tabellerna är uppdaterade, men budgeten går inte ihop" : "Tabellerna är uppdaterade",
        body: `Bladet ${FEE_SHEET} visar medlemsbidraget ${kr(computation.fee.fee)} kr för ${computation.members.length} medlemmar, med SAMKALK-formler från budgeten.${findings ? ` Budgeten går inte ihop på ${findings} punkter; se bladet.` : ""}`,
      };
    });
  const yearEnd = () =>
    void op.run("Räknar fram budgetuppföljning och reglering", async (signal) => {
      await save();
      const y = await runYearEnd(workbook, signal);
      const result = y.settlement.commonResult;
      return { intent: "success", title: "Årsbokslutet är klart", body: `Bladen ${FOLLOW_UP_SHEET} och ${SETTLEMENT_SHEET} är skrivna. ${result.isNegative() ? "Underskott" : "Överskott"} i gemensam del: ${kr(result.abs())} kr, fördelat efter nyckeln.` };
    });

  return (
    <section aria-label="Medlemsbidrag">
      {fields && (
        <>
          <div className="samkalk-row">
            <Field label="År"><Input value={fields.year} onChange={set("year")} /></Field>
            <Field label="Uppräkning (%)"><Input value={fields.uplift} onChange={set("uplift")} /></Field>
            <Field label="Rak andel (%)"><Input value={fields.equalShare} onChange={set("equalShare")} /></Field>
          </div>
          <div className="samkalk-row">
            <Field label="Beslutat bidrag föregående år (kr)"><Input value={fields.lastFee} onChange={set("lastFee")} /></Field>
            <Field label="Nyckel">
              <Select value={fields.keyVersion} onChange={set("keyVersion")}>
                <option value="">Den som gäller vid årets slut</option>
                {model?.keyVersions.map((v) => <option key={v.name} value={v.name}>{describeVersion(v)}</option>)}
              </Select>
            </Field>
          </div>
        </>
      )}
      {model && <RowErrors errors={model.errors} />}
      {problem && <Text as="p" className="samkalk-problem">{problem}</Text>}
      {preview && (
        <>
          <SimpleTable
            label="Medlemsbidrag"
            headers={["", "Belopp (kr)"]}
            rows={[
              ["Summa årskostnad enligt budget", kr(preview.fee.budgetTotal)],
              [`Uppräkning ${formatAmount(preview.fee.upliftRate.times(100), { decimals: Math.max(0, preview.fee.upliftRate.times(100).decimalPlaces()) })} %`, kr(preview.fee.uplift)],
              ["Medlemsbidrag", kr(preview.fee.fee)],
              ...(preview.fee.lastFee === null ? [] : [["Beslutat bidrag föregående år", kr(preview.fee.lastFee)], ["Avvikelse (föregående år − nytt)", kr(preview.fee.change!)]]),
            ]}
          />
          <Text as="p">{preview.fee.changeLabel}.</Text>
          {preview.findings.length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>
                <MessageBarTitle>Budgeten går inte ihop</MessageBarTitle>
                Avgiften bygger på Summa kategori som beslutad; inget rättas automatiskt.
                <ul>{preview.findings.map((f, i) => <li key={i}>{f.message}</li>)}</ul>
              </MessageBarBody>
            </MessageBar>
          )}
          <Text as="h3" weight="semibold">{preview.previous ? `Nyckel: ${preview.previous.name} → ${preview.version.name}` : `Nyckel: ${preview.version.name}`}</Text>
          {preview.previous ? (
            <SimpleTable
              label="Föregående och ny nyckel"
              headers={["Medlem", "Föregående", "Ny", "Andel fg %", "Andel %", "Förändring", "Förändring p.e."]}
              rows={[...preview.comparison.rows, preview.comparison.total].map((r) => [r.member, kr(r.oldWeight, r.oldWeight.decimalPlaces()), kr(r.newWeight, r.newWeight.decimalPlaces()), kr(r.oldShare, 2), kr(r.newShare, 2), kr(r.weightChange, r.weightChange.decimalPlaces()), kr(r.pointChange, 2)])}
            />
          ) : (
            // With one key version there is nothing to compare with: no "Föregående 0" and no change.
            <SimpleTable
              label="Nyckel"
              headers={["Medlem", "Vikt", "Andel %"]}
              rows={[...preview.comparison.rows, preview.comparison.total].map((r) => [r.member, kr(r.newWeight, r.newWeight.decimalPlaces()), kr(r.newShare, 2)])}
            />
          )}
          <SimpleTable
            label="Medlemsbidrag per medlem"
            headers={["Medlem", "Andel", "Medlemsspecifikt", "Totalt"]}
            rows={preview.members.map((m) => [m.member, kr(m.share), kr(m.fixedTotal), kr(m.total)])}
          />
        </>
      )}
      <div className="samkalk-row">
        <Button onClick={() => void op.run("Sparar inställningarna", async () => { await save(); return { intent: "success", title: "Inställningarna är sparade", body: "De finns nu i arbetsboken." }; })} disabled={!!op.busy || !fields}>Spara inställningar</Button>
        <Button appearance="primary" disabled={!!op.busy || !preview} onClick={refresh}>Uppdatera tabeller</Button>
        <Button disabled={!!op.busy || !preview} onClick={yearEnd}>Budgetuppföljning och reglering</Button>
        <Button disabled={!!op.busy} onClick={() => void load()}>Läs om modellen</Button>
      </div>
      <StatusArea busy={op.busy} status={op.status} onCancel={op.cancel} />
    </section>
  );
}
