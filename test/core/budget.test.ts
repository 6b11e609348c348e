import fc from "fast-check";
import { Amount } from "../../src/core/money";
import { annualCost, budgetRowLabel, checkBudget, feeFromBudget, isBudgetTotal, memberCostAmount } from "../../src/core/budget";
import { budgetLine } from "../fixtures/workedExample";

const A = (v: number | string) => new Amount(v);
const row = (section: string, category: string) => ({ section, category });

// The worked example's fee, the fixed-cost lines and checkBudget's line rule are in
// test/core/financingCycle.test.ts; this file pins the budget module's remaining rules.

describe("total rows of a budget", () => {
  it("are rows whose category, or whose section when the category is blank, starts with Summa/Totalt", () => {
    expect(isBudgetTotal(row("OH", "Summa OH"))).toBe(true);
    expect(isBudgetTotal(row("Totalt", ""))).toBe(true);
    expect(isBudgetTotal(row("OH", "Delsumma"))).toBe(true);
    // A line under a section called "Totalt …" is still a line, and "Summering" is no total label.
    expect(isBudgetTotal(row("Totalt drift", "Hyra"))).toBe(false);
    expect(isBudgetTotal(row("OH", "Summeringstjänst"))).toBe(false);
  });

  it("are labelled in findings by their category, or by the section for a section total", () => {
    expect(budgetRowLabel(row("OH", "  Hyra "))).toBe("Hyra");
    expect(budgetRowLabel(row(" Summa OH ", ""))).toBe("Summa OH");
  });

  it("are never added into Summa årskostnad, in either form", () => {
    const rows = [
      budgetLine("OH", "Hyra", 420_000, 0, 0, 420_000),
      budgetLine("OH", "Summa OH", 420_000, 0, 0, 420_000),
      budgetLine("Totalt", "", 420_000, 0, 0, 420_000),
    ];
    expect(annualCost(rows).toNumber()).toBe(420_000);
  });
});

describe("Summa årskostnad", () => {
  it("takes a blank Summa kategori as zero when the column exists, never Driftbudget + Personalkostnader", () => {
    // The decided figures stand: 100 + (blank = 0); deriving the blank one would give 100 + 70.
    const rows = [budgetLine("OH", "Hyra", 60, 0, 40, 100), budgetLine("OH", "El", 50, 0, 20, null)];
    expect(annualCost(rows).toNumber()).toBe(100);
  });

  it("without the column is Driftbudget + Personalkostnader per line, a blank part counting as zero", () => {
    const rows = [
      { section: "OH", category: "Hyra", operatingBudget: A(60), fte: null, staffCost: null, categorySum: null },
      { section: "OH", category: "Ledning", operatingBudget: null, fte: A(1), staffCost: A(950), categorySum: null },
    ];
    expect(annualCost(rows).toNumber()).toBe(1010);
  });
});

describe("checkBudget without a Summa kategori column", () => {
  it("applies no line rule but still finds a total row that is not the sum of its lines", () => {
    const rows = [
      budgetLine("Teknik", "Plattformar", 1_200_000, 2, 1_140_000, null),
      budgetLine("Teknik", "Nätverk", 350_000, "1.5", 855_000, null),
      // Driftbudget: 1 200 000 + 350 000 = 1 550 000, printed 1 550 001.
      budgetLine("Teknik", "Summa Teknik", 1_550_001, "3.5", 1_995_000, null),
    ];
    const findings = checkBudget(rows);
    expect(findings.map((f) => [f.kind, f.row, f.column, f.expected?.toNumber(), f.difference?.toNumber()])).toEqual([
      ["total-row", "Summa Teknik", "Driftbudget", 1_550_000, 1],
    ]);
  });
});

describe("feeFromBudget", () => {
  it("rounds the uplift to öre when asked, and labels the change at that precision", () => {
    // 1 234,56 × 2,5 % = 30,864: 30,86 to öre, 31 in whole kronor.
    const ore = feeFromBudget("1234.56", "0.025", "1200", 2);
    expect([ore.uplift.toFixed(), ore.fee.toFixed(), ore.change!.toFixed()]).toEqual(["30.86", "1265.42", "-65.42"]);
    expect(ore.changeLabel).toBe("Bidraget höjs med 65,42\u00a0kr mot föregående år");
    expect(feeFromBudget("1234.56", "0.025").uplift.toFixed()).toBe("31");
  });

  it("allows an uplift down to −100 % and refuses one below", () => {
    expect(feeFromBudget(5000, -1).fee.toNumber()).toBe(0);
    expect(() => feeFromBudget(5000, "-1.01")).toThrow("uppräkningen kan inte vara under −100 %");
    expect(() => feeFromBudget(5000, "0.02", null, 3)).toThrow("decimaler måste vara ett heltal från 0 till 2, inte 3");
  });

  it("is Summa + the uplift rounded half away from zero, with Avvikelse = last fee − fee (property)", () => {
    fc.assert(fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: -9999, max: 9999 }), fc.bigInt({ min: 0n, max: 10n ** 12n }), (total, bp, last) => {
      // Exact uplift total·bp/10 000, rounded half away from zero in integers: floor((2|x| + 10 000) / 20 000).
      const product = total * BigInt(bp);
      const magnitude = ((product < 0n ? -product : product) * 2n + 10_000n) / 20_000n;
      const expected = product < 0n ? -magnitude : magnitude;
      const fee = feeFromBudget(total.toString(), A(bp).dividedBy(10_000), last.toString());
      expect(fee.uplift.toFixed()).toBe(expected.toString());
      expect(fee.fee.toFixed()).toBe((total + expected).toString());
      expect(fee.change!.toFixed()).toBe((last - total - expected).toString());
      const word = last - total - expected < 0n ? "höjs" : last - total - expected > 0n ? "sänks" : "oförändrat";
      expect(fee.changeLabel).toContain(word);
    }), { numRuns: 1000 });
  });
});

describe("memberCostAmount", () => {
  it("takes a given amount over FTE × rate, and rounds FTE × rate to the decimals asked", () => {
    expect(memberCostAmount({ member: "Ask", text: "Stadsnät", amount: A(100), fte: A(1), rate: A(500) }).toNumber()).toBe(100);
    // 0,5 × 1 234,565 = 617,2825: 617,28 to öre, 617 in kronor.
    const line = { member: "Ask", text: "Systemägare", amount: null, fte: A("0.5"), rate: A("1234.565") };
    expect(memberCostAmount(line, 2).toFixed()).toBe("617.28");
    expect(memberCostAmount(line).toFixed()).toBe("617");
  });

  it("names the line and the member when neither an amount nor both FTE and rate are given", () => {
    expect(() => memberCostAmount({ member: "Björkby", text: "Växel", amount: null, fte: null, rate: A(10) })).toThrow(
      "kostnaden 'Växel' för Björkby saknar belopp och har inte både antal personer och pris per person",
    );
  });
});
