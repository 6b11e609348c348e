import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runReading } from "./captureIO";

/** The gallery of printed tables through the CLI, with the results its description gives. */
const DIR = join(__dirname, "..", "fixtures", "tables-as-printed");
const expected = JSON.parse(readFileSync(join(DIR, "expected.json"), "utf8"));

const cli = (args: string[]) => runReading(args, (path) => new Uint8Array(readFileSync(join(DIR, path))));

const fee = String(expected.t2.fee);

describe("samkalk allocate on a key printed with groups and two years", () => {
  it("refuses to guess the weight column and names both candidates", async () => {
    const { code, stderr } = await cli(["allocate", "--total", fee, "--key", "nyckel-grupper.csv"]);
    expect(code).toBe(2);
    expect(stderr).toContain("flera kolumner kan vara vikten: 'Användare 2025' och 'Användare 2026'");
  });

  it.each([["Användare 2026", "split_2026_one_level"], ["Användare 2025", "split_2025_one_level"]])("splits by %s over the 12 units only, exactly", async (column, split) => {
    const { code, stdout } = await cli(["allocate", "--total", fee, "--key", "nyckel-grupper.csv", "--column", column, "--json"]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.weightColumn).toBe(column);
    expect(Object.fromEntries(result.parts.map((p: { member: string; amount: number }) => [p.member, p.amount]))).toEqual(expected.t2[split]);
  });

  it("--groups splits to the groups and then within each, exact at both levels", async () => {
    const { code, stdout } = await cli(["allocate", "--total", fee, "--key", "nyckel-grupper.csv", "--column", "Användare 2026", "--groups", "--json"]);
    expect(code).toBe(0);
    const groups = JSON.parse(stdout).groups as { group: string; amount: number; parts: { member: string; amount: number }[] }[];
    expect(Object.fromEntries(groups.map((g) => [g.group, g.amount]))).toEqual(expected.t2.split_2026_groups);
    expect(Object.fromEntries(groups.flatMap((g) => g.parts.map((p) => [p.member, p.amount])))).toEqual(expected.t2.split_2026_two_level);
  });

  it("refuses a column that is a share, and one that does not exist", async () => {
    expect((await cli(["allocate", "--total", fee, "--key", "nyckel-grupper.csv", "--column", "% fördel 2026"])).stderr).toContain("andelar i procent");
    expect((await cli(["allocate", "--total", fee, "--key", "nyckel-grupper.csv", "--column", "Användare 2027"])).stderr).toContain("kolumnen 'Användare 2027' finns inte");
  });
});

describe("samkalk fee on a budget printed with sections and a fee block", () => {
  it("gives the decided fee and the avvikelse, and lists exactly the planted findings", async () => {
    const { code, stdout } = await cli(["fee", "--budget", "budget-sektioner.csv", "--uplift", "2", "--last-fee", String(expected.t1.last_year_fee), "--key", "nyckel-grupper.csv", "--column", "Användare 2026", "--json"]);
    expect(code).toBe(1);
    const result = JSON.parse(stdout);
    expect([result.budgetTotal, result.uplift, result.fee, result.change]).toEqual([expected.t1.summa_arskostnad_decided, expected.t1.upprakning, expected.t1.new_fee, expected.t1.avvikelse]);
    expect(Object.fromEntries(result.members.map((m: { member: string; amount: number }) => [m.member, m.amount]))).toEqual(expected.t2.split_2026_one_level);
    expect(result.findings.map((f: { row: string; column: string; difference: number }) => [f.row, f.column, f.difference])).toEqual(expected.t1.findings.map((f: { row: string; column: string; difference: number }) => [f.row, f.column, f.difference]));
  });
});

describe("samkalk check on every printed table", () => {
  it.each([
    ["budget-sektioner.csv", 3],
    ["nyckel-grupper.csv", 1],
    ["uppfoljning-block.csv", 2],
    ["forandringar.csv", 0],
    ["fordelning-utan-rubrik.csv", 3],
    ["timmar-och-pris.csv", 1],
    ["medlemsblock.csv", 2],
  ])("%s: %i findings, the planted ones, and the exit code says so", async (file, count) => {
    const { code, stdout } = await cli(["check", file, "--json"]);
    expect(JSON.parse(stdout).findings).toHaveLength(count);
    expect(code).toBe(count === 0 ? 0 : 1);
  });

  it("takes a product rule the user writes", async () => {
    const { stdout } = await cli(["check", "timmar-och-pris.csv", "--rule", "Belopp = Timmar * Timpris", "--json"]);
    expect(JSON.parse(stdout).findings.map((f: { row: string; expected: number }) => [f.row, f.expected])).toEqual([["Projektledning", 45_600]]);
  });
});

describe("samkalk reconcile on a follow-up printed with a block per kommun", () => {
  it("unpivots to the long form, with the flags and totals of its description, and lists the printed Diff errors", async () => {
    const { code, stdout } = await cli(["reconcile", "uppfoljning-block.csv", "--json"]);
    expect(code).toBe(1);
    const result = JSON.parse(stdout);
    const long = expected.t3.long_form.map((r: { member: string; system: string; agreed: number | null; invoiced: number; diff: number; flag: string }) => [r.member, r.system, r.agreed, r.invoiced, r.diff, r.flag]);
    const got = result.rows.map((r: { member: string; supplier: string; agreed: number | null; invoiced: number; diff: number; flag: string }) => [r.member, r.supplier, r.agreed, r.invoiced, r.diff, r.flag]);
    const byKey = (rows: unknown[][]) => [...rows].sort((a, b) => `${a[0]}/${a[1]}`.localeCompare(`${b[0]}/${b[1]}`));
    expect(byKey(got)).toEqual(byKey(long));
    expect(Object.fromEntries(result.members.map((m: { member: string; agreed: number; invoiced: number; diff: number }) => [m.member, { agreed: m.agreed, invoiced: m.invoiced, diff: m.diff }]))).toEqual(
      Object.fromEntries(Object.entries(expected.t3.member_totals).map(([m, t]) => { const { per_capita: _, ...rest } = t as Record<string, number>; return [m, rest]; })),
    );
    expect(result.total).toEqual(expected.t3.grand_total);
    expect(result.findings.map((f: { row: string; column: string; difference: number }) => [f.row, f.column, f.difference])).toEqual([["Växel", "Björkby / Diff", 169_200], ["Summa", "Björkby / Diff", 169_200]]);
  });
});

describe("samkalk allocate --compare", () => {
  it("gives each unit's change in kronor at the same fee, 2026 − 2025 users, summing to zero", async () => {
    const { code, stdout } = await cli(["allocate", "--total", fee, "--key", "nyckel-grupper.csv", "--column", "Användare 2026", "--compare", "Användare 2025", "--json"]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(Object.fromEntries(result.parts.map((p: { member: string; change: number }) => [p.member, p.change]))).toEqual(expected.t2.difference_2026_minus_2025);
    expect(result.groups.map((g: { group: string }) => g.group)).toEqual(["Ask kommun", "Björkby kommun", "Bolagen"]);
    expect(result.groups.reduce((s: number, g: { change: number }) => s + g.change, 0)).toBe(0);
  });
});

describe("samkalk fee with the fee calculation printed under the budget", () => {
  it("takes the uplift and last year's fee from the block and finds its figures right", async () => {
    const { code, stdout } = await cli(["fee", "--budget", "budget-sektioner.csv", "--json"]);
    expect(code).toBe(1); // the budget's own three findings
    const result = JSON.parse(stdout);
    expect([result.uplift, result.fee, result.lastFee, result.change]).toEqual([expected.t1.upprakning, expected.t1.new_fee, expected.t1.last_year_fee, expected.t1.avvikelse]);
    expect(result.findings).toHaveLength(expected.t1.findings.length);
  });

  it("finds a printed Summa that is not Summa årskostnad + uppräkning, and only that", async () => {
    const printed = readFileSync(join(DIR, "budget-sektioner.csv"), "utf8").replace("Summa;;;;18 372 470 kr", "Summa;;;;18 372 471 kr");
    const { stdout } = await runReading(["fee", "--budget", "b.csv", "--json"], () => new TextEncoder().encode(printed));
    const extra = JSON.parse(stdout).findings.filter((f: { row: string }) => f.row === "Summa");
    expect(extra.map((f: { expected: number; difference: number }) => [f.expected, f.difference])).toEqual([[expected.t1.new_fee, 1]]);
  });
});
