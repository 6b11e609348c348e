import { OPTION_TERMS, contractDeadlines } from "../../src/app/contractDeadlines";
import { formatIsoDate, makeDate } from "../../src/core/dates";
import { DomainError } from "../../src/core/errors";

describe("a contract's deadlines as of a day", () => {
  it("dates the notice and the wind-down settlement after the end notice brings about", () => {
    const d = contractDeadlines({ end: makeDate(2025, 11, 30), renewalMonths: 12, noticeMonths: 6, settleWithin: 3 }, makeDate(2025, 1, 10));
    expect(formatIsoDate(d.status.noticeDeadline!)).toBe("2025-05-31");
    expect(formatIsoDate(d.settlementBase)).toBe("2025-11-30");
    expect(formatIsoDate(d.settleBy!)).toBe("2026-02-28");
    expect(d.options).toEqual([]);
  });

  it("lists options from the period end, with a fixed notice day as written", () => {
    const d = contractDeadlines({ end: makeDate(2026, 12, 31), renewalMonths: null, noticeMonths: null, fixedNotice: "30 dec året före", options: { lengths: [24, 12], callBy: [{ monthsBefore: 6 }] } }, makeDate(2026, 1, 15));
    expect(d.fixedNoticeDay).toBeDefined();
    expect(d.options.map((o) => [o.option, formatIsoDate(o.callBy), formatIsoDate(o.extendsTo)])).toEqual([[1, "2026-06-30", "2028-12-31"], [2, "2028-06-30", "2029-12-31"]]);
    expect(d.settleBy).toBeNull();
  });

  it("places an error in the options' terms on the options", () => {
    let error: unknown;
    try {
      contractDeadlines({ end: makeDate(2026, 12, 31), renewalMonths: null, noticeMonths: 3, options: { lengths: [24, 12, 12], callBy: [{ monthsBefore: 6 }, { monthsBefore: 3 }] } }, makeDate(2026, 1, 1));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).location.source).toBe(OPTION_TERMS);
    expect((error as DomainError).message).toContain("2 påkallelsedagar för 3 optioner");
  });
});
