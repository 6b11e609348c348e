import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseCsvBytes } from "../../src/io/csv";
import { linesOf, printedGridOf, readPrintedTable } from "../../src/core/printedTable";
import { feeBridge } from "../../src/core/feeBridge";
import { toAmount } from "../../src/core/money";

const changesAsPrinted = () => {
  const file = join(__dirname, "../fixtures/tables-as-printed/forandringar.csv");
  const [block] = readPrintedTable(printedGridOf(parseCsvBytes(readFileSync(file), "forandringar.csv"))).blocks;
  return linesOf(block).map((r) => {
    const cell = r.cells[1];
    if (cell.kind !== "number") throw new Error(`no amount on ${r.label}`);
    return { label: r.label, amount: cell.value };
  });
};

describe("feeBridge", () => {
  it("leads from last year's 17 640 000 through the ten decided changes as printed to 18 372 470, remainder 0", () => {
    const changes = changesAsPrinted();
    expect(changes.map((c) => Number(c.amount))).toEqual([334_100, -285_000, 1_500_000, -400_000, 212_600, -949_775, -96_500, 75_000, -18_200, 360_245]);
    const bridge = feeBridge(17_640_000, changes, 18_372_470);
    expect(bridge.explained.toFixed()).toBe("732470");
    expect(bridge.explainedFee.toFixed()).toBe("18372470");
    expect(bridge.remainder!.toFixed()).toBe("0");
    expect(bridge.steps.map((s) => s.runningTotal.toFixed())).toEqual(["17974100", "17689100", "19189100", "18789100", "19001700", "18051925", "17955425", "18030425", "18012225", "18372470"]);
  });

  it("shows what the list does not explain as the remainder, never inside a step", () => {
    const bridge = feeBridge(17_640_000, changesAsPrinted(), 18_400_000);
    expect(bridge.remainder!.toFixed()).toBe("27530");
    expect(bridge.steps[bridge.steps.length - 1].runningTotal.toFixed()).toBe("18372470");
  });

  it("has no remainder (null, not 0) when this year's fee is not given", () => {
    expect(feeBridge(100, [{ label: "a", amount: 5 }]).remainder).toBeNull();
  });

  it("remainder = new − last − Σ changes, and the last running total = last + Σ changes (property)", () => {
    const amount = fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).map((b) => toAmount(b).dividedBy(100));
    fc.assert(fc.property(amount, fc.array(amount, { maxLength: 20 }), amount, (last, changes, next) => {
      const b = feeBridge(last, changes.map((amount, i) => ({ label: `r${i}`, amount })), next);
      const sum = changes.reduce((s, c) => s.plus(c), toAmount(0));
      expect(b.remainder!.equals(next.minus(last).minus(sum))).toBe(true);
      expect(b.explainedFee.plus(b.remainder!).equals(next)).toBe(true);
      if (changes.length > 0) expect(b.steps[b.steps.length - 1].runningTotal.equals(last.plus(sum))).toBe(true);
    }));
  });
});
