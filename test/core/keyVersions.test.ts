import fc from "fast-check";
import { Amount } from "../../src/core/money";
import { parseDate } from "../../src/core/dates";
import { KeyVersion, groupKeyVersions, previousVersion, versionInForce } from "../../src/core/keyVersions";
import { yearSchedule } from "../../src/core/invoicing";
import { allocate } from "../../src/core/allocation";

const A = (v: number | string) => new Amount(v);
const d = parseDate;
const sum = (values: readonly Amount[]) => values.reduce((s, v) => s.plus(v), A(0));
const version = (name: string, validFrom: string, weights: Record<string, number>): KeyVersion => ({
  name, driver: "Användare", referenceDate: null, validFrom: d(validFrom), entries: Object.entries(weights).map(([member, w]) => ({ member, weight: A(w) })),
});

const v2025 = version("Användare 2025", "2025-01-01", { Ask: 400, Björkby: 240, Ceder: 640, Dal: 120 });
const v2026 = version("Användare 2026", "2026-04-01", { Ask: 410, Björkby: 230, Ceder: 655, Dal: 118 });

describe("key versions", () => {
  it("groups long rows into versions and finds the one in force on a date", () => {
    const rows = [
      ...v2026.entries.map((e) => ({ version: "Användare 2026", driver: "Användare", referenceDate: d("2026-03-15"), validFrom: d("2026-04-01"), ...e })),
      ...v2025.entries.map((e) => ({ version: "Användare 2025", driver: "Användare", referenceDate: d("2025-03-15"), validFrom: d("2025-01-01"), ...e })),
    ];
    const { versions, problems } = groupKeyVersions(rows);
    expect(problems).toEqual([]);
    expect(versions.map((v) => v.name)).toEqual(["Användare 2025", "Användare 2026"]);
    expect(versionInForce(versions, d("2026-03-31")).name).toBe("Användare 2025");
    expect(versionInForce(versions, d("2026-04-01")).name).toBe("Användare 2026");
    expect(previousVersion(versions, versions[1])?.name).toBe("Användare 2025");
    expect(() => versionInForce(versions, d("2024-12-31"))).toThrow("ingen nyckel gäller 2024-12-31; den tidigaste gäller från 2025-01-01");
  });
  it("reports rows of one version that disagree, a member twice and two versions from one date", () => {
    const base = { driver: "Användare", referenceDate: null, weight: A(1) };
    const { problems } = groupKeyVersions([
      { ...base, version: "A", validFrom: d("2026-01-01"), member: "Ask" },
      { ...base, version: "A", validFrom: d("2026-02-01"), member: "Dal" },
      { ...base, version: "a ", validFrom: d("2026-01-01"), member: "ASK" },
      { ...base, version: "B", validFrom: d("2026-01-01"), member: "Ask" },
    ]);
    expect(problems.map((p) => [p.index, p.field])).toEqual([[1, "validFrom"], [2, "member"], [3, "validFrom"]]);
  });
});

describe("yearSchedule: invoicing by the key in force, with the true-up", () => {
  it("invoices Q1 by the old key and puts each member's true-up on the Q2 invoice; true-ups sum to 0", () => {
    const s = yearSchedule({ fee: 5_013_300, versions: [v2025, v2026], year: 2026, periodsPerYear: 4 });
    expect(s.periods.map((p) => p.version.name)).toEqual(["Användare 2025", "Användare 2026", "Användare 2026", "Användare 2026"]);
    expect(s.periods.map((p) => p.total.toNumber())).toEqual([1_253_325, 1_253_325, 1_253_325, 1_253_325]);
    const q2 = s.periods[1];
    expect(sum(q2.trueUps).isZero()).toBe(true);
    expect(q2.trueUps.some((t) => !t.isZero())).toBe(true);
    for (const p of s.periods) expect(sum(p.amounts).plus(sum(p.trueUps)).equals(p.total)).toBe(true);
    expect(s.periods[0].trueUps.every((t) => t.isZero()) && s.periods[2].trueUps.every((t) => t.isZero())).toBe(true);
    // Over the year each member pays exactly its share under the new key.
    const shares = allocate(5_013_300, v2026.entries).map((p) => p.amount);
    s.members.forEach((_, m) => expect(sum(s.periods.map((p) => p.amounts[m].plus(p.trueUps[m]))).equals(shares[m])).toBe(true));
    // Q1 is invoiced by the old key: each member's old share / 4, rounded down or up.
    allocate(5_013_300, v2025.entries).forEach((part, m) => {
      const exact = part.amount.dividedBy(4);
      expect(s.periods[0].amounts[m].minus(exact).abs().lessThan(1)).toBe(true);
    });
  });

  it("members of any version, random keys and change dates: true-ups sum to 0 and the year ends on the last key (property)", () => {
    const weights = fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 4, maxLength: 4 }).filter((w) => w.some((x) => x > 0));
    fc.assert(fc.property(fc.integer({ min: 0, max: 100_000_000 }), weights, weights, fc.integer({ min: 2, max: 12 }), fc.constantFrom(2, 4, 12), (fee, w1, w2, month, n) => {
      const names = ["Ask", "Björkby", "Ceder", "Dal"];
      const old = version("gammal", "2020-01-01", Object.fromEntries(names.map((m, i) => [m, w1[i]])));
      const next = version("ny", `2026-${String(month).padStart(2, "0")}-01`, Object.fromEntries(names.map((m, i) => [m, w2[i]])));
      const s = yearSchedule({ fee, versions: [old, next], year: 2026, periodsPerYear: n });
      for (const p of s.periods) {
        expect(sum(p.trueUps).isZero()).toBe(true);
        expect(sum(p.amounts).plus(sum(p.trueUps)).equals(p.total)).toBe(true);
      }
      const last = s.periods[n - 1].version;
      const shares = allocate(fee, last.entries).map((p) => p.amount);
      names.forEach((_, m) => expect(sum(s.periods.map((p) => p.amounts[m].plus(p.trueUps[m]))).equals(shares[m])).toBe(true));
    }), { numRuns: 300 });
  });
});
