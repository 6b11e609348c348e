import { hostingOptions, importHostingCosts } from "../../src/model/hostingCosts";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { populationKey, populationKeyRows } from "../../src/app/population";
import { formatIsoDate, makeDate } from "../../src/core/dates";
import { procurementSavings } from "../../src/core/savings";
import { compareHosting } from "../../src/core/hosting";
import { toAmount } from "../../src/core/money";
import { savingsRows } from "../../src/app/savings";
import { hostingRows } from "../../src/app/hosting";
import { addToPriceList, capitalCostRows, capitalCosts, priceListSpec } from "../../src/app/capitalCosts";
import { bridgeFromPrinted, bridgeRows } from "../../src/app/feeBridge";
import { checkTable } from "../../src/core/tablecheck";
import { CellInput, amountToCellNumber, isAmount } from "../../src/core/cells";
import { EmbeddedWorkbook } from "../../src/workbook/embeddedWorkbook";
import { readModel } from "../../src/app/model";

/** What the sheet would show: exact amounts as cell numbers. */
const asCells = (rows: CellInput[][]) => rows.map((r) => r.map((c) => (isAmount(c) ? amountToCellNumber(c) : (c as string | number | null))));

describe("the calculators' tables pass the product's own table check", () => {
  it("savings: every row's saving is its hours apart × 425, and the sum row sums", () => {
    const rows = savingsRows(procurementSavings([
      { activity: "Förfrågningsunderlag och kravställning", oneMember: 110, together: 210 },
      { activity: "Annonsering och frågor under anbudstiden", oneMember: 50, together: 110 },
      { activity: "Anbudsutvärdering", oneMember: 30, together: 120 },
      { activity: "Avtalsskrivning och införande", oneMember: 80, together: 200 },
    ], 5, 425));
    expect(rows[5]).toEqual(["Summa", toAmount(270), toAmount(1350), toAmount(640), toAmount(710), toAmount(573_750), toAmount(272_000), toAmount(301_750), toAmount("0.5259")]);
    const grid = asCells(rows).map((r) => r.slice(0, 8));
    expect(checkTable(grid, ["Sparade timmar = Timmar 5 var för sig - Timmar tillsammans", "Besparing (kr) = Kostnad var för sig - Kostnad tillsammans"])).toEqual([]);
  });

  it("hosting: each row's years sum to its total, and the members to the alternative's row", () => {
    const key = [{ member: "Bollnäs", weight: toAmount(26_279) }, { member: "Ljusdal", weight: toAmount(18_853) }, { member: "Ovanåker", weight: toAmount(11_405) }];
    const rows = hostingRows(compareHosting([
      { name: "Moln", monthly: [{ label: "Licens", amount: 38_500 }, { label: "Support", amount: 6_000 }], oneOff: [{ label: "Flytt", amount: 50_000 }, { label: "Utbildning", amount: 24_000 }] },
      { name: "Egen drift", monthly: [{ label: "Drift", amount: 31_000 }, { label: "Personal", amount: 9_500 }], oneOff: [{ label: "Servrar", amount: 260_000 }, { label: "Installation", amount: 40_000 }] },
    ], key, 36, { year: 2027, month: 1 }));
    expect(rows[0]).toEqual(["Alternativ", "Medlem", "2027", "2028", "2029", "Summa"]);
    const grid = asCells(rows);
    for (const row of grid.slice(1)) expect((row[2] as number) + (row[3] as number) + (row[4] as number)).toBe(row[5]);
    for (const start of [1, 5, 9]) for (const col of [2, 3, 4, 5]) {
      expect((grid[start + 1][col] as number) + (grid[start + 2][col] as number) + (grid[start + 3][col] as number)).toBe(grid[start][col]);
    }
    expect(grid[9]).toEqual(["Skillnad (Moln − Egen drift)", "Alla", -27_336, -27_328, -27_336, -82_000]);
  });

  it("capital costs: the plan's rows, and 2028's price per user written as a Prislista the model reads back", async () => {
    const { plan, prices } = capitalCosts([
      { name: "Nätverksutrustning", year: 2027, amount: 1_200_000, years: 5 },
      { name: "Servrar", year: 2028, amount: 900_000, years: 3 },
    ], "0.02", { service: "IT-arbetsplats, kapitalkostnad", unit: "användare/år", volumes: new Map([[2028, 4_120]]) });
    const rows = capitalCostRows(plan);
    expect(asCells(rows).slice(-5).map((r) => [r[0], r[5]])).toEqual([["Summa 2027", 264_000], ["Summa 2028", 577_200], ["Summa 2029", 566_400], ["Summa 2030", 555_600], ["Summa 2031", 244_800]]);
    expect(checkTable(asCells(rows).slice(0, 9), ["Kapitalkostnad = Avskrivning + Internränta"])).toEqual([]);
    const wb = new EmbeddedWorkbook(["Blad1"]);
    await wb.writeTables([priceListSpec(prices)]);
    const model = await readModel(wb);
    expect(model.prices.map((p) => [p.service, p.unit, p.price.toFixed(2)])).toEqual([["IT-arbetsplats, kapitalkostnad", "användare/år", "140.10"]]);
  });

  it("fee bridge: the sheet's rows run from last year's fee to this year's with the remainder", () => {
    const source = { file: "f.csv", headers: ["Beslutad förändring", "Belopp (kr)"], rows: [["Ny roll", "(+ 980 000)"], ["Personalminskning", "(-285 000)"], ["Summa", "695 000"]], rowNumbers: [2, 3, 4] };
    const report = bridgeFromPrinted(source, 10_000_000, 10_700_000);
    expect(report.printedTotal).toMatchObject({ line: 4, matches: true });
    expect(asCells(bridgeRows(report.bridge))).toEqual([
      ["Post", "Förändring", "Avgift efter"],
      ["Beslutad avgift föregående år", null, 10_000_000],
      ["Ny roll", 980_000, 10_980_000],
      ["Personalminskning", -285_000, 10_695_000],
      ["Summa förändringar", 695_000, null],
      ["Beslutad avgift i år", null, 10_700_000],
      ["Oförklarad rest", 5_000, null],
    ]);
    // The sheet passes the product's own table check.
    expect(checkTable(asCells(bridgeRows(report.bridge)))).toEqual([]);
  });
});

describe("a population key in the workbook", () => {
  it("becomes a key version that records SCB's reference date", async () => {
    const key = populationKey(new Uint8Array(readFileSync(join(__dirname, "../fixtures/scb/folkmangd-1-november.json"))), "f.json", makeDate(2025, 11, 1), ["Bollnäs", "Ljusdal", "Ovanåker"]);
    const [headers, ...rows] = populationKeyRows(key);
    const wb = new EmbeddedWorkbook(["Blad1"]);
    await wb.writeTables([{ name: "Nyckel", sheet: "Nyckel", headers: headers as string[], rows }]);
    const model = await readModel(wb);
    expect(model.keyVersions.map((v) => [v.name, v.driver, v.referenceDate && formatIsoDate(v.referenceDate), v.entries.map((e) => [e.member, e.weight.toFixed()])])).toEqual([
      ["Invånare 2025-11-01", "Invånare", "2025-11-01", [["Bollnäs", "26262"], ["Ljusdal", "18812"], ["Ovanåker", "11380"]]],
    ]);
  });
});

describe("hosting costs as a table", () => {
  it("reads Alternativ; Post; Typ; Belopp and names the row of an unknown type", () => {
    const table = { file: "k.csv", headers: ["Alternativ", "Post", "Typ", "Belopp"], rows: [["Moln", "Licens", "per månad", "38 500"], ["Moln", "Flytt", "engång", "50 000"], ["Egen", "Drift", "ibland", "1"]], rowNumbers: [2, 3, 4] };
    expect(importHostingCosts(table).errors).toEqual([{ file: "k.csv", row: 4, column: "Typ", message: "typen 'ibland' ska vara \"per månad\" eller \"engång\"" }]);
    const ok = importHostingCosts({ ...table, rows: table.rows.slice(0, 2), rowNumbers: [2, 3] });
    expect(hostingOptions(ok.records).map((o) => [o.name, o.monthly.length, o.oneOff.length])).toEqual([["Moln", 1, 1]]);
  });
});

describe("capital cost prices into an existing Prislista", () => {
  it("keeps the other prices and replaces only the same service from the same day", async () => {
    const plan = (amount: number) => capitalCosts([{ name: "Servrar", year: 2028, amount, years: 3 }], "0.02", { service: "Serverdrift, kapitalkostnad", unit: "server/år", volumes: new Map([[2028, 100]]) });
    const wb = new EmbeddedWorkbook(["Blad1"]);
    const other = { service: "Support", unit: "timme", price: toAmount(650), validFrom: makeDate(2027, 1, 1), validTo: null };
    await wb.writeTables([priceListSpec([other, ...plan(600_000).prices])]);
    await addToPriceList(wb, plan(900_000).prices);
    const model = await readModel(wb);
    expect(model.prices.map((p) => [p.service, p.price.toFixed(2)])).toEqual([["Support", "650.00"], ["Serverdrift, kapitalkostnad", "3180.00"]]);
  });
});
