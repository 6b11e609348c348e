import { useMemo, useRef, useState } from "react";
import { Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Select, Text } from "@fluentui/react-components";
import { WorkbookPort } from "../../workbook/port";
import { readSourceFile } from "../../io/sourceTable";
import { CellInput, SourceTable, isAmount } from "../../core/cells";
import { parseDate } from "../../core/dates";
import { isDomainError } from "../../core/errors";
import { formatAmount } from "../../core/numberText";
import { undoImport } from "../../app/importTable";
import { MODEL_IMPORTS, ModelImportKind, previewModelImport, withKeyVersion, writeModelImport } from "../../app/modelImport";
import { useOperation } from "../useOperation";
import { PaneUndo, ctrlZNote, useHeldUndo } from "../paneUndo";
import { StatusArea } from "../components/StatusArea";
import { SimpleTable } from "../components/SimpleTable";
import { RowErrors } from "../components/RowErrors";
import { rowCount } from "./ImportScreen";

const shown = (c: CellInput): string | number | null => (c === null ? null : isAmount(c) ? formatAmount(c, { decimals: c.decimalPlaces() }) : typeof c === "object" ? c.formula : typeof c === "boolean" ? String(c) : c);

/**
 * Importera modelltabell: Budget, Nyckel, Medlemmar, Medlemskostnader, Kontomappning or a table that reads itself (Förändringar) from a file
 * as printed (sections, subtotals, group rows, a fee block under the budget), with the rows to be
 * written, every error with row and column, the file's own findings, and for a key the weight
 * column to choose; written whole, and undone whole.
 */
export function ModelImportScreen({ workbook, undo: paneUndo }: { workbook: WorkbookPort; undo?: PaneUndo }) {
  const [kind, setKind] = useState<ModelImportKind>("budget");
  const [source, setSource] = useState<SourceTable | null>(null);
  const [column, setColumn] = useState<string>("");
  const [version, setVersion] = useState("");
  const [validFrom, setValidFrom] = useState("");
  const [undo, setUndo] = useHeldUndo(paneUndo, "model");
  const op = useOperation();
  const fileInput = useRef<HTMLInputElement>(null);
  const { model, noun } = MODEL_IMPORTS[kind];

  const dateError = useMemo(() => {
    if (validFrom.trim() === "") return null;
    try {
      parseDate(validFrom);
      return null;
    } catch (error) {
      return isDomainError(error) ? error.message : String(error);
    }
  }, [validFrom]);
  // The file is read once per file, table and weight column; the version's name and date are set on top.
  const read = useMemo(() => (source ? previewModelImport(kind, source, { column: column || undefined }) : null), [source, kind, column]);
  const preview = useMemo(
    () => (read ? withKeyVersion(read, version, validFrom.trim() && !dateError ? parseDate(validFrom) : null) : null),
    [read, version, validFrom, dateError],
  );

  const chooseFile = (file: File | undefined) => {
    if (!file) return;
    void op.run(`Läser ${file.name}`, async () => {
      setSource(null);
      setColumn("");
      setSource(await readSourceFile(new Uint8Array(await file.arrayBuffer()), file.name));
    });
  };

  const write = () => {
    if (!preview || preview.errors.length > 0 || dateError) return;
    void op.run(`Skriver ${rowCount(preview.rows.length)} till ${model.name}`, async () => {
      setUndo(await writeModelImport(workbook, preview));
      return { intent: "success", title: "Importen är klar", body: `${rowCount(preview.rows.length)} skrevs till tabellen ${model.name}. Du kan ångra importen med knappen Ångra import tills nästa gång Samkalk skriver i arbetsboken.${ctrlZNote(workbook)}` };
    });
  };

  const restore = () => {
    if (!undo) return;
    void op.run("Ångrar importen", async () => {
      await undoImport(workbook, undo);
      setUndo(null);
      return { intent: "info", title: "Importen är ångrad", body: `Tabellen ${undo.table} är som före importen.` };
    });
  };

  return (
    <section aria-label="Importera modelltabell">
      <Text as="p">Välj vilken tabell filen ska bli och en CSV- eller XLSX-fil. Tabeller läses som de är tryckta: avsnitts- och grupprader, summarader med eller utan rubrik och block under en tom rad räknas aldrig som rader.</Text>
      <Field label="Tabell">
        <Select value={kind} onChange={(_, d) => { setKind(d.value as ModelImportKind); setColumn(""); }}>
          {(Object.keys(MODEL_IMPORTS) as ModelImportKind[]).map((k) => <option key={k} value={k}>{MODEL_IMPORTS[k].model.name}</option>)}
        </Select>
      </Field>
      <input ref={fileInput} type="file" accept=".csv,.txt,.xlsx" hidden aria-label={`Fil med ${noun}`} onChange={(e) => { chooseFile(e.target.files?.[0]); e.target.value = ""; }} />
      <Button onClick={() => fileInput.current?.click()} disabled={!!op.busy}>Välj fil…</Button>
      {kind === "key" && source && (
        <div className="samkalk-mapping">
          <Field label="Viktkolumn" hint={preview && preview.weightCandidates.length > 1 && !column ? "Flera kolumner kan vara vikten: välj en." : undefined}>
            <Select value={column} onChange={(_, d) => setColumn(d.value)}>
              <option value="">(välj)</option>
              {preview?.weightCandidates.map((c) => <option key={c} value={c}>{c}</option>)}
            </Select>
          </Field>
          <Field label="Nyckelns namn"><Input value={version} placeholder={preview?.weightColumn ?? ""} onChange={(_, d) => setVersion(d.value)} /></Field>
          <Field label="Gäller från (ÅÅÅÅ-MM-DD)" validationMessage={dateError ?? undefined}><Input value={validFrom} onChange={(_, d) => setValidFrom(d.value)} /></Field>
        </div>
      )}
      {source && preview && (
        <>
          <Text as="p">{source.file}: {rowCount(preview.rows.length)} till tabellen {model.name}.</Text>
          {preview.notices.length > 0 && (
            <MessageBar intent="info"><MessageBarBody><MessageBarTitle>Så lästes filen</MessageBarTitle><ul>{preview.notices.map((n, i) => <li key={i}>{n}</li>)}</ul></MessageBarBody></MessageBar>
          )}
          {preview.findings.length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>
                <MessageBarTitle>{`Filens egna siffror går inte ihop på ${preview.findings.length} ${preview.findings.length === 1 ? "punkt" : "punkter"}`}</MessageBarTitle>
                Raderna importeras som de är; summaraderna räknas om ur dem.
                <ul aria-label="Avvikelser i filen">{preview.findings.map((f, i) => <li key={i}>{`rad ${f.rowNumber}: ${f.message}`}</li>)}</ul>
              </MessageBarBody>
            </MessageBar>
          )}
          <RowErrors errors={preview.errors} />
          <SimpleTable label="Förhandsgranskning" headers={preview.headers} rows={preview.rows.slice(0, 50).map((r) => r.map(shown))} />
          <Button appearance="primary" disabled={preview.errors.length > 0 || preview.rows.length === 0 || !!dateError || !!op.busy} onClick={write}>
            Importera {rowCount(preview.rows.length)} till {model.name}
          </Button>
        </>
      )}
      {undo && <Button onClick={restore} disabled={!!op.busy}>Ångra import</Button>}
      <StatusArea busy={op.busy} status={op.status} onCancel={op.cancel} />
    </section>
  );
}
