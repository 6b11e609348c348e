import fc from "fast-check";
import { procurementSavings } from "../../src/core/savings";
import { formatPercent } from "../../src/core/numberText";
import { Amount, toAmount } from "../../src/core/money";

/** The worked example of the README: five kommuner procure together at 425 kr/h. */
const ACTIVITIES = [
  { activity: "Förfrågningsunderlag och kravställning", oneMember: 110, together: 210 },
  { activity: "Annonsering och frågor under anbudstiden", oneMember: 50, together: 110 },
  { activity: "Anbudsutvärdering", oneMember: 30, together: 120 },
  { activity: "Avtalsskrivning och införande", oneMember: 80, together: 200 },
];

describe("procurementSavings", () => {
  const result = procurementSavings(ACTIVITIES, 5, 425);

  it("saves 710 of 1 350 hours, 301 750 kr: 52,59 %, not the 47 % the activities' average gives", () => {
    expect(result.total.separately.toFixed()).toBe("1350");
    expect(result.total.together.toFixed()).toBe("640");
    expect(result.total.savedHours.toFixed()).toBe("710");
    expect(result.total.separateCost.toFixed()).toBe("573750");
    expect(result.total.togetherCost.toFixed()).toBe("272000");
    expect(result.total.saving.toFixed()).toBe("301750");
    expect(formatPercent(result.total.share!)).toBe("52,59\u00a0%");
    // 71/135 exactly, to the precision the core keeps
    expect(result.total.share!.times(135).toDecimalPlaces(30).toFixed()).toBe("71");
    const averaged = result.activities.reduce((s, a) => s.plus(a.share!), toAmount(0)).dividedBy(4);
    expect(formatPercent(averaged, 0)).toBe("47\u00a0%");
  });

  it("gives each activity its hours, kronor and share", () => {
    expect(result.activities.map((a) => [a.separately.toFixed(), a.savedHours.toFixed(), a.saving.toFixed(), formatPercent(a.share!)])).toEqual([
      ["550", "340", "144500", "61,82\u00a0%"],
      ["250", "140", "59500", "56,00\u00a0%"],
      ["150", "30", "12750", "20,00\u00a0%"],
      ["400", "200", "85000", "50,00\u00a0%"],
    ]);
  });

  it("takes the hours separately as given when members differ, and refuses nonsense in Swedish", () => {
    const r = procurementSavings([{ activity: "Utvärdering", oneMember: 30, separately: 170, together: 120 }], 5, 425);
    expect(r.total.saving.toFixed()).toBe("21250");
    expect(() => procurementSavings(ACTIVITIES, 0, 425)).toThrow("antal medlemmar");
    expect(() => procurementSavings([], 5, 425)).toThrow("inga aktiviteter");
    expect(() => procurementSavings([{ activity: "X", oneMember: -1, together: 1 }], 5, 425)).toThrow("X: timmar för en medlem kan inte vara negativa");
  });
});

describe("procurementSavings invariants (property)", () => {
  it("the total saving is the sum of the activities' savings and (separately − together) × rate, and its share lies within the activities' shares", () => {
    const activity = fc.record({ oneMember: fc.integer({ min: 1, max: 2000 }), together: fc.integer({ min: 0, max: 5000 }) });
    fc.assert(fc.property(fc.array(activity, { minLength: 1, maxLength: 10 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 2000 }), (list, n, rate) => {
      const r = procurementSavings(list.map((a, i) => ({ activity: `A${i}`, ...a })), n, rate);
      const sum = r.activities.reduce((s, a) => s.plus(a.saving), toAmount(0));
      expect(sum.equals(r.total.saving)).toBe(true);
      expect(r.total.saving.equals(r.total.separately.minus(r.total.together).times(rate))).toBe(true);
      const shares = r.activities.map((a) => a.share!);
      expect(r.total.share!.greaterThanOrEqualTo(Amount.min(...shares).minus("1e-30"))).toBe(true);
      expect(r.total.share!.lessThanOrEqualTo(Amount.max(...shares).plus("1e-30"))).toBe(true);
    }));
  });
});
