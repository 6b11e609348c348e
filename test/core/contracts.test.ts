import { Amount } from "../../src/core/money";
import { formatIsoDate, parseDate } from "../../src/core/dates";
import { contractDeadlines, currentPeriod, indexAdjust, indexedAgreed, noticeDeadline, noticeStatus, optionDeadlines } from "../../src/core/contracts";

const d = parseDate;
const iso = formatIsoDate;

describe("contract periods and notice", () => {
  it("finds the notice deadline by the month-end rule", () => {
    expect(iso(noticeDeadline(d("2025-04-30"), 6))).toBe("2024-10-31");
    expect(iso(noticeDeadline(d("2025-03-15"), 3))).toBe("2024-12-15");
  });

  it("finds the running period and counts silent renewals", () => {
    expect(currentPeriod(d("2012-12-31"), 12, d("2026-11-23"))).toEqual({ periodEnd: d("2026-12-31"), renewals: 14 });
    expect(currentPeriod(d("2024-04-30"), 24, d("2024-04-30"))).toEqual({ periodEnd: d("2024-04-30"), renewals: 0 });
    expect(currentPeriod(d("2024-04-30"), 24, d("2024-05-01"))).toEqual({ periodEnd: d("2026-04-30"), renewals: 1 });
    expect(currentPeriod(d("2024-02-29"), 12, d("2027-03-01"))).toEqual({ periodEnd: d("2028-02-29"), renewals: 4 });
  });

  it("gives the next deadline on or after the date for a renewing contract", () => {
    const s = noticeStatus({ end: d("2024-04-30"), renewalMonths: 12, noticeMonths: 6 }, d("2026-11-23"))!;
    expect(iso(s.periodEnd)).toBe("2027-04-30");
    expect(s.renewals).toBe(3);
    // 2026-10-31 has passed: notice now ends the contract on 2028-04-30.
    expect(iso(s.noticeDeadline!)).toBe("2027-10-31");
    expect(iso(s.noticeEndsPeriod!)).toBe("2028-04-30");
    const before = noticeStatus({ end: d("2024-04-30"), renewalMonths: 12, noticeMonths: 6 }, d("2026-10-31"))!;
    expect(iso(before.noticeDeadline!)).toBe("2026-10-31");
  });

  it("keeps a non-renewing contract's own deadline even when it has passed", () => {
    const s = noticeStatus({ end: d("2024-04-30"), renewalMonths: null, noticeMonths: 6 }, d("2026-01-01"))!;
    expect([iso(s.periodEnd), iso(s.noticeDeadline!), s.renewals]).toEqual(["2024-04-30", "2023-10-31", 0]);
  });

  it("supports a fixed notice day such as 30 December the year before", () => {
    const s = noticeStatus({ end: d("2026-12-31"), renewalMonths: 12, noticeMonths: null, fixedNoticeDay: { month: 12, day: 30, yearsBefore: 1 } }, d("2025-06-01"))!;
    expect(iso(s.noticeDeadline!)).toBe("2025-12-30");
  });

  it("lists option call deadlines, each before the end it extends", () => {
    const options = optionDeadlines(d("2025-06-30"), [{ months: 12, callMonthsBefore: 3 }, { months: 12, callMonthsBefore: 3 }]);
    expect(options.map((o) => [o.option, iso(o.callDeadline), iso(o.extendsTo)])).toEqual([
      [1, "2025-03-31", "2026-06-30"],
      [2, "2026-03-31", "2027-06-30"],
    ]);
  });
});

describe("indexation", () => {
  it("indexes by an index series or a yearly percentage", () => {
    expect(indexAdjust(100_000, "412.5", "425.3").toNumber()).toBe(103_103);
    const series = new Map([["KPI", new Map([[2023, new Amount("399.4")], [2025, new Amount("415.1")]])]]);
    const contract = { agreed: new Amount(250_000), index: { kind: "series" as const, series: "KPI", baseYear: 2023 } };
    expect(indexedAgreed(contract, 2025, series)!.toNumber()).toBe(259_827);
    expect(() => indexedAgreed(contract, 2024, series)).toThrow("KPI saknar värde för 2024");
    expect(indexedAgreed({ agreed: new Amount(1000), index: { kind: "percent", rate: new Amount("0.03"), baseYear: 2024 } }, 2026)!.toNumber()).toBe(1061);
    expect(indexedAgreed({ agreed: null }, 2026)).toBeNull();
  });
  it("refuses a zero base index", () => {
    expect(() => indexAdjust(100, 0, 5)).toThrow(expect.objectContaining({ code: "DIVISION_BY_ZERO" }));
  });
});

describe("contractDeadlines", () => {
  const base = { supplier: "S", member: "M", noticeMonths: 3 };
  it("lists deadlines within the horizon, options included, and contracts that renewed", () => {
    const { upcoming, renewed } = contractDeadlines([
      { ...base, supplier: "A", end: d("2027-03-31"), renewalMonths: null },
      { ...base, supplier: "B", end: d("2030-03-31"), renewalMonths: null },
      { ...base, supplier: "C", end: d("2020-06-30"), renewalMonths: 12, options: [] },
      { ...base, supplier: "D", end: d("2027-06-30"), renewalMonths: null, noticeMonths: null, options: [{ months: 12, callMonthsBefore: 4 }] },
      { ...base, supplier: "E", end: null, renewalMonths: null },
    ], d("2026-11-23"), 6);
    expect(upcoming.map((u) => [u.supplier, u.kind, u.date])).toEqual([["A", "uppsägning", "2026-12-31"], ["D", "option", "2027-02-28"], ["C", "uppsägning", "2027-03-31"]]);
    expect(renewed.map((r) => [r.supplier, r.renewals, r.periodEnd])).toEqual([["C", 7, "2027-06-30"]]);
  });
});
