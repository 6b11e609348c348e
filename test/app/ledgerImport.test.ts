import { readFileSync } from "node:fs";
import { join } from "node:path";
import { EmbeddedWorkbook } from "../../src/workbook/embeddedWorkbook";
import { isLedgerFile, readLedgerOutcomes } from "../../src/app/ledgerImport";
import { ACCOUNT_MAPPING, TABLES, tableHeaders } from "../../src/model/tables";

/**
 * Three municipalities' ledger for 2025 in SIE 4 (PC-8): Ekonomisystem on 5421 per kommun object,
 * Lönesystem on 5422, a Skolportal licence on 5423 known by its text, 1 500 kr on an object no
 * kommun has, a 2024 voucher, and the bank side of each voucher on 1930.
 */
const LEDGER = new Uint8Array(readFileSync(join(__dirname, "../fixtures/tre-kommuner/huvudbok-2025.se")));
const MAPPING = [
  ["5421", "1:10", null, "Ask", "Ekonomisystem"],
  ["5421", "1:20", null, "Björkby", "Ekonomisystem"],
  ["5421", "1:30", null, "Ceder", "Ekonomisystem"],
  ["5422", "1:10", null, "Ask", "Lönesystem"],
  ["5423", null, "Skolportal", "Ask", "Skolportal"],
];

async function withMapping(rows: (string | null)[][]): Promise<EmbeddedWorkbook> {
  const wb = new EmbeddedWorkbook(["Blad1"]);
  await wb.writeTables([{ name: TABLES.accountMapping, sheet: "Modell", headers: tableHeaders(ACCOUNT_MAPPING), rows }]);
  return wb;
}

const invoiced = (outcomes: { member: string; supplier: string; invoiced: { toNumber(): number } | null }[]) => outcomes.map((o) => [o.member, o.supplier, o.invoiced?.toNumber()]);

describe("Fakturerat from a ledger by the workbook's Kontomappning", () => {
  it("sums the year's transactions per member and system, the first matching mapping row taking each", async () => {
    const run = await readLedgerOutcomes(await withMapping(MAPPING), LEDGER, "huvudbok-2025.se", 2025);
    expect(run.errors).toEqual([]);
    // Ekonomisystem was invoiced twice a year: Ask 2 × 56 250, Björkby 2 × 29 000, Ceder 2 × 56 350.
    expect(invoiced(run.outcomes)).toEqual([["Ask", "Ekonomisystem", 112_500], ["Björkby", "Ekonomisystem", 58_000], ["Ceder", "Ekonomisystem", 112_700], ["Ask", "Lönesystem", 40_000], ["Ask", "Skolportal", 48_000]]);
    // 6 + 2 transactions mapped; the bank side of the four 2025 vouchers is on another account.
    expect(run.summary).toBe("huvudbok-2025.se: 8 transaktioner 2025 blev 5 rader Fakturerat; 1 omappade på mappade konton, 4 på andra konton.");
  });

  it("lists a transaction on a mapped account that no row matches, never dropping it silently", async () => {
    const run = await readLedgerOutcomes(await withMapping(MAPPING), LEDGER, "huvudbok-2025.se", 2025);
    expect(run.unmapped.map((u) => [u.file, u.row])).toEqual([["huvudbok-2025.se", 38]]);
    expect(run.unmapped[0].message).toMatch(/^konto 5421, verifikat B 8 2025-04-01, .*"Felkonterad faktura" passar ingen rad i Kontomappning \(objekt 1:99\)$/);
  });

  it("gives a transaction that two rows match to the first of them", async () => {
    const run = await readLedgerOutcomes(await withMapping([...MAPPING, ["5421", null, null, "Gemensamt", "Ekonomisystem"]]), LEDGER, "huvudbok-2025.se", 2025);
    // Only the 1 500 kr on object 99 is left for the account-wide row.
    expect(invoiced(run.outcomes).filter(([, supplier]) => supplier === "Ekonomisystem")).toEqual([["Ask", "Ekonomisystem", 112_500], ["Björkby", "Ekonomisystem", 58_000], ["Ceder", "Ekonomisystem", 112_700], ["Gemensamt", "Ekonomisystem", 1_500]]);
    expect(run.unmapped).toEqual([]);
  });

  it("takes only the year asked for", async () => {
    const run = await readLedgerOutcomes(await withMapping(MAPPING), LEDGER, "huvudbok-2025.se", 2024);
    expect(invoiced(run.outcomes)).toEqual([["Ask", "Ekonomisystem", 9_999]]);
  });

  it("imports nothing without a mapping, saying what the mapping is for", async () => {
    const run = await readLedgerOutcomes(new EmbeddedWorkbook(["Blad1"]), LEDGER, "huvudbok-2025.se", 2025);
    expect(run.outcomes).toEqual([]);
    expect(run.errors).toEqual([{ file: "tabellen Kontomappning", row: 1, column: "Konto", message: expect.stringMatching(/^tabellen Kontomappning saknas eller är tom/) }]);
  });

  it("imports nothing while a mapping row or a line of the file cannot be read, naming each", async () => {
    const broken = new TextEncoder().encode("#SIETYP 4\r\n#VER A 1 20250131 \"x\"\r\n{\r\n#TRANS 54X1 {} 100.00\r\n}\r\n");
    const run = await readLedgerOutcomes(await withMapping([...MAPPING, ["54A", null, null, "Dal", "Växel"]]), broken, "trasig.se", 2025);
    expect(run.outcomes).toEqual([]);
    expect(run.errors.map((e) => [e.file, e.row, e.column])).toEqual([["trasig.se", 4, "kontonr"], ["blad Modell, tabell Kontomappning", 7, "Konto"]]);
  });
});

describe("a ledger file", () => {
  it("is known by its SIE extension", () => {
    expect(["bok.se", "BOK.SI", "export.sie", "utfall.csv", "se.xlsx"].map(isLedgerFile)).toEqual([true, true, true, false, false]);
  });
});
