import { EmbeddedWorkbook } from "../../src/workbook/embeddedWorkbook";
import { addToPriceList, capitalCostRows, capitalCosts, priceListSpec } from "../../src/app/capitalCosts";
import { readModel } from "../../src/app/model";
import { amountToCellNumber, isAmount } from "../../src/core/cells";
import { formatIsoDate, makeDate } from "../../src/core/dates";
import { toAmount } from "../../src/core/money";
import { checkTable } from "../../src/core/tablecheck";

const SERVICE = { service: "Serverdrift, kapitalkostnad", unit: "server/år" };
/** 300 000 kr from 2027 over 3 years at 3 %: 100 000 a year, interest 9 000, 6 000, 3 000. */
const SERVERS = [{ name: "Servrar", year: 2027, amount: 300_000, years: 3 }];
const plan = (volumes: [number, number][]) => capitalCosts(SERVERS, "0.03", { ...SERVICE, volumes: new Map(volumes) });
const prices = async (wb: EmbeddedWorkbook) => (await readModel(wb, 2027)).prices.map((p) => [p.service, p.price.toFixed(2), p.validFrom && formatIsoDate(p.validFrom), p.validTo && formatIsoDate(p.validTo)]);

describe("an investment plan's capital costs", () => {
  it("prices each year with a volume at its capital cost per unit, to the öre, valid that calendar year", () => {
    const { plan: p, prices: list } = plan([[2027, 200], [2029, 150]]);
    expect(p.perYear.map((y) => y.capitalCost.toNumber())).toEqual([109_000, 106_000, 103_000]);
    // 109 000 / 200 = 545; 103 000 / 150 = 686,666… rounds half up to 686,67.
    expect(list.map((e) => [e.price.toFixed(2), formatIsoDate(e.validFrom!), formatIsoDate(e.validTo!)])).toEqual([["545.00", "2027-01-01", "2027-12-31"], ["686.67", "2029-01-01", "2029-12-31"]]);
    expect(list.every((e) => e.service === SERVICE.service && e.unit === SERVICE.unit)).toBe(true);
  });

  it("refuses a volume for a year the plan has no capital cost in", () => {
    expect(() => plan([[2027, 200], [2030, 150]])).toThrow("investeringsplanen har ingen kapitalkostnad 2030");
  });

  it("as a sheet: a row per investment and year, then each year's sum without a book value, every row Avskrivning + Internränta", () => {
    const rows = capitalCostRows(plan([]).plan).map((r) => r.map((c) => (isAmount(c) ? amountToCellNumber(c) : (c as string | number | null))));
    expect(rows.slice(1)).toEqual([
      ["Servrar", 2027, 300_000, 100_000, 9_000, 109_000],
      ["Servrar", 2028, 200_000, 100_000, 6_000, 106_000],
      ["Servrar", 2029, 100_000, 100_000, 3_000, 103_000],
      ["Summa 2027", 2027, null, 100_000, 9_000, 109_000],
      ["Summa 2028", 2028, null, 100_000, 6_000, 106_000],
      ["Summa 2029", 2029, null, 100_000, 3_000, 103_000],
    ]);
    expect(checkTable(rows.slice(0, 4), ["Kapitalkostnad = Avskrivning + Internränta"])).toEqual([]);
  });
});

describe("capital cost prices into the workbook's Prislista", () => {
  it("create the Prislista on a sheet of its own when there is none", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    await addToPriceList(wb, plan([[2027, 200]]).prices);
    expect((await wb.readTables(["Prislista"]))[0]!.sheet).toBe("Prislista");
    expect(await prices(wb)).toEqual([[SERVICE.service, "545.00", "2027-01-01", "2027-12-31"]]);
  });

  it("keep the table's sheet and the same service's other years, and replace the same first day however the name is spaced or cased", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    const support = { service: "Support", unit: "timme", price: toAmount(650), validFrom: makeDate(2027, 1, 1), validTo: null };
    const typed = { ...plan([[2027, 100], [2028, 100]]).prices[0], service: "  serverdrift,  KAPITALKOSTNAD " };
    await wb.writeTables([priceListSpec([support, typed, plan([[2028, 100]]).prices[0]], "Tjänster")]);
    await addToPriceList(wb, plan([[2027, 200]]).prices);
    expect((await wb.readTables(["Prislista"]))[0]!.sheet).toBe("Tjänster");
    // 2028's 106 000 / 100 = 1 060 stays; 2027's 1 090 typed by hand gives way to 545.
    expect(await prices(wb)).toEqual([
      ["Support", "650.00", "2027-01-01", null],
      [SERVICE.service, "1060.00", "2028-01-01", "2028-12-31"],
      [SERVICE.service, "545.00", "2027-01-01", "2027-12-31"],
    ]);
  });

  it("refuse a Prislista with other columns than Samkalk's, naming them, and leave the workbook as it was", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    await wb.writeTables([{ name: "Prislista", sheet: "Priser", headers: ["Tjänst", "Pris"], rows: [["Support", 650]] }]);
    const before = JSON.stringify(wb.snapshot());
    await expect(addToPriceList(wb, plan([[2027, 200]]).prices)).rejects.toThrow(
      "tabellen Prislista har kolumnerna Tjänst, Pris; väntade Tjänst, Enhet, Pris, Giltig från, Giltig till, Årlig uppräkning. Importera prislistan igen så att den har Samkalks kolumner",
    );
    expect(JSON.stringify(wb.snapshot())).toBe(before);
  });
});
