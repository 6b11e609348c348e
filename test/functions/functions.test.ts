import { cellBlock } from "../workbook/cellBlock";
import fc from "fast-check";
import * as F from "../../src/functions/functions";
import { errorOf } from "./errorOf";
import { contractEndValue } from "../../src/functions/contractFunctions";



const column = (...values: unknown[]) => values.map((v) => [v]) as any[][];
const sum = (m: number[][]) => m.flat().reduce((s, x) => s + x, 0);

describe("FORDELA / ALLOCATE", () => {
  it("reproduces DOMAIN.md's worked example, keeping the column shape", () => {
    expect(F.allocate(100000, column(12345, 6789, 25010, 3001), 0.5)).toEqual([[25593], [19700], [39024], [15683]]);
  });

  it("keeps a row a row, and a 1-cell range a 1×1 array", () => {
    expect(F.allocate(10, [[1, 1, 1]])).toEqual([[4, 3, 3]]);
    expect(F.allocate(10, [[5]])).toEqual([[10]]);
  });

  it("reads blanks as excluded and Swedish number text as numbers", () => {
    expect(F.allocate("1 000 kr", column("", "1 200", null, "3,6 tkr"), "50 %")).toEqual([[0], [375], [0], [625]]); // 250 each + 500 × 1200/4800 and × 3600/4800
  });

  it("rounds to öre and reads 0.1+0.2 the way Excel shows it", () => {
    expect(F.allocate(0.1 + 0.2, column(1, 1), undefined, 2)).toEqual([[0.15], [0.15]]);
  });

  it("reads a weight Excel computed as 0.1+0.2 as the 0,3 it shows, on the fast path for plain numbers too", () => {
    // Read as 0.30000000000000004, the second weight was the larger one and took the odd öre.
    expect(F.allocate(0.01, column(0.3, 0.1 + 0.2), undefined, 2)).toEqual(F.allocate(0.01, column(0.3, 0.3), undefined, 2));
  });

  it.each([
    [() => F.allocate(100, column(1, "tio", 2)), "#VALUE!", "vikter, rad 2: texten 'tio' är inget tal"],
    [() => F.allocate(100, [[1, true]]), "#VALUE!", "vikter, kolumn 2: true är inget tal"],
    [() => F.allocate(100, column(1, -2)), "#VALUE!", "vikter, rad 2: vikten -2 är negativ; en vikt ska vara 0 eller större"],
    [() => F.allocate(100, column(0, "")), "#VALUE!", "vikter: alla vikter är noll, så det finns inget att fördela efter"],
    [() => F.allocate("hundra", column(1)), "#VALUE!", "belopp: texten 'hundra' är inget tal"],
    [() => F.allocate(100, column(1), 1.5), "#VALUE!", "rak_andel: rak andel måste vara mellan 0 och 1 (0–100 %), inte 1,5"],
    [() => F.allocate(100.5, column(1, 1)), "#VALUE!", "belopp: beloppet 100,5 har fler decimaler än 0; välj fler decimaler eller avrunda beloppet först"],
    [() => F.allocate(100, column(1), 0, 3), "#VALUE!", "decimaler ska vara ett heltal från 0 till 2, inte 3"],
    [() => F.allocate(100, [[1, 2], ["n/a", 3]]), "#VALUE!", "vikter, rad 2, kolumn 1: värde saknas (lämna tom eller skriv 0 för att utesluta)"],
    // Every error a user must fix is #VALUE! with its message: Excel shows no message with #NUM! or #DIV/0!.
  ])("gives the right Excel error (%#)", (call, code, message) => {
    expect(errorOf(call)).toEqual({ code, message });
  });

  it("sums exactly to belopp for any range with blanks and Swedish text (property)", () => {
    const cell = fc.oneof(
      fc.integer({ min: 0, max: 1_000_000 }),
      fc.integer({ min: 0, max: 1_000_000 }).map((n) => n.toLocaleString("sv-SE")),
      fc.integer({ min: 0, max: 100_000 }).map((n) => `${(n / 100).toFixed(2).replace(".", ",")}`),
      fc.constantFrom("", null),
    );
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.array(cell, { minLength: 1, maxLength: 50 }), fc.boolean(), (total, cells, asRow) => {
        fc.pre(cells.some((c) => c !== "" && c !== null && Number(String(c).replace(/\s/g, "").replace(",", ".")) > 0));
        const range = asRow ? [cells] : cells.map((c) => [c]);
        const parts = F.allocate(total, range as any[][]);
        expect(sum(parts)).toBe(total);
        expect([parts.length, parts[0].length]).toEqual([range.length, range[0].length]);
      }),
      { numRuns: 500 },
    );
  });
});

describe("NYCKELANDEL / KEYSHARE", () => {
  it("gives fractions whose percentages sum to exactly 100", () => {
    const shares = F.keyShare(column(1, 1, 1));
    expect(shares).toEqual([[0.3334], [0.3333], [0.3333]]);
    expect(F.keyShare([[1, 2, 1]], 0)).toEqual([[0.25, 0.5, 0.25]]);
  });
});

describe("AVTALSDIFF / CONTRACTDIFF", () => {
  it("is Avtalat − Fakturerat, negative for over-invoicing", () => {
    expect(F.contractDiff([[100000]], [[112500]])).toEqual([[-12500]]);
    expect(F.contractDiff(100 as any, "40,50" as any)).toEqual([[59.5]]);
  });

  it("counts a missing side as 0, as the reconciliation does: −Fakturerat without a contract, +Avtalat without an invoice", () => {
    const result = F.contractDiff(column(100, "", "n/a", 50, ""), column(90, 7300, 10, "", "")) as unknown[][];
    expect(result.slice(0, 4).map((r) => r[0])).toEqual([10, -7300, -10, 50]);
    expect(result[4][0]).toMatchObject({ code: "#N/A", message: "Varken avtalat eller fakturerat belopp" });
  });

  it("refuses ranges of different shapes and names text positions", () => {
    expect(errorOf(() => F.contractDiff(column(1, 2), column(1)))).toMatchObject({ code: "#VALUE!" });
    const result = F.contractDiff(column(1, "x"), column(1, 1)) as unknown[][];
    expect(result[1][0]).toMatchObject({ code: "#VALUE!", message: "avtalat, rad 2: texten 'x' är inget tal" });
  });
});

describe("UPPRAKNA, INDEXERA, PERIODISERA, REGLERING", () => {
  it("uplifts and indexes with half-up rounding", () => {
    expect(F.uplift(1_000_000, "2 %")).toBe(1_020_000);
    expect(F.uplift(1000, 0.025, 2, 2)).toBe(1050.63);
    expect(F.indexAdjust(100_000, 412.5, "425,3")).toBe(103_103);
    expect(errorOf(() => F.indexAdjust(100, 0, 5)).code).toBe("#VALUE!");
    expect(errorOf(() => F.uplift(100, 0.02, 1.5)).code).toBe("#VALUE!");
  });

  it("splits a year into a row of periods summing exactly", () => {
    expect(F.splitPeriods(1_000_003, 4)).toEqual([[250_001, 250_001, 250_001, 250_000]]);
    expect(F.splitPeriods(999, 2)).toEqual([[500, 499]]);
    expect(errorOf(() => F.splitPeriods(100, 0)).code).toBe("#VALUE!");
  });

  it("settles a deficit by the weights", () => {
    expect(F.settle(-100_001, column(3, 1, 2))).toEqual([[-50_000], [-16_667], [-33_334]]);
  });

  it("settles with an equal-share part as FORDELA splits with rak_andel, exactly, and keeps three-argument formulas as they were", () => {
    const key = column(12345, 6789, 25010, 3001);
    // Half equally (12 500 each), half by weight: the same parts as FORDELA(100000; key; 0,5).
    expect(F.settle(100_000, key, 0, 0.5)).toEqual([[25593], [19700], [39024], [15683]]);
    expect(F.settle(100_000, key, 0, 0.5)).toEqual(F.allocate(100_000, key, 0.5));
    // 11 968,75 each plus 47 875 by weight: 24 504,90 · 18 862,87 · 37 366,01 · 15 016,22; the two kronor left go to the largest remainders.
    expect(F.settle(-95_750, key, 0, "50 %")).toEqual([[-24505], [-18863], [-37366], [-15016]]);
    expect(F.settle(-95_750, key, 2, 1)).toEqual([[-23937.5], [-23937.5], [-23937.5], [-23937.5]]);
    expect(F.settle(100_000, key, 0)).toEqual(F.settle(100_000, key, 0, 0));
    expect(errorOf(() => F.settle(100, key, 0, 1.5))).toMatchObject({ code: "#VALUE!" });
  });

  it("takes rak_andel as REGLERING's fourth argument in the embedded engine too", async () => {
    const { EmbeddedWorkbook } = await import("../../src/workbook/embeddedWorkbook");
    const wb = new EmbeddedWorkbook(["Blad1"]);
    wb.setCells(cellBlock("Blad1", 0, 1, [[12345], [6789], [25010], [3001]]));
    wb.setCells(cellBlock("Blad1", 0, 2, [["=SAMKALK.SETTLE(-95750,B1:B4,0,0.5)"]]));
    expect([0, 1, 2, 3].map((row) => wb.cellValue("Blad1", row, 2))).toEqual([-24505, -18863, -37366, -15016]);
  });
});

describe("UPPSAGNINGSDAG / AVTALSSLUT", () => {
  it("returns Excel dates by the month-end rule", () => {
    // 2025-04-30 is serial 45777; 2024-10-31 is 45596.
    expect(F.noticeDate(45777, 6)).toBe(45596);
    expect(F.noticeDate("2025-04-30", 6)).toBe(45596);
    expect(errorOf(() => F.noticeDate("2025-02-30", 6))).toEqual({ code: "#VALUE!", message: "slutdatum: 2025-02-30 är inget giltigt datum" });
    expect(errorOf(() => F.noticeDate(true, 6))).toEqual({ code: "#VALUE!", message: "slutdatum: true är inget datum" });
  });

  it("finds the period running on a date, or today", () => {
    expect(F.contractEnd("2024-04-30", 12, "2026-11-23")).toBe(46507); // 2027-04-30
    expect(contractEndValue("2024-04-30", 12, undefined, () => new Date(2026, 10, 23))).toBe(46507);
  });
});

describe("TABELLKOLL / CHECKTABLE", () => {
  const table = [
    ["Kategori", "Driftbudget", "Personalkostnader", "Summa kategori"],
    ["Servrar", 100, 50, 150],
    ["Nät", 10, "tio", 16],
    ["Summa", 110, 50, 167],
  ];
  it("spills findings: row, column, expected, actual, difference", () => {
    expect(F.checkTable(table as any[][], [["Summa kategori = Driftbudget + Personalkostnader"]])).toEqual([
      ["Nät", "Personalkostnader", "ett tal", "inget tal", ""],
      // One finding per wrong cell: the total's sum (166), not also the rule on the same cell.
      ["Summa", "Summa kategori", 166, 167, 1],
    ]);
  });
  it("says OK for a table that adds up, and names an unknown column in a rule", () => {
    expect(F.checkTable([["", "A"], ["x", 1], ["Summa", 1]])).toEqual([["OK"]]);
    expect(errorOf(() => F.checkTable([["", "A"], ["x", 1]], [["A = B"]]))).toEqual({ code: "#VALUE!", message: "regel: regeln 'A = B' nämner kolumnen 'B', som inte finns i tabellen" });
  });
});

describe("date results in Excel", () => {
  it("are plain serials where no Office host says it takes data types (test/functions/excelDates.test.ts has each host)", () => {
    expect(F.noticeDate("2027-04-30", 6)).toBe(46326); // 2026-10-31
  });
});

describe("messages name the sheet cell", () => {
  it("when Excel gives the parameters' addresses, a bad cell is named by its sheet address", () => {
    const invocation = { parameterAddresses: ["'Avtal 2025'!C2:C3", "'Avtal 2025'!D2:D3"] } as unknown as CustomFunctions.Invocation;
    const result = F.contractDiff(column(1, "x"), column(1, 1), invocation) as unknown[][];
    expect(result[1][0]).toMatchObject({ code: "#VALUE!", message: "avtalat, cell C3: texten 'x' är inget tal" });
    const noAddress = F.contractDiff(column(1, "x"), column(1, 1)) as unknown[][];
    expect(noAddress[1][0]).toMatchObject({ message: "avtalat, rad 2: texten 'x' är inget tal" });
  });
});

describe("FORDELA, NYCKELANDEL and REGLERING on a key as printed (labels and weights in two columns)", () => {
  // Table 2 of the gallery, 2026 users: groups, labelled and unlabelled subtotals, a grand total.
  const key = [
    ["Verksamhet", "Användare 2026"],
    ["Ask kommun", ""],
    ["KS Ask", 287], ["Skola Ask", 1408], ["Omsorg Ask", 1039], ["Samhällsbyggnad Ask", 283],
    ["Totalt Ask kommun", 3017],
    ["Bolagen", ""],
    ["Ask Energi AB", 165], ["Björkby Bostäder", 111],
    ["", 276],
    ["Totalt:", 3293],
  ];
  it("splits over the lines only; group rows stay empty and subtotals show their group's sum", () => {
    const parts = F.allocate(1_000_000, key as any[][]) as (string | number)[][];
    // Largest remainder over 287 : 1 408 : 1 039 : 283 : 165 : 111 (checked with exact fractions).
    expect(parts.map((r) => r[1])).toEqual(["", "", 87_154, 427_574, 315_518, 85_940, 916_186, "", 50_106, 33_708, 83_814, 1_000_000]);
    expect(parts.map((r) => r[0])).toEqual(key.map((r) => r[0]));
    const lines = [2, 3, 4, 5, 8, 9].map((i) => parts[i][1] as number);
    expect(lines.reduce((a, b) => a + b, 0)).toBe(1_000_000);
  });
  it("gives the same parts as the one-column form over the lines", () => {
    const oneColumn = F.allocate(1_000_000, [[287], [1408], [1039], [283], [165], [111]]).map((r: number[]) => r[0]);
    const printed = F.allocate(1_000_000, key as any[][]) as (string | number)[][];
    expect([2, 3, 4, 5, 8, 9].map((i) => printed[i][1])).toEqual(oneColumn);
    expect((F.settle(-3293, key as any[][]) as (string | number)[][])[11][1]).toBe(-3293);
    expect((F.keyShare(key as any[][]) as (string | number)[][])[11][1]).toBe(1);
  });
});

describe("rich values in any parameter", () => {
  // Excel hands a data type (a date another function returned with its format) to an `any` parameter.
  const richDate = { type: "FormattedNumber", basicValue: 46507, numberFormat: "yyyy-mm-dd" };
  it("reads a date returned by one SAMKALK function as the date it shows, in another", () => {
    expect(F.contractEnd(richDate as any, 12, "2026-11-23")).toBe(F.contractEnd(46507, 12, "2026-11-23"));
    expect(F.allocate(100, [[{ type: "Double", basicValue: 1 }], [3]] as any[][])).toEqual(F.allocate(100, [[1], [3]]));
  });
  it("refuses any other object with a message, never a crash", () => {
    expect(errorOf(() => F.uplift({ type: "Entity", text: "Ask" } as any, 0.02))).toEqual({ code: "#VALUE!", message: "belopp: värdet är varken ett tal, en text eller ett datum" });
  });
});
