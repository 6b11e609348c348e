import { useEffect, useState } from "react";
import { count } from "../../core/plural";
import { Button, Field, Input, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Select, Text } from "@fluentui/react-components";
import { WorkbookPort } from "../../workbook/port";
import { Model } from "../../model/tables";
import { readModelWithSettings, saveSettings } from "../../app/model";
import { FEE_SHEET, FeeComputation, computeFee, describeVersion, refreshFeeTables } from "../../app/fee";
import { FOLLOW_UP_SHEET, SETTLEMENT_SHEET, runYearEnd } from "../../app/settle";
import { Amount } from "../../core/money";
import { formatAmount } from "../../core/numberText";
import { isDomainError, locatedMessage } from "../../core/errors";
import { useOperation } from "../useOperation";
import { StatusArea } from "../components/StatusArea";
import { SimpleTable } from "../components/SimpleTable";
import { RowErrors } from "../components/RowErrors";
import { SettingsDraft, SettingsFields, fieldsOf, settingsOf, useSettingsDraft } from "../settingsDraft";

const kr = (a: Amount, decimals = 0) => formatAmount(a, { decimals });

/**
 * Medlemsbidrag: the fee from the budget (Summa årskostnad + uplift), the budget's own check next
 * to it, the key in force against the previous version, and each member's share and
 * member-specific costs. "Uppdatera tabeller" writes the live fee sheet; "Årsbokslut" writes the
 * budget follow-up and the settlement.
 */
export function FeeScreen({ workbook, draft: given }: { workbook: WorkbookPort; draft?: SettingsDraft }) {
  const [model, setModel] = useState<Model | null>(null);
  const own = useSettingsDraft();
  const draft = given ?? own;
  const fields = draft.fields;
  const op = useOperation();

  const load = () =>
    op.run("Läser modellen", async () => {
      const { model, settings } = await readModelWithSettings(workbook);
      draft.stored(fieldsOf(settings));
      setModel(model);
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
  const set = (field: keyof SettingsFields) => (_: unknown, d: { value: string }) => draft.edit({ ...fields!, [field]: d.value });

  const save = async () => {
    const settings = settingsOf(fields!);
    await saveSettings(workbook, settings);
    draft.stored(fieldsOf(settings));
  };
  const saveNow = () => op.run("Sparar inställningarna", async () => {
    await save();
    return { intent: "success", title: "Inställningarna är sparade", body: "De finns nu i arbetsboken." };
  });
  const refresh = () =>
    void op.run("Uppdaterar tabellerna", async (signal) => {
      await save();
      const { computation } = await refreshFeeTables(workbook, signal);
      const findings = computation.findings.length;
      return {
        intent: findings ? "warning" : "success",
        title: findings ? "Tabellerna är uppdaterade, men budgeten går inte ihop" : "Tabellerna är uppdaterade",
        body: `Bladet ${FEE_SHEET} visar medlemsbidraget ${kr(computation.fee.fee)} kr för ${count(computation.members.length, "medlem", "medlemmar")}, med SAMKALK-formler från budgeten.${findings ? ` Budgeten går inte ihop på ${count(findings, "punkt", "punkter")}; se bladet.` : ""}`,
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
      {draft.dirty && (
        <MessageBar intent="warning" className="samkalk-unsaved">
          <MessageBarBody>
            <MessageBarTitle>Osparade ändringar</MessageBarTitle>
            Inställningarna ovan är inte sparade i arbetsboken. Fakturaunderlag och andra beräkningar räknar med de sparade tills du sparar.
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void saveNow()} disabled={!!op.busy}>Spara</Button>
            <Button onClick={draft.discard} disabled={!!op.busy}>Ångra ändringarna</Button>
          </MessageBarActions>
        </MessageBar>
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
        <Button onClick={() => void saveNow()} disabled={!!op.busy || !fields}>Spara inställningar</Button>
        <Button appearance="primary" disabled={!!op.busy || !preview} onClick={refresh}>Uppdatera tabeller</Button>
        <Button disabled={!!op.busy || !preview} onClick={yearEnd}>Budgetuppföljning och reglering</Button>
        <Button disabled={!!op.busy} onClick={() => void load()}>Läs om modellen</Button>
      </div>
      <StatusArea busy={op.busy} status={op.status} onCancel={op.cancel} />
    </section>
  );
}
