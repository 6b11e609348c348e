/**
 * Deterministic (seeded) inputs for the benchmark: the same numbers on every run and machine.
 */
export function random(seed: number): () => number {
  // mulberry32
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function weights(n: number, seed = 1): number[] {
  const r = random(seed);
  return Array.from({ length: n }, () => 1 + Math.floor(r() * 5000));
}

export const members = (n: number) => Array.from({ length: n }, (_, i) => `Kommun ${String(i + 1).padStart(3, "0")}`);
export const suppliers = (n: number) => Array.from({ length: n }, (_, i) => `System ${String(i + 1).padStart(4, "0")}`);

/** Agreed pairs and invoiced rows: `pairs` member/system pairs, `rows` outcome rows over them. */
export function reconciliationInput(pairs: number, rows: number, memberCount: number, seed = 2) {
  const r = random(seed);
  const ms = members(memberCount);
  const ss = suppliers(Math.ceil(pairs / memberCount) + 1);
  const agreed = Array.from({ length: pairs }, (_, i) => ({ member: ms[i % memberCount], supplier: ss[Math.floor(i / memberCount)], agreed: Math.round(r() * 1_000_000_00) / 100 }));
  const outcomes = Array.from({ length: rows }, () => {
    const p = agreed[Math.floor(r() * pairs)];
    return { member: p.member, supplier: p.supplier, invoiced: Math.round(r() * 100_000_00) / 100 };
  });
  return { agreed, outcomes };
}

/** A Swedish contract register export: ';', decimal comma, thousands spaces, dates, Windows-1252. */
export function contractCsv(rows: number, seed = 3): Uint8Array {
  const r = random(seed);
  const ms = members(300);
  const lines = ["Leverantör;Kommun;Avtalat;Startdatum;Slutdatum;Förlängning;Uppsägningstid;Index"];
  for (let i = 0; i < rows; i++) {
    const amount = Math.round(r() * 2_000_000_00) / 100;
    const [whole, frac] = amount.toFixed(2).split(".");
    const year = 2015 + Math.floor(r() * 10);
    const month = 1 + Math.floor(r() * 12);
    lines.push(`Leverantör ${i % 997} AB;${ms[i % 300]};${whole.replace(/\B(?=(\d{3})+(?!\d))/g, " ")},${frac};${year}-${String(month).padStart(2, "0")}-01;${year + 4}-${String(month).padStart(2, "0")}-28;12;6;KPI`);
  }
  return Uint8Array.from(Buffer.from(`${lines.join("\r\n")}\r\n`, "latin1"));
}

/** A 10 000 × 20 table with section totals and a grand total, and `errors` planted mistakes. */
export function checkTableInput(rows: number, cols: number, errors: number, seed = 4) {
  const r = random(seed);
  const headers = ["Rad", ...Array.from({ length: cols - 1 }, (_, c) => `K${c + 1}`)];
  const grid: (string | number)[][] = [headers];
  const planted = new Set<string>();
  const section = 100;
  const totals = Array(cols - 1).fill(0);
  const grand = Array(cols - 1).fill(0);
  for (let i = 0; i < rows; i++) {
    const row: (string | number)[] = [`Post ${i + 1}`];
    for (let c = 1; c < cols; c++) {
      const v = Math.floor(r() * 10000);
      row.push(v);
      totals[c - 1] += v;
      grand[c - 1] += v;
    }
    grid.push(row);
    if ((i + 1) % section === 0) {
      grid.push([`Summa avsnitt ${(i + 1) / section}`, ...totals]);
      totals.fill(0);
    }
  }
  grid.push(["Summa totalt", ...grand]);
  // Plant errors in total rows: one cell in each of `errors` different total rows is off by 1.
  const totalRows = grid.map((row, i) => (String(row[0]).startsWith("Summa") ? i : -1)).filter((i) => i > 0);
  for (let e = 0; e < errors; e++) {
    const row = totalRows[(e * 7) % totalRows.length];
    const col = 1 + ((e * 13) % (cols - 1));
    if (planted.has(`${row},${col}`)) continue;
    (grid[row][col] as number) += 1;
    planted.add(`${row},${col}`);
  }
  return { grid, planted };
}

/**
 * A key as a municipality prints it: member and weight columns, a group row every 1 000 members,
 * a subtotal under each group and a grand total; ';', thousands spaces, Windows-1252.
 */
export function printedKeyCsv(rows: number, seed = 5): Uint8Array {
  const r = random(seed);
  const lines = ["Medlem;Invånare 2026"];
  const group = 1000;
  const space = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  let sum = 0;
  let total = 0;
  for (let i = 0; i < rows; i++) {
    if (i % group === 0) lines.push(`Region ${i / group + 1};`);
    const w = 1 + Math.floor(r() * 90_000);
    sum += w;
    total += w;
    lines.push(`Kommun ${i + 1};${space(w)}`);
    if ((i + 1) % group === 0 || i === rows - 1) {
      lines.push(`Summa region ${Math.floor(i / group) + 1};${space(sum)}`);
      sum = 0;
    }
  }
  lines.push(`Totalt;${space(total)}`);
  return Uint8Array.from(Buffer.from(`${lines.join("\r\n")}\r\n`, "latin1"));
}
