import { Amount } from "../../src/core/money";
import { feeFromBudget } from "../../src/core/budget";
import { FeeBlock, checkFeeBlock, feeBlockValue } from "../../src/core/feeBlock";
import { PrintedRow, printedValue } from "../../src/core/printedTable";

const A = (v: number | string) => new Amount(v);
/** A row of the fee block as printed: the label in column 1, the amount in a later column. */
const printed = (line: number, label: string, ...cells: (string | null)[]): PrintedRow => ({
  line, label, role: "line", group: null, cells: [printedValue(label), ...cells.map(printedValue)],
});

// Summa årskostnad 18 012 225 at 2 %: uplift 360 244,5 → 360 245, fee 18 372 470; decided last
// year 17 640 000, so Avvikelse = 17 640 000 − 18 372 470 = −732 470.
const fee = feeFromBudget(18_012_225, "0.02", 17_640_000);
const block = (rows: FeeBlock["rows"]): FeeBlock => ({ upliftRate: A("0.02"), lastFee: A(17_640_000), rows });
const right = {
  lastFee: printed(22, "Beslutat medlemsbidrag 2025", null, "17 640 000 kr"),
  uplift: printed(23, "Uppräkning 2 %", null, "360 245 kr"),
  fee: printed(24, "Summa", null, "18 372 470 kr"),
  change: printed(25, "Avvikelse", null, "-732 470 kr"),
};

describe("feeBlockValue", () => {
  it("is the row's one printed number after its label, or null", () => {
    expect(feeBlockValue(right.fee)!.toNumber()).toBe(18_372_470);
    expect(feeBlockValue(printed(9, "2025", "n/a"))).toBeNull();
    expect(feeBlockValue(undefined)).toBeNull();
  });
});

describe("checkFeeBlock", () => {
  it("finds nothing when every printed figure is the fee computed from the budget", () => {
    expect(checkFeeBlock(block(right), fee)).toEqual([]);
  });

  it("gives one finding per wrong figure, where it is and what it should show", () => {
    const wrong = block({ ...right, uplift: printed(23, "Uppräkning 2 %", null, "360 244 kr"), change: printed(25, "Avvikelse", null, "732 470 kr") });
    const findings = checkFeeBlock(wrong, fee);
    expect(findings.map((f) => [f.kind, f.row, f.rowNumber, f.column, f.columnNumber, f.expected!.toNumber(), f.actual!.toNumber(), f.difference!.toNumber()])).toEqual([
      ["rule", "Uppräkning 2 %", 23, "Belopp", 3, 360_245, 360_244, -1],
      // A sign turned: shown − expected = 732 470 − (−732 470).
      ["rule", "Avvikelse", 25, "Belopp", 3, -732_470, 732_470, 1_464_940],
    ]);
    expect(findings[0].message).toBe("raden 'Uppräkning 2 %': uppräkningen av Summa årskostnad är 360\u00a0245 men tabellen visar 360\u00a0244 (differens -1)");
  });

  it("checks the printed Summa against Summa årskostnad + uppräkning, in whichever column it stands, öre included", () => {
    const findings = checkFeeBlock(block({ fee: printed(24, "Summa", "18 372 470,25") }), fee);
    expect(findings.map((f) => [f.columnNumber, f.difference!.toFixed()])).toEqual([[2, "0.25"]]);
    expect(findings[0].message).toBe("raden 'Summa': Summa årskostnad + uppräkning är 18\u00a0372\u00a0470 men tabellen visar 18\u00a0372\u00a0470,25 (differens 0,25)");
  });

  it("never checks last year's fee (an input, not a result), nor an Avvikelse when no last fee is known", () => {
    const noLast = feeFromBudget(18_012_225, "0.02");
    const rows = { ...right, lastFee: printed(22, "Beslutat medlemsbidrag 2025", null, "1 kr"), change: printed(25, "Avvikelse", null, "5 kr") };
    expect(checkFeeBlock(block(rows), noLast)).toEqual([]);
  });
});
