import { useRef, useState } from "react";
import { count } from "../../core/plural";
import { Button, Field, Input, Text } from "@fluentui/react-components";
import { WorkbookPort } from "../../workbook/port";
import { CellInput } from "../../core/cells";
import { formatAmount } from "../../core/numberText";
import { formatIsoDate, parseDate, todayLocal } from "../../core/dates";
import { KEY, TABLES, tableHeaders } from "../../model/tables";
import { readModel } from "../../app/model";
import { PopulationKey, populationKey } from "../../app/population";
import { Fetcher, fetchScbPopulationKey } from "../../app/scbFetch";
import { undoImport } from "../../app/importTable";
import { writeModelImport } from "../../app/modelImport";
import { useOperation } from "../useOperation";
import { PaneUndo, ctrlZNote, useHeldUndo } from "../paneUndo";
import { StatusArea } from "../components/StatusArea";
import { SimpleTable } from "../components/SimpleTable";

const browserFetch: Fetcher = (url, init) => fetch(url, init);

/** The key version the figures become in the Nyckel table: weights by inhabitants, with SCB's reference date. */
function keyRows(key: PopulationKey, version: string): CellInput[][] {
  return key.entries.map((e) => [version, "Invånare", formatIsoDate(e.referenceDate), null, e.member, e.inhabitants]);
}

/**
 * Invånare från SCB: each member's population at the agreement's reference date, fetched from
 * SCB's open API when online, or read from SCB's export as a file; written as a key version that
 * records the date it used.
 */
export function PopulationScreen({ workbook, fetcher = browserFetch, undo: paneUndo }: { workbook: WorkbookPort; fetcher?: Fetcher; undo?: PaneUndo }) {
  const [date, setDate] = useState(`${todayLocal().year - 1}-12-31`);
  const [key, setKey] = useState<PopulationKey | null>(null);
  const [undo, setUndo] = useHeldUndo(paneUndo, "population");
  const op = useOperation();
  const fileInput = useRef<HTMLInputElement>(null);
  const version = key ? `Invånare ${formatIsoDate(key.entries[0]?.referenceDate ?? parseDate(date))}` : "";

  const members = async () => {
    const model = await readModel(workbook);
    const names = model.members.map((m) => m.member);
    if (names.length === 0) throw new Error("tabellen Medlemmar har inga medlemmar att hämta invånartal för");
    return names;
  };
  const fetchFromScb = () => void op.run("Hämtar invånartal från SCB", async (signal) => {
    setKey(null);
    const found = await fetchScbPopulationKey(fetcher, parseDate(date), await members(), signal);
    setKey(found);
    return { intent: "success", title: "Invånartalen är hämtade", body: `${count(found.entries.length, "medlem", "medlemmar")} per ${date} från ${found.table.title}.` };
  });
  const readFile = (file: File | undefined) => {
    if (!file) return;
    void op.run(`Läser ${file.name}`, async () => {
      setKey(null);
      setKey(populationKey(new Uint8Array(await file.arrayBuffer()), file.name, parseDate(date), await members()));
    });
  };
  const write = () => {
    if (!key) return;
    void op.run(`Skriver nyckeln ${version}`, async () => {
      const rows = keyRows(key, version);
      setUndo(await writeModelImport(workbook, { kind: "key", table: TABLES.key, headers: tableHeaders(KEY), rows, errors: [], findings: [], notices: [], weightCandidates: [], weightColumn: null }));
      return { intent: "success", title: "Nyckeln är skriven", body: `Nyckeln ${version} finns nu i tabellen Nyckel, bredvid de andra versionerna.${ctrlZNote(workbook)}` };
    });
  };

  return (
    <section aria-label="Invånare från SCB">
      <Text as="p">Invånartalen per medlem vid avtalets referensdatum, från SCB:s öppna statistikdatabas (kräver internet) eller från en fil som laddats ner från SCB.</Text>
      <Field label="Referensdatum (ÅÅÅÅ-MM-DD)"><Input value={date} onChange={(_, d) => setDate(d.value)} /></Field>
      <Button appearance="primary" onClick={fetchFromScb} disabled={!!op.busy}>Hämta från SCB</Button>
      <input ref={fileInput} type="file" accept=".csv,.json" hidden aria-label="Fil från SCB" onChange={(e) => { readFile(e.target.files?.[0]); e.target.value = ""; }} />
      <Button onClick={() => fileInput.current?.click()} disabled={!!op.busy}>Välj fil från SCB…</Button>
      {key && (
        <>
          <SimpleTable label="Invånare per medlem" headers={["Medlem", "Invånare", "Källa"]} rows={key.entries.map((e) => [e.member, formatAmount(e.inhabitants), e.source])} />
          <Button appearance="primary" onClick={write} disabled={!!op.busy}>Skriv som nyckeln {version}</Button>
        </>
      )}
      {undo && <Button onClick={() => void op.run("Ångrar", async () => { await undoImport(workbook, undo); setUndo(null); })} disabled={!!op.busy}>Ångra</Button>}
      <StatusArea busy={op.busy} status={op.status} onCancel={op.cancel} />
    </section>
  );
}
