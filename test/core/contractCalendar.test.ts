import fc from "fast-check";
import { addMonths, compareDates, formatIsoDate, parseDate } from "../../src/core/dates";
import { contractEvents } from "../../src/core/contractCalendar";
import { contractOptions, noticeStatus, parseFixedNoticeDay } from "../../src/core/contracts";

const contract = { supplier: "Växel", member: "Björkby", end: parseDate("2021-01-31"), renewalMonths: 1, noticeMonths: 3, options: [] };
const events = (c: Parameters<typeof contractEvents>[0][number], from: string, until: string) =>
  contractEvents([c], parseDate(from), parseDate(until)).map((e) => `${formatIsoDate(e.date)} ${e.kind} ${formatIsoDate(e.periodEnd)}`);

describe("the contract calendar", () => {
  it("lists every notice deadline and period end of a monthly renewal, month ends kept", () => {
    expect(events(contract, "2026-01-01", "2026-04-01")).toEqual([
      "2026-01-31 periodslut 2026-01-31", "2026-01-31 uppsägning 2026-04-30",
      "2026-02-28 periodslut 2026-02-28", "2026-02-28 uppsägning 2026-05-31",
      "2026-03-31 periodslut 2026-03-31", "2026-03-31 uppsägning 2026-06-30",
    ]);
  });

  it("lists both years' deadlines of a yearly renewal over two years, a fixed notice day and options of different lengths", () => {
    const yearly = { supplier: "Skolportal", member: "Ceder", end: parseDate("2027-04-30"), renewalMonths: 12, noticeMonths: null, fixedNoticeDay: parseFixedNoticeDay("30 dec året före"), options: [] };
    expect(events(yearly, "2027-01-01", "2029-01-01")).toEqual([
      "2027-04-30 periodslut 2027-04-30", "2027-12-30 uppsägning 2028-04-30", "2028-04-30 periodslut 2028-04-30", "2028-12-30 uppsägning 2029-04-30",
    ]);
    const withOptions = { supplier: "Lön", member: "Ask", end: parseDate("2027-12-31"), renewalMonths: null, noticeMonths: null, options: contractOptions([24, 12], [{ monthsBefore: 6 }]) };
    expect(events(withOptions, "2027-01-01", "2030-01-01")).toEqual(["2027-06-30 option 2029-12-31", "2027-12-31 periodslut 2027-12-31", "2029-06-30 option 2030-12-31"]);
  });

  it("property: the first notice deadline in a window is noticeStatus's deadline, and every event lies in the window", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 24 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 36 }), (offset, renewal, notice, months) => {
      const c = { supplier: "S", member: "M", end: parseDate("2020-01-31"), renewalMonths: renewal, noticeMonths: notice, options: [] };
      const from = addMonths(parseDate("2019-06-15"), Math.floor(offset / 30));
      const until = addMonths(from, months);
      const list = contractEvents([c], from, until);
      for (const e of list) expect(compareDates(e.date, from) >= 0 && compareDates(e.date, until) < 0).toBe(true);
      const first = list.find((e) => e.kind === "uppsägning");
      const status = noticeStatus(c, from)!;
      if (status.noticeDeadline && compareDates(status.noticeDeadline, until) < 0) expect(first && formatIsoDate(first.date)).toBe(formatIsoDate(status.noticeDeadline));
      else expect(first).toBeUndefined();
    }), { numRuns: 300 });
  });
});
