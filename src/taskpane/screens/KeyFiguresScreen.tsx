import { useState } from "react";
import { count } from "../../core/plural";
import { Button, Text } from "@fluentui/react-components";
import { WorkbookPort } from "../../workbook/port";
import { RowError } from "../../core/cells";
import { formatAmount } from "../../core/numberText";
import { roundAmount } from "../../core/money";
import { KEY_FIGURE_SHEET, KeyFigureReport, keyFiguresFromTable, writeKeyFigures } from "../../app/keyFigures";
import { selectionAsTable } from "../../app/selection";
import { useOperation } from "../useOperation";
import { StatusArea } from "../components/StatusArea";
import { SimpleTable } from "../components/SimpleTable";
import { RowErrors } from "../components/RowErrors";

/**
 * Nyckeltal: cost per inhabitant per member and year from the selected table (Medlem; År;
 * Utfall; Invånare), with the change in %, as a table and a chart; written to a sheet with an
 * Excel chart on request.
 */
export function KeyFiguresScreen({ workbook }: { workbook: WorkbookPort }) {
  const [report, setReport] = useState<KeyFigureReport | null>(null);
  const [errors, setErrors] = useState<RowError[]>([]);
  const op = useOperation();

  const compute = () =>
    void op.run("Räknar nyckeltal", async () => {
      setReport(null);
      const result = keyFiguresFromTable(await selectionAsTable(workbook));
      setErrors(result.errors);
      setReport(result.report);
      if (!result.report) return { intent: "error", title: "Tabellen kan inte läsas", body: "Rätta raderna nedan och försök igen." };
      return { intent: "success", title: `Nyckeltal för ${count(result.report.rows.length, "medlem", "medlemmar")} och ${count(result.report.years.length, "år", "år")}` };
    });

  const write = () =>
    void op.run("Skriver nyckeltalen", async () => {
      await writeKeyFigures(workbook, report!);
      return { intent: "success", title: `Bladet ${KEY_FIGURE_SHEET} är skrivet`, body: workbook.host === "excel" ? "Diagrammet står under tabellen med åren." : "Diagrammet visas här i fönstret." };
    });

  return (
    <section aria-label="Nyckeltal">
      <Text as="p">Markera en tabell med kolumnerna Medlem, År, Utfall och Invånare (en rad per medlem och år).</Text>
      <Button appearance="primary" onClick={compute} disabled={!!op.busy}>Räkna på markerad tabell</Button>
      <StatusArea busy={op.busy} status={op.status} onCancel={op.cancel} />
      <RowErrors errors={errors} />
      {report && (
        <>
          <SimpleTable
            label="Kostnad per invånare"
            headers={["Medlem", "År", "Kr per invånare", "Förändring"]}
            rows={report.rows.flatMap((r) => r.cells.map((c) => [r.member, String(c.year), formatAmount(c.perInhabitant, { decimals: 2 }), c.change === null ? "" : `${formatAmount(roundAmount(c.change.times(100), 1), { decimals: 1 })} %`]))}
          />
          {/* Our own SVG text: every name in it is escaped by lineChartSvg. */}
          <div className="samkalk-chart" role="figure" aria-label="Diagram: kostnad per invånare" dangerouslySetInnerHTML={{ __html: report.svg }} />
          <Button onClick={write} disabled={!!op.busy}>Skriv bladet {KEY_FIGURE_SHEET} med diagram</Button>
        </>
      )}
    </section>
  );
}
