import { reconcileFollowUp } from "../../src/app/followUp";
import { SourceTable } from "../../src/core/cells";
import { toAmount } from "../../src/core/money";

const followUp = (rows: string[][]): SourceTable => ({
  file: "uppfoljning.csv", headers: ["Kommun", "System", "Avtalat", "Fakturerat", "Diff"], rows, rowNumbers: rows.map((_, i) => i + 2),
});

const LINES = [
  ["Ask", "Visma", "100 000", "112 500", "-12 500"],
  ["Ask", "Tieto", "50 000", "50 000", "0"],
  ["Björkby", "Visma", "n/a", "7 300", "-7 300"],
  ["Björkby", "Atea", "40 000", "", "40 000"],
];
// 100 000 + 50 000 + 40 000; 112 500 + 50 000 + 7 300; and −12 500 + 0 − 7 300 + 40 000.
const TOTAL = ["Summa", "", "190 000", "169 800", "20 200"];
const MEMBERS = [{ member: "Ask", inhabitants: toAmount(10_000) }, { member: "Björkby", inhabitants: null }];

describe("a printed follow-up of agreed and invoiced amounts", () => {
  it("is reconciled as the register would be: Diff = Avtalat − Fakturerat, a missing amount as 0, the total row no system", () => {
    const { result, findings } = reconcileFollowUp(followUp([...LINES, TOTAL]), MEMBERS);
    expect(findings).toEqual([]);
    expect(result.members.flatMap((m) => m.rows.map((r) => [r.member, r.supplier, r.diff.toNumber(), r.flag]))).toEqual([
      ["Ask", "Visma", -12_500, "difference"],
      ["Ask", "Tieto", 0, "ok"],
      ["Björkby", "Visma", -7_300, "invoiced-without-contract"],
      ["Björkby", "Atea", 40_000, "contract-without-invoice"],
    ]);
    expect([result.total.agreed, result.total.invoiced, result.total.diff].map((a) => a.toNumber())).toEqual([190_000, 169_800, 20_200]);
  });

  it("gives per inhabitant from the members' population: invoiced / inhabitants, the total's own ratio", () => {
    const { result } = reconcileFollowUp(followUp(LINES), MEMBERS);
    const ask = result.members.find((m) => m.member === "Ask")!;
    // 112 500 / 10 000 and 50 000 / 10 000; the total 162 500 / 10 000.
    expect(ask.rows.map((r) => r.perInhabitant!.toNumber())).toEqual([11.25, 5]);
    expect(ask.total.perInhabitant!.toNumber()).toBe(16.25);
    expect(result.members.find((m) => m.member === "Björkby")!.total.perInhabitant).toBeNull();
  });

  it("reads a printed dash as 0 invoiced, which on a contract is no invoicing", () => {
    const { result } = reconcileFollowUp(followUp([["Dal", "Växel", "12 500", "-", "12 500"]]), []);
    expect(result.members[0].rows.map((r) => [r.invoiced?.toNumber(), r.diff.toNumber(), r.flag])).toEqual([[0, 12_500, "contract-without-invoice"]]);
  });

  it("checks the printed figures and never trusts them: a wrong Diff is found, the result uses its own", () => {
    // Tieto's Diff printed 1 000 where 50 000 − 50 000 is 0, and the total printed as the sum of what is printed.
    const wrong = [LINES[0], ["Ask", "Tieto", "50 000", "50 000", "1 000"], ...LINES.slice(2), ["Summa", "", "190 000", "169 800", "21 200"]];
    const { result, findings } = reconcileFollowUp(followUp(wrong), MEMBERS);
    expect(findings.map((f) => [f.row, f.rowNumber, f.column, f.expected?.toNumber(), f.actual?.toNumber()])).toEqual([
      ["Tieto", 3, "Diff", 0, 1_000],
      // The total adds up as printed, but not by its own rule: 190 000 − 169 800 = 20 200.
      ["rad 6", 6, "Diff", 20_200, 21_200],
    ]);
    expect(result.total.diff.toNumber()).toBe(20_200);
  });

  it("refuses a table with neither a member column nor a block of columns per member", () => {
    const source: SourceTable = { file: "u.csv", headers: ["System", "Avtalat", "Fakturerat"], rows: [["Visma", "1", "1"]], rowNumbers: [2] };
    expect(() => reconcileFollowUp(source, [])).toThrow("uppföljningen har varken en kolumn för kommun/medlem eller ett block av kolumner per kommun under en övre rubrikrad");
  });
});
