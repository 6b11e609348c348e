import type { SourceTable } from "../../src/core/cells";
import { readFeeBlock } from "../../src/model/feeBlock";

const HEADERS = ["Kategori", "Driftbudget", "Summa kategori"];
const BUDGET = [["Hyra", "420 000", "420 000"], ["Summa årskostnad", "420 000", "420 000"]];
/** A budget with rows 2–3, a blank row 4, and the given fee block from row 5. */
const source = (block: SourceTable["rows"]): SourceTable => ({
  file: "budget.csv", headers: HEADERS, rows: [...BUDGET, ...block], rowNumbers: [2, 3, ...block.map((_, i) => i + 5)],
});

describe("readFeeBlock", () => {
  it("finds the fee calculation after the blank row by its labels, with the rate its uplift label states", () => {
    const block = readFeeBlock(source([
      ["Beslutat medlemsbidrag 2025", null, "400 000 kr"],
      ["Uppräkning 2,5 %", null, "10 500 kr"],
      ["Summa", null, "430 500 kr"],
      ["Avvikelse", null, "-30 500 kr"],
    ]))!;
    expect([block.upliftRate!.toFixed(), block.lastFee!.toNumber()]).toEqual(["0.025", 400_000]);
    expect([block.rows.lastFee!.line, block.rows.uplift!.line, block.rows.fee!.line, block.rows.change!.line]).toEqual([5, 6, 7, 8]);
  });

  it("knows the other ways a board labels the rows", () => {
    const block = readFeeBlock(source([
      ["Föregående års medlemsbidrag", null, "400 000"],
      ["Allmän uppräkning -1,5 %", null, "-6 300"],
      ["Nytt medlemsbidrag", null, "413 700"],
    ]))!;
    expect([block.upliftRate!.toFixed(), block.lastFee!.toNumber(), block.rows.fee!.label, block.rows.change]).toEqual(["-0.015", 400_000, "Nytt medlemsbidrag", undefined]);
  });

  it("has no rate when the uplift label states none", () => {
    expect(readFeeBlock(source([["Uppräkning", null, "8 400"], ["Summa", null, "428 400"]]))!.upliftRate).toBeNull();
  });

  it("is null for a budget with no block under it, or a block of other figures", () => {
    expect(readFeeBlock({ ...source([]), rows: BUDGET, rowNumbers: [2, 3] })).toBeNull();
    expect(readFeeBlock(source([["Reserv", null, "10 000"], ["Moms", null, "2 500"]]))).toBeNull();
  });
});
