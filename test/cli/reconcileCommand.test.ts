import { join } from "node:path";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { run } from "../../src/cli/main";
import { CliIO, nodeIO } from "../../src/cli/io";

const DIR = join(__dirname, "..", "fixtures", "tre-kommuner");
const f = (name: string) => join(DIR, name);

async function cli(args: string[]) {
  let stdout = "";
  let stderr = "";
  const io: CliIO = { ...nodeIO, stdout: (t) => void (stdout += `${t}\n`), stderr: (t) => void (stderr += `${t}\n`), today: () => new Date(2025, 10, 23) };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

/** The three-municipality follow-up: a system invoiced without a contract, a contract without invoicing. */
const EXPECTED = {
  rows: [
    { member: "Ask", supplier: "Ekonomisystem", agreed: 100000, invoiced: 112500, diff: -12500, perInhabitant: 9.11, flag: "difference" },
    { member: "Ask", supplier: "Lönesystem", agreed: 40000, invoiced: 40000, diff: 0, perInhabitant: 3.24, flag: "ok" },
    { member: "Ask", supplier: "Skolportal", agreed: null, invoiced: 48000, diff: -48000, perInhabitant: 3.89, flag: "invoiced-without-contract" },
    { member: "Björkby", supplier: "Ekonomisystem", agreed: 60000, invoiced: 58000, diff: 2000, perInhabitant: 8.54, flag: "difference" },
    { member: "Björkby", supplier: "Växel", agreed: 20000, invoiced: null, diff: 20000, perInhabitant: null, flag: "contract-without-invoice" },
    { member: "Ceder", supplier: "Ekonomisystem", agreed: 100000, invoiced: 112700, diff: -12700, perInhabitant: 4.51, flag: "difference" },
  ],
  members: [
    { member: "Ask", agreed: 140000, invoiced: 200500, diff: -60500 },
    { member: "Björkby", agreed: 80000, invoiced: 58000, diff: 22000 },
    { member: "Ceder", agreed: 100000, invoiced: 112700, diff: -12700 },
  ],
  total: { agreed: 320000, invoiced: 371200, diff: -51200 },
  // The deadlines the text output lists, within 12 months of today (2025-11-23), soonest first.
  deadlines: [
    { date: "2025-11-30", kind: "uppsägning", supplier: "Växel", member: "Björkby", periodEnd: "2026-02-28" },
    { date: "2025-12-31", kind: "option", supplier: "Lönesystem", member: "Ask", periodEnd: "2028-06-30" },
    { date: "2026-06-30", kind: "uppsägning", supplier: "Ekonomisystem", member: "Ask", periodEnd: "2026-12-31" },
    { date: "2026-06-30", kind: "uppsägning", supplier: "Ekonomisystem", member: "Björkby", periodEnd: "2026-12-31" },
    { date: "2026-06-30", kind: "uppsägning", supplier: "Ekonomisystem", member: "Ceder", periodEnd: "2026-12-31" },
  ],
};

describe("samkalk reconcile", () => {
  it("prints the issue's JSON for the three-municipality follow-up, every total consistent, and exits 1 for the flags", async () => {
    const { code, stdout } = await cli(["reconcile", f("avtal.csv"), f("utfall.csv"), "--members", f("medlemmar.csv"), "--json"]);
    expect(code).toBe(1);
    const json = JSON.parse(stdout);
    expect(json).toEqual(EXPECTED);
    for (const m of json.members) expect(m.diff).toBe(m.agreed - m.invoiced);
    expect(json.total.diff).toBe(json.total.agreed - json.total.invoiced);
  });

  it("reads Fakturerat from an SIE 4 ledger (PC-8) through the account mapping, and lists what it could not map", async () => {
    const { code, stdout, stderr } = await cli(["reconcile", f("avtal.csv"), f("huvudbok-2025.se"), "--members", f("medlemmar.csv"), "--mapping", f("kontomappning.csv"), "--year", "2025", "--json"]);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual(EXPECTED);
    expect(stderr).toContain("1 transaktion 2025 på mappade konton passar ingen rad");
    // The same words as the pane's import shows: one ledger import for both.
    expect(stderr).toContain("huvudbok-2025.se, rad 38: konto 5421, verifikat B 8 2025-04-01, 1\u00a0500,00\u00a0kr \"Felkonterad faktura\" passar ingen rad i Kontomappning (objekt 1:99)");
  });

  it("writes a Swedish table with the deadlines, options included, and exits 0 when everything agrees", async () => {
    const text = await cli(["reconcile", f("avtal.csv"), f("utfall.csv"), "--members", f("medlemmar.csv"), "--as-of", "2025-11-23"]);
    const out = text.stdout.replace(/[\u00a0\u202f]/g, " ");
    expect(out).toMatch(/Ask\s+Skolportal\s+48 000\s+-48 000\s+3,89\s+Fakturerat utan avtal/);
    expect(out).toMatch(/Björkby\s+Växel\s+20 000\s+20 000\s+saknas\s+Avtal utan fakturering/);
    expect(out).toMatch(/2025-12-31\s+option\s+Lönesystem\s+Ask\s+2028-06-30/);
    // Monthly renewal, three months notice: the running period ends 2025-11-30, notice by then ends it 2026-02-28.
    expect(out).toMatch(/2025-11-30\s+uppsägning\s+Växel\s+Björkby\s+2026-02-28/);
    const dir = mkdtempSync(join(tmpdir(), "samkalk-reconcile-"));
    writeFileSync(join(dir, "utfall.csv"), "Kommun;System;Fakturerat\nAsk;Ekonomisystem;100000\nAsk;Lönesystem;40000\nBjörkby;Ekonomisystem;60000\nBjörkby;Växel;20000\nCeder;Ekonomisystem;100000\n");
    writeFileSync(join(dir, "avtal.csv"), readFileSync(f("avtal.csv")).toString("latin1").replace(/\r\nAsk;Skolportal;n\/a;;;;;;/, ""), "latin1");
    const agreed = await cli(["reconcile", join(dir, "avtal.csv"), join(dir, "utfall.csv"), "--json"]);
    expect(agreed.code).toBe(0);
    expect(JSON.parse(agreed.stdout).total).toEqual({ agreed: 320000, invoiced: 320000, diff: 0 });
  });

  it("flags a register row with neither amount as no-amounts, counts it as 0 and exits 0 when nothing else is off", async () => {
    const dir = mkdtempSync(join(tmpdir(), "samkalk-reconcile-"));
    writeFileSync(join(dir, "avtal.csv"), "Kommun;System;Avtalat;Slutdatum\nAsk;Ekonomisystem;100 000;2026-12-31\nAsk;Skolportal;n/a;2026-06-30\n");
    writeFileSync(join(dir, "utfall.csv"), "Kommun;System;Fakturerat\nAsk;Ekonomisystem;100 000\n");
    const json = await cli(["reconcile", join(dir, "avtal.csv"), join(dir, "utfall.csv"), "--json"]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).rows).toEqual([
      { member: "Ask", supplier: "Ekonomisystem", agreed: 100000, invoiced: 100000, diff: 0, perInhabitant: null, flag: "ok" },
      { member: "Ask", supplier: "Skolportal", agreed: null, invoiced: null, diff: 0, perInhabitant: null, flag: "no-amounts" },
    ]);
    const text = await cli(["reconcile", join(dir, "avtal.csv"), join(dir, "utfall.csv")]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Ask\s+Skolportal\s+0\s+saknas\s+Belopp saknas/);
    expect(text.stdout).not.toContain("Fakturerat utan avtal");
  });

  it("exits 2 naming file, row and column on bad input, and requires a mapping for a ledger", async () => {
    const bad = await cli(["reconcile", f("utfall.csv"), f("utfall.csv")]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("utfall.csv, rad 1, kolumn Avtalat: kolumnen Avtalat saknas");
    const ledger = await cli(["reconcile", f("avtal.csv"), f("huvudbok-2025.se")]);
    expect([ledger.code, ledger.stderr]).toEqual([2, expect.stringContaining("--mapping")]);
    expect(readFileSync(f("huvudbok-2025.se"))[0]).toBe(0x23);
  });
});

describe("samkalk reconcile with an index clause", () => {
  it("uplifts the agreed amount by the Index table given, as the pane does, and says so when the series is missing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "samkalk-index-"));
    const write = (name: string, text: string) => {
      writeFileSync(join(dir, name), `\ufeff${text}`);
      return join(dir, name);
    };
    const contracts = write("avtal.csv", "Leverantör;Kommun;Avtalat;Startdatum;Slutdatum;Indexserie;Basmånad\nVisma;Ask;100 000;2024-01-01;2027-12-31;KPI;2024-10\n");
    const outcomes = write("utfall.csv", "Leverantör;Kommun;Fakturerat\nVisma;Ask;103 000\n");
    const index = write("index.csv", "Indexserie;Månad;Värde\nKPI;2024-10;400\nKPI;2025-10;412\n");
    const indexed = await cli(["reconcile", contracts, outcomes, "--index", index, "--as-of", "2025-11-23", "--json"]);
    expect(indexed.code).toBe(0);
    // 100 000 × 412 / 400 = 103 000: invoiced exactly the indexed amount.
    expect(JSON.parse(indexed.stdout).rows.map((r: { diff: number; flag: string }) => [r.diff, r.flag])).toEqual([[0, "ok"]]);
    const without = await cli(["reconcile", contracts, outcomes, "--as-of", "2025-11-23", "--json"]);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain("indexserien 'KPI' finns inte");
  });
});
