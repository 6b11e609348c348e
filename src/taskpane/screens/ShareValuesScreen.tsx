import { useEffect, useState } from "react";
import { Button, Checkbox, Text } from "@fluentui/react-components";
import { WorkbookPort } from "../../workbook/port";
import { useOperation } from "../useOperation";
import { StatusArea } from "../components/StatusArea";
import { shareAsValues, shareableSheets } from "../../app/shareValues";

export { VALUES_SUFFIX } from "../../app/shareValues";

/** Dela som värden: copies of sheets with SAMKALK formulas replaced by values, for colleagues without the add-in. */
export function ShareValuesScreen({ workbook }: { workbook: WorkbookPort }) {
  const [sheets, setSheets] = useState<string[]>([]);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const op = useOperation();

  useEffect(() => {
    void op.run("Läser bladen", async () => setSheets(await workbook.sheetNames()));
  }, [workbook]);

  const toggle = (name: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(name);
    else next.delete(name);
    setChosen(next);
  };

  return (
    <section aria-label="Dela som värden">
      <Text as="p">En kollega utan tillägget ser #NAMN? i celler med SAMKALK-formler. Välj blad att kopiera med formlerna ersatta av sina värden.</Text>
      {shareableSheets(sheets).map((name) => (
        <Checkbox key={name} label={name} checked={chosen.has(name)} onChange={(_, d) => toggle(name, !!d.checked)} />
      ))}
      <Button appearance="primary" disabled={chosen.size === 0 || !!op.busy} onClick={() => void op.run("Skapar kopior", async () => {
        const shared = await shareAsValues(workbook, [...chosen]);
        if (shared.newWorkbook) return { intent: "success", title: "En ny arbetsbok är öppnad", body: `Den har bladen ${shared.sheets.join(", ")} med värden och talformat. Spara den och skicka den till kollegan.` };
        setSheets(await workbook.sheetNames());
        return { intent: "success", title: "Kopiorna är klara", body: `Blad med värden: ${shared.sheets.join(", ")}. En ny körning ersätter dem.` };
      })}>Skapa kopior med värden</Button>
      <StatusArea busy={op.busy} status={op.status} onCancel={op.cancel} />
    </section>
  );
}
