import { EmbeddedWorkbook } from "../workbook/embeddedWorkbook";
import { BUDGET, COST_OUTCOMES, GUARANTEES, INDEX, KEY, MEMBERS, MEMBER_COSTS, PENALTIES, TABLES, tableFormats, tableHeaders } from "../model/tables";
import { CONTRACTS } from "../model/contracts";
import { OUTCOMES } from "../model/outcomes";
import { makeDate, toExcelSerial } from "../core/dates";
import { CALL_OFFS, PRICES } from "../model/catalogue";

/**
 * The demo workbook of the standalone page: a synthetic collaboration of four invented
 * municipalities (no real data) with its model tables and a sheet that already uses SAMKALK.
 * The budget, key and fee are DOMAIN.md §3's worked example: the 2027 fee is 5 013 300 kr.
 */
const date = (y: number, m: number, d: number) => toExcelSerial(makeDate(y, m, d));

export const DEMO_MEMBERS = [
  ["Ask", 12345],
  ["Björkby", 6789],
  ["Ceder", 25010],
  ["Dal", 3001],
] as const;

/** Two versions of the users key: the count of March 2027 applies from April, so Q1 2027 is trued up. */
export const DEMO_KEY: [string, string, number, number, string, number][] = [
  ...([["Ask", 400], ["Björkby", 240], ["Ceder", 640], ["Dal", 120]] as const).map(([m, w]): [string, string, number, number, string, number] => ["Användare 2026", "Användare", date(2026, 3, 15), date(2026, 1, 1), m, w]),
  ...([["Ask", 410], ["Björkby", 230], ["Ceder", 655], ["Dal", 118]] as const).map(([m, w]): [string, string, number, number, string, number] => ["Användare 2027", "Användare", date(2027, 3, 15), date(2027, 4, 1), m, w]),
];

export async function buildDemoWorkbook(): Promise<EmbeddedWorkbook> {
  const wb = new EmbeddedWorkbook(["Exempel"]);
  await wb.writeSheets([{
    sheet: "Exempel",
    cells: [
      ["Medlem", "Invånare", "FORDELA 100 000 kr (50 % rak andel)", "Andel", "Avtalat", "Fakturerat", "AVTALSDIFF"],
      ["Ask", 12345, { formula: "=SAMKALK.FORDELA(100000,B2:B5,0.5)" }, { formula: "=SAMKALK.NYCKELANDEL(B2:B5)" }, 100000, 112500, { formula: "=SAMKALK.AVTALSDIFF(E2:E5,F2:F5)" }],
      ["Björkby", 6789, null, null, 40000, null, null],
      ["Ceder", 25010, null, null, null, 7300, null],
      ["Dal", 3001, null, null, 12500, 12500, null],
      ["Summa", { formula: "=SUM(B2:B5)" }, { formula: "=SUM(C2:C5)" }, { formula: "=SUM(D2:D5)" }, null, null, null],
      [null],
      ["Kvartal 2027 (PERIODISERA)", { formula: "=SAMKALK.PERIODISERA(1020001,4)" }],
      ["Säg upp senast (UPPSAGNINGSDAG, slut 2027-04-30, 6 mån)", { formula: "=SAMKALK.UPPSAGNINGSDAG(\"2027-04-30\",6)" }],
      ["Uppräknat 2 % (UPPRAKNA)", { formula: "=SAMKALK.UPPRAKNA(1000000,0.02)" }],
    ],
    cellFormats: [
      { address: "B2:C6", format: "#,##0" },
      { address: "D2:D6", format: "0.00%" },
      { address: "E2:G5", format: "#,##0" },
      { address: "B8:E8", format: "#,##0" },
      { address: "B9", format: "yyyy-mm-dd" },
      { address: "B10", format: "#,##0" },
    ],
    boldRows: [0, 5],
  }]);
  await wb.writeTables([
    { name: TABLES.members, sheet: "Modell", headers: tableHeaders(MEMBERS), numberFormats: tableFormats(MEMBERS), rows: DEMO_MEMBERS.map((m) => [...m, null]) },
    { name: TABLES.key, sheet: "Modell", topLeft: "D1", headers: tableHeaders(KEY), numberFormats: tableFormats(KEY), rows: DEMO_KEY },
    {
      name: TABLES.memberCosts, sheet: "Modell", topLeft: "K1", headers: tableHeaders(MEMBER_COSTS), numberFormats: tableFormats(MEMBER_COSTS),
      rows: [
        ["Ask", "Stadsnät", 48_000, null, null],
        ["Ask", "Systemägare ekonomisystem", null, 0.5, 570_000],
        ["Björkby", "Växel", 21_000, null, null],
        ["Ceder", "Licenser skolplattform", 64_500, null, null],
        ["Dal", "Historisk skuld", 9_000, null, null],
      ],
    },
    {
      name: TABLES.budget, sheet: "Budget", headers: tableHeaders(BUDGET), numberFormats: tableFormats(BUDGET),
      rows: [
        ["Teknikplattformar", "Plattformar", 1_200_000, 2, 1_140_000, 2_340_000],
        ["Teknikplattformar", "Nätverk", 350_000, 1.5, 855_000, 1_205_000],
        ["OH", "Hyra", 420_000, 0, 0, 420_000],
        ["OH", "Ledning", 0, 1, 950_000, 950_000],
      ],
    },
    {
      name: TABLES.costOutcomes, sheet: "Budget", topLeft: "H1", headers: tableHeaders(COST_OUTCOMES), numberFormats: tableFormats(COST_OUTCOMES),
      rows: [
        ["Teknikplattformar", "Plattformar", null, 2_296_400],
        ["Teknikplattformar", "Nätverk", null, 1_251_900],
        ["OH", "Hyra", null, 420_000],
        ["OH", "Ledning", null, 911_250],
        ["OH", "Konsulter", null, 38_000],
        [null, "Stadsnät", "Ask", 51_200],
        [null, "Systemägare ekonomisystem", "Ask", 285_000],
        [null, "Växel", "Björkby", 19_800],
        [null, "Licenser skolplattform", "Ceder", 64_500],
        [null, "Historisk skuld", "Dal", 9_000],
      ],
    },
    {
      name: TABLES.contracts, sheet: "Avtal", headers: tableHeaders(CONTRACTS), numberFormats: tableFormats(CONTRACTS),
      rows: [
        ["Ekonomisystem", "Ask", 100000, date(2020, 5, 1), date(2024, 4, 30), 12, 6, null, null, null, null, "KPI", "2023-10"],
        ["Ekonomisystem", "Björkby", 40000, date(2019, 1, 1), date(2021, 12, 31), 24, 6, null, null, null, null, null, null],
        ["E-tjänsteplattform", "Ceder", 65000, date(2023, 1, 1), date(2026, 12, 31), null, null, null, 12, 2, "6 mån före", null, null],
        ["Växel", "Dal", 12500, date(2022, 7, 1), date(2025, 6, 30), 12, null, "30 dec året före", null, null, null, null, null],
      ],
    },
    {
      name: TABLES.outcomes, sheet: "Utfall", headers: tableHeaders(OUTCOMES), numberFormats: tableFormats(OUTCOMES),
      rows: [
        ["Ekonomisystem", "Ask", 112500],
        ["E-tjänsteplattform", "Ceder", 65000],
        ["Skrivartjänst", "Ceder", 7300],
        ["Växel", "Dal", 12500],
      ],
    },
  ]);
  await wb.writeTables([
    {
      name: TABLES.prices, sheet: "Tjänster", headers: tableHeaders(PRICES), numberFormats: tableFormats(PRICES),
      rows: [
        ["Datorpaket", "st", 412.5, date(2026, 1, 1), date(2026, 12, 31), null],
        ["Datorpaket", "st", 430, date(2027, 1, 1), null, 0.02],
        ["Supporttimme", "tim", 850, null, null, null],
        ["Molnlagring", "TB/mån", 95, null, null, null],
      ],
    },
    {
      name: TABLES.callOffs, sheet: "Tjänster", topLeft: "H1", headers: tableHeaders(CALL_OFFS), numberFormats: tableFormats(CALL_OFFS),
      rows: [
        ["Ask", "Datorpaket", 120, date(2026, 6, 15)],
        ["Björkby", "Datorpaket", 40, date(2026, 9, 1)],
        ["Ceder", "Datorpaket", 30, date(2026, 10, 1)],
        ["Ask", "Supporttimme", 12.5, date(2027, 1, 20)],
        ["Ceder", "Molnlagring", 8, date(2027, 2, 1)],
        ["Dal", "Supporttimme", 3, date(2027, 3, 5)],
      ],
    },
    { name: TABLES.guarantees, sheet: "Tjänster", topLeft: "M1", headers: tableHeaders(GUARANTEES), numberFormats: tableFormats(GUARANTEES), rows: [["Datorleverantören AB", "Datorpaket", date(2026, 4, 1), 250, 400, "Engång", "efter eget underskott"]] },
    {
      name: TABLES.index, sheet: "Index", headers: tableHeaders(INDEX), numberFormats: tableFormats(INDEX),
      rows: [["KPI", "2023-10", 399.4], ["KPI", "2024-10", 407.2], ["KPI", "2025-10", 415.1], ["KPI", "2026-10", 421.9]],
    },
    { name: TABLES.penalties, sheet: "Tjänster", topLeft: "U1", headers: tableHeaders(PENALTIES), numberFormats: tableFormats(PENALTIES), rows: [
        ["Ceder", "Datorleverantören AB", "2027 Q1", "SLA", 5000, "Tillgänglighet 97,1 % mot avtalade 99,5 % i februari"],
        ["Ask", "Datorleverantören AB", "2027 Q1", "Försenad leverans", 2500, "Leverans 12 dagar sen"],
        ["Ask", "Datorleverantören AB", "2027 Q1", "Börkrav", 1500, "Utlovad utbildning ej genomförd"],
      ] },
  ]);
  await wb.saveSettings({ lastYearFee: "4900000", upliftRate: "0.02", equalShare: "0", year: "2027", keyVersion: "" });
  await wb.selectRange("Exempel", "A1");
  return wb;
}
