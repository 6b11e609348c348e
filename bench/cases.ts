import Papa from "papaparse";
import { HyperFormula } from "hyperformula";
import { Amount, splitAmount } from "../src/core/money";
import { reconcile } from "../src/core/reconciliation";
import { checkTable } from "../src/core/tablecheck";
import { registerSamkalkFunctions } from "../src/workbook/engineFunctions";
import { readSourceFile } from "../src/io/sourceTable";
import { guessMapping } from "../src/model/fields";
import { CONTRACTS, importContracts } from "../src/model/contracts";
import { allocateCells } from "../src/functions/allocationFunctions";
import { checkTableInput, contractCsv, printedKeyCsv, reconciliationInput, weights } from "./generate";
import { readPrintedKey } from "../src/model/keyFile";

/** What one side of a case reports: its own time and anything worth printing beside it. */
export interface Measurement {
  /** Milliseconds; the median when the case ran several times. */
  ms: number;
  note?: string;
  runs?: number;
}

const ENGINE = { licenseKey: "gpl-v3", maxRows: 1_048_576 } as const;
const TOTAL = 123_456_789;

/** The median of `repeat` runs (the first warms the JIT up like any later call would find it). */
function timed(run: () => string | void, repeat = 1): Measurement {
  const times: number[] = [];
  let note: string | void = undefined;
  for (let i = 0; i < repeat; i++) {
    const start = process.hrtime.bigint();
    note = run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], ...(note ? { note } : {}), ...(repeat > 1 ? { runs: repeat } : {}) };
}

const FAST_REPEAT = 7;

/** The plain integer largest-remainder split the bench compares the core with. */
function bigintBaseline(total: bigint, ws: readonly number[]): bigint[] {
  const w = ws.map((x) => BigInt(x));
  const sum = w.reduce((s, x) => s + x, 0n);
  const parts = w.map((x) => (total * x) / sum);
  const rema = w.map((x, i) => total * x - parts[i] * sum);
  let left = Number(total - parts.reduce((s, x) => s + x, 0n));
  const order = w.map((_, i) => i).sort((a, b) => (rema[b] > rema[a] ? 1 : rema[b] < rema[a] ? -1 : a - b));
  for (let k = 0; left > 0; k++, left--) parts[order[k]] += 1n;
  return parts;
}

export const CASES: Record<string, Record<string, () => Measurement | Promise<Measurement>>> = {
  "FORDELA 100 000 vikter, arket inläst": {
    samkalk: () => {
      registerSamkalkFunctions();
      const ws = weights(100_000);
      return timed(() => {
        const hf = HyperFormula.buildFromArray(ws.map((w, i) => (i === 0 ? [w, `=SAMKALK.FORDELA(${TOTAL},A1:A100000)`] : [w])), ENGINE as never);
        const parts = hf.getRangeValues({ start: { sheet: 0, row: 0, col: 1 }, end: { sheet: 0, row: 99_999, col: 1 } }).map((r) => r[0] as number);
        return `summa ${parts.reduce((s, x) => s + x, 0) - TOTAL} kr från beloppet`;
      });
    },
    jämförelse: () => {
      const ws = weights(100_000);
      return timed(() => {
        const hf = HyperFormula.buildFromArray(ws.map((w, i) => (i === 0 ? [w, `=ROUND(${TOTAL}*A1/$C$1,0)`, "=SUM(A1:A100000)"] : [w, `=ROUND(${TOTAL}*A${i + 1}/$C$1,0)`])), ENGINE as never);
        const parts = hf.getRangeValues({ start: { sheet: 0, row: 0, col: 1 }, end: { sheet: 0, row: 99_999, col: 1 } }).map((r) => r[0] as number);
        return `summa ${parts.reduce((s, x) => s + x, 0) - TOTAL} kr från beloppet (avrundning per rad)`;
      });
    },
  },
  "FORDELA 100 000 vikter, bara formlerna": {
    samkalk: () => {
      registerSamkalkFunctions();
      const hf = HyperFormula.buildFromArray(weights(100_000).map((w) => [w]), ENGINE as never);
      return timed(() => {
        hf.setCellContents({ sheet: 0, row: 0, col: 1 }, [[`=SAMKALK.FORDELA(${TOTAL},A1:A100000)`]]);
        const parts = hf.getRangeValues({ start: { sheet: 0, row: 0, col: 1 }, end: { sheet: 0, row: 99_999, col: 1 } }).map((r) => r[0] as number);
        return `summa ${parts.reduce((s, x) => s + x, 0) - TOTAL} kr från beloppet`;
      });
    },
    jämförelse: () => {
      const hf = HyperFormula.buildFromArray(weights(100_000).map((w) => [w]), ENGINE as never);
      return timed(() => {
        hf.setCellContents({ sheet: 0, row: 0, col: 1 }, Array.from({ length: 100_000 }, (_, i) => (i === 0 ? [`=ROUND(${TOTAL}*A1/$C$1,0)`, "=SUM(A1:A100000)"] : [`=ROUND(${TOTAL}*A${i + 1}/$C$1,0)`, null])));
        const parts = hf.getRangeValues({ start: { sheet: 0, row: 0, col: 1 }, end: { sheet: 0, row: 99_999, col: 1 } }).map((r) => r[0] as number);
        return `summa ${parts.reduce((s, x) => s + x, 0) - TOTAL} kr från beloppet (avrundning per rad)`;
      });
    },
  },
  "FORDELA-funktionen själv, 100 000 celler (utan motor)": {
    samkalk: () => {
      const range = weights(100_000).map((w) => [w]);
      return timed(() => void allocateCells(TOTAL, range), FAST_REPEAT);
    },
  },
  "Kärnans fördelning, 100 000 delar": {
    samkalk: () => {
      const ws = weights(100_000);
      let parts: Amount[] = [];
      const m = timed(() => void (parts = splitAmount(TOTAL, ws, 0)), FAST_REPEAT);
      return { ...m, note: `summa ${parts.reduce((s, x) => s.plus(x), new Amount(0)).minus(TOTAL).toString()} kr från beloppet` };
    },
    jämförelse: () => {
      const ws = weights(100_000);
      return timed(() => void bigintBaseline(BigInt(TOTAL), ws), FAST_REPEAT);
    },
  },
  "Avstämning 10 000 × 1 000 par": {
    samkalk: () => {
      const { agreed, outcomes } = reconciliationInput(1000, 10_000, 300);
      const a = agreed.map((x) => ({ ...x, agreed: new Amount(String(x.agreed)) }));
      const o = outcomes.map((x) => ({ ...x, invoiced: new Amount(String(x.invoiced)) }));
      return timed(() => `${reconcile(a, o).members.length} medlemmar`, FAST_REPEAT);
    },
    jämförelse: () => {
      const { agreed, outcomes } = reconciliationInput(1000, 10_000, 300);
      return timed(() => {
        const rows = outcomes.map((o) => [o.member, o.supplier, o.invoiced]);
        const pairs = agreed.map((p, i) => ["", "", "", p.member, p.supplier, p.agreed, `=SUMIFS(C1:C10000,A1:A10000,D${i + 1},B1:B10000,E${i + 1})`, `=F${i + 1}-G${i + 1}`]);
        const sheet = Array.from({ length: Math.max(rows.length, pairs.length) }, (_, i) => [...(rows[i] ?? ["", "", ""]), ...(pairs[i]?.slice(3) ?? [])]);
        const hf = HyperFormula.buildFromArray(sheet as never, ENGINE as never);
        return `SUMIFS-arbetsbok, ${hf.getSheetDimensions(0).height} rader`;
      });
    },
  },
  "Avstämning 50 000 avtal × 50 000 utfall": {
    samkalk: () => {
      const { agreed, outcomes } = reconciliationInput(50_000, 50_000, 300, 5);
      const a = agreed.map((x) => ({ ...x, agreed: new Amount(String(x.agreed)) }));
      const o = outcomes.map((x) => ({ ...x, invoiced: new Amount(String(x.invoiced)) }));
      return timed(() => `${reconcile(a, o).members.length} medlemmar`, FAST_REPEAT);
    },
    jämförelse: () => {
      const { agreed, outcomes } = reconciliationInput(50_000, 50_000, 300, 5);
      return timed(() => {
        const sums = new Map<string, { agreed: number; invoiced: number }>();
        for (const a of agreed) {
          const k = `${a.member}\u0000${a.supplier}`;
          const e = sums.get(k) ?? { agreed: 0, invoiced: 0 };
          e.agreed += a.agreed;
          sums.set(k, e);
        }
        for (const o of outcomes) {
          const k = `${o.member}\u0000${o.supplier}`;
          const e = sums.get(k) ?? { agreed: 0, invoiced: 0 };
          e.invoiced += o.invoiced;
          sums.set(k, e);
        }
        return `${sums.size} par (flyttal, utan flaggor)`;
      }, FAST_REPEAT);
    },
  },
  "Import av 100 000 rader CSV": {
    samkalk: async () => {
      const bytes = contractCsv(100_000);
      const times: number[] = [];
      let note = "";
      for (let i = 0; i < 5; i++) {
        const start = process.hrtime.bigint();
        const source = await readSourceFile(bytes, "avtal.csv");
        const result = importContracts(source, guessMapping(source.headers, CONTRACTS.fields));
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
        note = `${(bytes.length / 1e6).toFixed(1).replace(".", ",")} MB, ${result.records.length} avtal, ${result.errors.length} fel`;
      }
      return { ms: times.sort((a, b) => a - b)[2], note, runs: 5 };
    },
    jämförelse: () => {
      const bytes = contractCsv(100_000);
      return timed(() => {
        const text = new TextDecoder("windows-1252").decode(bytes);
        return `${Papa.parse(text, { delimiter: ";" }).data.length} rader (bara tolkning)`;
      }, 5);
    },
  },
  "Import av 100 000 rader nyckel-CSV, som tryckt": {
    samkalk: async () => {
      const bytes = printedKeyCsv(100_000);
      const times: number[] = [];
      let note = "";
      for (let i = 0; i < 5; i++) {
        const start = process.hrtime.bigint();
        const key = readPrintedKey(await readSourceFile(bytes, "nyckel.csv"));
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
        note = `${(bytes.length / 1e6).toFixed(1).replace(".", ",")} MB, ${key.entries.length} medlemmar i ${key.groups?.length ?? 0} grupper (tryckt-tabell-läsaren)`;
      }
      return { ms: times.sort((a, b) => a - b)[2], note, runs: 5 };
    },
    jämförelse: () => {
      const bytes = printedKeyCsv(100_000);
      return timed(() => {
        const text = new TextDecoder("windows-1252").decode(bytes);
        return `${Papa.parse(text, { delimiter: ";" }).data.length} rader (bara tolkning)`;
      }, 5);
    },
  },
  "Tabellkoll 10 000 × 20 med 50 fel": {
    samkalk: () => {
      const { grid, planted } = checkTableInput(10_000, 20, 50);
      return timed(() => {
        const findings = checkTable(grid);
        const found = new Set(findings.map((f) => `${f.rowNumber - 1},${f.columnNumber - 1}`));
        const hits = [...planted].filter((p) => found.has(p)).length;
        return `${hits} av ${planted.size} fel hittade, ${findings.length - hits} extra`;
      }, 3);
    },
  },
};
