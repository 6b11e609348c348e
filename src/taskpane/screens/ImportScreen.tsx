import { useRef, useState } from "react";
import { count } from "../../core/plural";
import { Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Select, Text } from "@fluentui/react-components";
import { WorkbookPort } from "../../workbook/port";
import { readSourceFile } from "../../io/sourceTable";
import { SourceTable } from "../../core/cells";
import { ColumnMapping, guessMapping } from "../../model/fields";
import { ImportKind, importKind, undoImport, writeImport } from "../../app/importTable";
import { LedgerImport, isLedgerFile, readLedgerOutcomes } from "../../app/ledgerImport";
import { formatAmount } from "../../core/numberText";
import { useOperation } from "../useOperation";
import { StatusArea } from "../components/StatusArea";
import { SimpleTable } from "../components/SimpleTable";
import { RowErrors } from "../components/RowErrors";
import { isModelYear } from "../../core/years";
import { rowErrorText } from "../../core/rowErrors";
import { PaneUndo, ctrlZNote, useHeldUndo } from "../paneUndo";

/** "1 rad", "5 rader", with Swedish digit grouping. */
export const rowCount = (n: number) => count(n, "rad", "rader");

/** Importera avtal / Importera utfall: preview with column mapping, row errors, all-or-nothing write, undo. */
export function ImportScreen({ workbook, kind, undo: paneUndo }: { workbook: WorkbookPort; kind: ImportKind; undo?: PaneUndo }) {
  const spec = importKind(kind);
  const [source, setSource] = useState<SourceTable | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping<string>>({});
  const [undo, setUndo] = useHeldUndo(paneUndo, kind);
  const op = useOperation();
  const fileInput = useRef<HTMLInputElement>(null);
  const [ledger, setLedger] = useState<LedgerImport | null>(null);
  const [year, setYear] = useState(String(new Date().getFullYear() - 1));
  const result = ledger ? { records: ledger.outcomes, rows: [], errors: ledger.errors } : source ? spec.read(source, mapping) : null;

  const chooseFile = (file: File | undefined) => {
    if (!file) return;
    void op.run(`Läser ${file.name}`, async () => {
      setSource(null);
      setLedger(null);
      const bytes = new Uint8Array(await file.arrayBuffer());
      if (kind === "outcomes" && isLedgerFile(file.name)) {
        const y = Number(year);
        if (!isModelYear(y)) return { intent: "error", title: "Ogiltigt år", body: "Ange bokföringsåret med fyra siffror." };
        setLedger(await readLedgerOutcomes(workbook, bytes, file.name, y));
        return;
      }
      const table = await readSourceFile(bytes, file.name);
      setSource(table);
      setMapping(guessMapping(table.headers, spec.fields));
    });
  };

  const write = () => {
    if (!result || result.errors.length > 0) return;
    void op.run(`Skriver ${count(result.records.length, "rad", "rader")} till ${spec.table}`, async (signal) => {
      signal.throwIfAborted();
      const done = await writeImport(workbook, kind, result.records as never[]);
      setUndo(done);
      return { intent: "success", title: "Importen är klar", body: `${rowCount(result.records.length)} skrevs till tabellen ${spec.table}. Du kan ångra importen med knappen Ångra import tills nästa gång Samkalk skriver i arbetsboken.${ctrlZNote(workbook)}` };
    });
  };

  const restore = () => {
    if (!undo) return;
    void op.run("Ångrar importen", async () => {
      await undoImport(workbook, undo);
      setUndo(null);
      return { intent: "info", title: "Importen är ångrad", body: `Tabellen ${spec.table} är som före importen.` };
    });
  };

  return (
    <section aria-label={`Importera ${spec.noun}`}>
      <Text as="p">Välj en CSV- eller XLSX-fil med {spec.noun}, t.ex. en export från avtalsregistret eller ekonomisystemet.{kind === "outcomes" && " Eller en SIE-fil från bokföringen: tabellen Kontomappning säger vilket konto som är vilken medlem och vilket system."}</Text>
      {kind === "outcomes" && <Field label="Bokföringsår (för SIE)"><Input value={year} onChange={(_, d) => setYear(d.value)} /></Field>}
      <input ref={fileInput} type="file" accept={kind === "outcomes" ? ".csv,.txt,.xlsx,.se,.si,.sie" : ".csv,.txt,.xlsx"} hidden aria-label={`Fil med ${spec.noun}`} onChange={(e) => { chooseFile(e.target.files?.[0]); e.target.value = ""; }} />
      <Button onClick={() => fileInput.current?.click()} disabled={!!op.busy}>Välj fil…</Button>
      {ledger && (
        <>
          <Text as="p">{ledger.summary}</Text>
          <RowErrors errors={ledger.errors} />
          {ledger.unmapped.length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>
                <MessageBarTitle>{count(ledger.unmapped.length, "transaktion", "transaktioner")} kunde inte mappas</MessageBarTitle>
                De är inte med i Fakturerat. Lägg till rader i Kontomappning och läs filen igen.
                <ul>{ledger.unmapped.slice(0, 50).map((e, i) => <li key={i}>{rowErrorText(e)}</li>)}</ul>
              </MessageBarBody>
            </MessageBar>
          )}
          <SimpleTable label="Förhandsgranskning" headers={["Kommun/Medlem", "Leverantör/System", "Fakturerat"]} rows={ledger.outcomes.map((o) => [o.member, o.supplier, formatAmount(o.invoiced!, { decimals: 2 })])} />
          <Button appearance="primary" disabled={ledger.errors.length > 0 || ledger.outcomes.length === 0 || !!op.busy} onClick={write}>
            Importera {rowCount(ledger.outcomes.length)} till {spec.table}
          </Button>
        </>
      )}
      {source && (
        <>
          <Text as="p">{source.file}: {rowCount(source.rows.length)}. Kontrollera vilka kolumner som hör till vad.</Text>
          <div className="samkalk-mapping">
            {spec.fields.map((f) => (
              <Field key={f.field} label={`${f.label}${f.required ? " *" : ""}`}>
                <Select
                  value={mapping[f.field] === undefined ? "" : String(mapping[f.field])}
                  onChange={(_, d) => {
                    // "(saknas)" takes the field out of the mapping: a required one is then refused, an optional one not read.
                    const { [f.field]: _previous, ...rest } = mapping;
                    setMapping(d.value === "" ? rest : { ...rest, [f.field]: Number(d.value) });
                  }}
                >
                  <option value="">(saknas)</option>
                  {source.headers.map((h, i) => <option key={i} value={String(i)}>{h || `Kolumn ${i + 1}`}</option>)}
                </Select>
              </Field>
            ))}
          </div>
          <SimpleTable label="Förhandsgranskning" headers={source.headers} rows={source.rows.slice(0, 8).map((r) => r.map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : c === null ? null : typeof c === "boolean" ? String(c) : c)))} />
          {result && <RowErrors errors={result.errors} />}
          <Button appearance="primary" disabled={!result || result.errors.length > 0 || result.records.length === 0 || !!op.busy} onClick={write}>
            Importera {rowCount(result?.records.length ?? 0)} till {spec.table}
          </Button>
        </>
      )}
      {undo && <Button onClick={restore} disabled={!!op.busy}>Ångra import</Button>}
      <StatusArea busy={op.busy} status={op.status} onCancel={op.cancel} />
    </section>
  );
}
