import { FIRST_YEAR, LAST_YEAR, isModelYear, readYear } from "../../src/core/years";

describe("the years a model may be for", () => {
  it("run from 2000 to 2100, whole years only", () => {
    expect([FIRST_YEAR, LAST_YEAR]).toEqual([2000, 2100]);
    expect([1999, 2000, 2027, 2100, 2101, 2027.5, Number.NaN].map(isModelYear)).toEqual([false, true, true, true, false, false, false]);
  });

  it("are read from a field with a message naming it", () => {
    expect(readYear(" 2027 ", "År")).toBe(2027);
    expect(() => readYear("27", "År")).toThrow("År: '27' ska vara ett årtal från 2000 till 2100");
    expect(() => readYear("2101", "År")).toThrow("ska vara ett årtal från 2000 till 2100");
    expect(() => readYear("2 027", "År")).toThrow("ska vara ett årtal");
  });
});
