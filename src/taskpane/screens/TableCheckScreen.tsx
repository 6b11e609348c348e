import { useState } from "react";
import { Button, Field, Text, Textarea } from "@fluentui/react-components";
import { WorkbookPort } from "../../workbook/port";
import { LocatedFinding, checkSelection, clearCheckMarks } from "../../app/tableCheck";
import { count } from "../../core/plural";
import { useOperation } from "../useOperation";
import { StatusArea } from "../components/StatusArea";

/** Tabellkoll: checks the selected range, marks each finding's cell and jumps to it. */
export function TableCheckScreen({ workbook }: { workbook: WorkbookPort }) {
  const [rules, setRules] = useState("");
  const [findings, setFindings] = useState<LocatedFinding[] | null>(null);
  const op = useOperation();

  const check = () =>
    void op.run("Kontrollerar markeringen", async () => {
      const found = await checkSelection(workbook, rules.split("\n").map((r) => r.trim()).filter((r) => r !== ""));
      setFindings(found);
      return found.length === 0
        ? { intent: "success", title: "Tabellen går ihop", body: "Inga summor eller regler avviker." }
        : { intent: "warning", title: count(found.length, "avvikelse", "avvikelser"), body: "Cellerna är markerade i rött. Rätta dem och kontrollera igen: en rättad cell får tillbaka sin egen färg." };
    });
  const clear = () =>
    void op.run("Tar bort markeringarna", async () => {
      const n = await clearCheckMarks(workbook);
      setFindings(null);
      return { intent: "success", title: "Markeringarna är borta", body: n === 0 ? "Tabellkoll hade inte markerat några celler." : `${count(n, "cell", "celler")} fick tillbaka sin egen färg.` };
    });

  return (
    <section aria-label="Tabellkoll">
      <Text as="p">Markera en tabell med rubrikrad och radnamn i första kolumnen.</Text>
      <Field label="Radregler, en per rad (valfritt)" hint="T.ex. Summa kategori = Driftbudget + Personalkostnader">
        <Textarea value={rules} onChange={(_, d) => setRules(d.value)} />
      </Field>
      <div className="samkalk-row">
        <Button appearance="primary" onClick={check} disabled={!!op.busy}>Kontrollera markerat område</Button>
        <Button onClick={clear} disabled={!!op.busy}>Ta bort markeringarna</Button>
      </div>
      <StatusArea busy={op.busy} status={op.status} onCancel={op.cancel} />
      {findings && findings.length > 0 && (
        <ul className="samkalk-findings" aria-label="Avvikelser">
          {findings.map((f, i) => (
            <li key={i}>
              <Button size="small" appearance="subtle" onClick={() => void workbook.selectRange(f.sheet, f.address)}>{f.address}</Button> {f.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
