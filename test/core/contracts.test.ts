import { Amount } from "../../src/core/money";
import { formatIsoDate, parseDate } from "../../src/core/dates";
import fc from "fast-check";
import { addMonths, compareDates, makeDate } from "../../src/core/dates";
import { contractDeadlines, contractOptions, windDownSettlementDate, currentPeriod, indexAdjust, indexedAmount, noticeDeadline, noticeStatus, optionDeadlines, parseFixedNoticeDay } from "../../src/core/contracts";

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
    expect(iso(s.endsIfNoticed!)).toBe("2028-04-30");
    const before = noticeStatus({ end: d("2024-04-30"), renewalMonths: 12, noticeMonths: 6 }, d("2026-10-31"))!;
    expect(iso(before.noticeDeadline!)).toBe("2026-10-31");
  });

  it("gives no deadline in the past for a contract that does not renew: it ends anyway", () => {
    const s = noticeStatus({ end: d("2024-04-30"), renewalMonths: null, noticeMonths: 6 }, d("2026-01-01"))!;
    expect([iso(s.periodEnd), s.noticeDeadline, s.endsIfNoticed, s.renewals]).toEqual(["2024-04-30", null, null, 0]);
    const early = noticeStatus({ end: d("2024-04-30"), renewalMonths: null, noticeMonths: 6 }, d("2023-10-01"))!;
    expect([iso(early.noticeDeadline!), iso(early.endsIfNoticed!)]).toEqual(["2023-10-31", "2024-04-30"]);
  });

  it("looks several periods ahead when the renewal is shorter than the notice (monthly renewal, 3 months' notice)", () => {
    const s = noticeStatus({ end: d("2020-01-31"), renewalMonths: 1, noticeMonths: 3 }, d("2020-03-15"))!;
    expect([iso(s.periodEnd), iso(s.noticeDeadline!), iso(s.endsIfNoticed!), s.renewals]).toEqual(["2020-03-31", "2020-03-31", "2020-06-30", 2]);
  });

  it("the deadline is never before the as-of date, E is a period end, and no earlier period end would do (property)", () => {
    const date = fc.record({ y: fc.integer({ min: 2000, max: 2040 }), m: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) }).map(({ y, m, day }) => makeDate(y, m, Math.min(day, new Date(Date.UTC(y, m, 0)).getUTCDate())));
    fc.assert(fc.property(date, date, fc.integer({ min: 1, max: 36 }), fc.integer({ min: 0, max: 36 }), (end, asOf, renewal, notice) => {
      const s = noticeStatus({ end, renewalMonths: renewal, noticeMonths: notice }, asOf)!;
      expect(s.noticeDeadline).not.toBeNull();
      expect(compareDates(s.noticeDeadline!, asOf)).toBeGreaterThanOrEqual(0);
      const k = [...Array(2000).keys()].find((i) => compareDates(addMonths(end, i * renewal), s.endsIfNoticed!) === 0);
      expect(k).toBeDefined();
      expect(compareDates(addMonths(s.endsIfNoticed!, -notice), s.noticeDeadline!)).toBe(0);
      for (let j = 0; j < k!; j++) {
        const earlier = addMonths(end, j * renewal);
        if (compareDates(earlier, asOf) >= 0) expect(compareDates(addMonths(earlier, -notice), asOf)).toBeLessThan(0);
      }
    }), { numRuns: 400 });
  });

  it("supports a fixed notice day such as 30 December the year before", () => {
    const rule = parseFixedNoticeDay("30 dec året före");
    expect(rule).toEqual({ month: 12, day: 30, yearsBefore: 1 });
    expect(parseFixedNoticeDay("30/12 året innan")).toEqual(rule);
    expect(parseFixedNoticeDay("12-30")).toEqual({ month: 12, day: 30, yearsBefore: 0 });
    expect(() => parseFixedNoticeDay("snart")).toThrow("ingen uppsägningsdag");
    const s = noticeStatus({ end: d("2026-12-31"), renewalMonths: 12, noticeMonths: null, fixedNoticeDay: rule }, d("2025-06-01"))!;
    expect(iso(s.noticeDeadline!)).toBe("2025-12-30");
    const later = noticeStatus({ end: d("2026-12-31"), renewalMonths: 12, noticeMonths: null, fixedNoticeDay: rule }, d("2025-12-31"))!;
    expect([iso(later.noticeDeadline!), iso(later.endsIfNoticed!)]).toEqual(["2026-12-30", "2027-12-31"]);
  });

  it("never gives a fixed notice day after the period end: \"12-30\" for a period ending 30 April is the 30 December before", () => {
    const rule = parseFixedNoticeDay("12-30");
    const s = noticeStatus({ end: d("2027-04-30"), renewalMonths: 12, noticeMonths: null, fixedNoticeDay: rule }, d("2026-06-01"))!;
    expect([iso(s.noticeDeadline!), iso(s.endsIfNoticed!)]).toEqual(["2026-12-30", "2027-04-30"]);
    const sameYear = noticeStatus({ end: d("2027-12-31"), renewalMonths: null, noticeMonths: null, fixedNoticeDay: rule }, d("2027-01-01"))!;
    expect(iso(sameYear.noticeDeadline!)).toBe("2027-12-30");
    for (const end of ["2027-01-15", "2027-04-30", "2027-12-29", "2027-12-30", "2028-02-29"]) {
      const deadline = noticeStatus({ end: d(end), renewalMonths: null, noticeMonths: null, fixedNoticeDay: rule }, d("2020-01-01"))!.noticeDeadline!;
      expect(iso(deadline) <= end).toBe(true);
    }
  });

  it("lists option call deadlines, each before the end it extends", () => {
    const options = optionDeadlines(d("2025-06-30"), [{ months: 12, callMonthsBefore: 3, callBy: null }, { months: 12, callMonthsBefore: 3, callBy: null }]);
    expect(options.map((o) => [o.option, iso(o.callDeadline), iso(o.extendsTo)])).toEqual([
      [1, "2025-03-31", "2026-06-30"],
      [2, "2026-03-31", "2027-06-30"],
    ]);
    const fixed = optionDeadlines(d("2025-06-30"), [{ months: 24, callMonthsBefore: null, callBy: d("2024-12-31") }]);
    expect(fixed.map((o) => [iso(o.callDeadline), iso(o.extendsTo)])).toEqual([["2024-12-31", "2027-06-30"]]);
  });
});

describe("indexation", () => {
  it("indexes by a monthly series: agreed × index(month) / index(base month), with the latest month on or before the date", () => {
    expect(indexAdjust(100_000, "412.5", "425.3").toNumber()).toBe(103_103);
    const series = new Map([["KPI", new Map([["2023-10", new Amount("399.4")], ["2025-09", new Amount("415.1")], ["2025-11", new Amount("416.0")]])]]);
    const clause = { series: "kpi", baseMonth: "2023-10" };
    expect(indexedAmount(250_000, clause, series, d("2025-10-15"))).toEqual({ amount: new Amount(259_827), month: "2025-09" });
    expect(indexedAmount(250_000, clause, series, d("2025-12-01")).month).toBe("2025-11");
    expect(() => indexedAmount(250_000, { series: "AKI", baseMonth: "2023-10" }, series, d("2025-12-01"))).toThrow("'AKI' finns inte i tabellen Index");
    expect(() => indexedAmount(250_000, { series: "KPI", baseMonth: "2023-01" }, series, d("2025-12-01"))).toThrow("saknar värde för basmånaden 2023-01");
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
      { ...base, supplier: "D", end: d("2027-06-30"), renewalMonths: null, noticeMonths: null, options: [{ months: 12, callMonthsBefore: 4, callBy: null }] },
      { ...base, supplier: "E", end: null, renewalMonths: null },
    ], d("2026-11-23"), 6);
    expect(upcoming.map((u) => [u.supplier, u.kind, u.date])).toEqual([["A", "uppsägning", "2026-12-31"], ["D", "option", "2027-02-28"], ["C", "uppsägning", "2027-03-31"]]);
    expect(renewed.map((r) => [r.supplier, r.renewals, r.periodEnd])).toEqual([["C", 7, "2027-06-30"]]);
  });
});

describe("options as written and the wind-down settlement", () => {
  it("gives options of different lengths each their own call-by date", () => {
    const options = contractOptions([24, 12], [{ monthsBefore: 6 }]);
    expect(optionDeadlines(parseDate("2026-12-31"), options).map((o) => [formatIsoDate(o.callDeadline), formatIsoDate(o.extendsTo)])).toEqual([
      ["2026-06-30", "2028-12-31"],
      ["2028-06-30", "2029-12-31"],
    ]);
    // A fixed date is the first option's only, unless each option has its own rule.
    expect(contractOptions([12, 12], [{ date: parseDate("2026-05-31") }]).map((o) => o.callBy && formatIsoDate(o.callBy))).toEqual(["2026-05-31", null]);
    expect(() => contractOptions([12, 12, 12], [{ monthsBefore: 6 }, { monthsBefore: 3 }])).toThrow("2 påkallelsedagar för 3 optioner");
  });

  it("settles a wind-down N months after the end, by the month-end rule", () => {
    expect(formatIsoDate(windDownSettlementDate(parseDate("2025-11-30"), 3))).toBe("2026-02-28");
    expect(formatIsoDate(windDownSettlementDate(parseDate("2027-11-30"), 3))).toBe("2028-02-29");
    expect(formatIsoDate(windDownSettlementDate(parseDate("2026-06-15"), 6))).toBe("2026-12-15");
  });

  it("property: the settlement date is exactly N calendar months after the end, never before it", () => {
    fc.assert(fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 0, max: 120 }), (y, m, d, n) => {
      const end = makeDate(y, m, Math.min(d, new Date(Date.UTC(y, m, 0)).getUTCDate()));
      const settle = windDownSettlementDate(end, n);
      expect(compareDates(settle, end)).toBeGreaterThanOrEqual(0);
      expect((settle.year - end.year) * 12 + settle.month - end.month).toBe(n);
    }));
  });
});
