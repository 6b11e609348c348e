import { budgetFee, budgetFeeBlock } from "../../src/app/budgetFee";
import { Amount } from "../../src/core/money";

const budget = (rows: string[][]) => ({ file: "budget.csv", headers: ["Avsnitt", "Kategori", "Driftbudget", "Antal personer", "Personalkostnader", "Summa kategori"], rows, rowNumbers: rows.map((_, i) => i + 2) });
const lines = [
  ["Teknikplattformar", "Plattformar", "1 200 000", "2", "1 140 000", "2 340 000"],
  ["OH", "Hyra", "420 000", "0", "0", "420 000"],
  ["Summa årskostnad", "", "1 620 000", "2", "1 140 000", "2 760 000"],
];

describe("the membership fee from a budget file", () => {
  it("is Summa årskostnad plus the uplift, with the change against last year and each member's share", () => {
    const key = { table: { file: "nyckel.csv", headers: ["Medlem", "Användare"], rows: [["Ask", "1"], ["Dal", "3"]], rowNumbers: [2, 3] } };
    const r = budgetFee(budget(lines) as never, { upliftRate: new Amount("0.02"), lastFee: new Amount(2700000), key: key as never });
    if (!("fee" in r)) throw new Error(JSON.stringify(r.errors));
    expect(r.fee.budgetTotal.toFixed()).toBe("2760000");
    expect(r.fee.fee.toFixed()).toBe("2815200");
    expect(r.fee.change!.abs().toFixed()).toBe("115200");
    expect(r.members.map((m) => [m.member, m.amount.toFixed()])).toEqual([["Ask", "703800"], ["Dal", "2111400"]]);
    expect(r.findings).toEqual([]);
    expect(r.budgetLines).toBe(2);
  });

  it("finds a Summa kategori that is not Driftbudget + Personalkostnader, and still gives the fee", () => {
    const off = [["Teknikplattformar", "Plattformar", "1 200 000", "2", "1 140 000", "2 340 001"], ...lines.slice(1)];
    const r = budgetFee(budget(off) as never, { upliftRate: new Amount(0) });
    if (!("fee" in r)) throw new Error("errors");
    expect(r.findings.length).toBeGreaterThan(0);
    expect(r.members).toEqual([]);
  });

  it("needs an uplift when the budget states none", () => {
    expect(budgetFeeBlock(budget(lines) as never)).toBeNull();
    expect(() => budgetFee(budget(lines) as never, { upliftRate: null })).toThrow("uppräkningen saknas");
  });
});
