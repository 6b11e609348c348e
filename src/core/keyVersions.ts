import { KeyEntry, validateKey } from "./allocation";
import { CivilDate, compareDates, formatIsoDate } from "./dates";
import { DomainError } from "./errors";
import { memberId } from "./memberIdentity";

/**
 * One decided version of an allocation key (DOMAIN.md §3.4): users counted in March, or SCB's
 * inhabitants at 1 November of the year before. It applies from `validFrom` until the next
 * version does.
 */
export interface KeyVersion {
  name: string;
  /** What the weights count: "Användare", "Invånare", "Licenser" … */
  driver: string;
  /** The date the driver was counted at (e.g. 2024-11-01 for SCB's figure); null if not stated. */
  referenceDate: CivilDate | null;
  validFrom: CivilDate;
  entries: KeyEntry[];
}

/** One row of a key table in long form: a member's weight in one version. */
export interface KeyVersionRow {
  version: string;
  driver: string;
  referenceDate: CivilDate | null;
  validFrom: CivilDate;
  member: string;
  weight: KeyEntry["weight"];
}

export interface KeyVersionProblem {
  /** Index of the row in the input. */
  index: number;
  /** The key row's field at fault; the model names its column. */
  field: "version" | "driver" | "referenceDate" | "validFrom" | "member";
  message: string;
}

/**
 * Groups key rows into versions, oldest first. Every row of a version must agree on driver,
 * reference date and valid-from date, a member appears once per version, and two versions never
 * apply from the same date: such rows are returned as problems, never guessed.
 */
export function groupKeyVersions(rows: readonly KeyVersionRow[]): { versions: KeyVersion[]; problems: KeyVersionProblem[] } {
  const byName = new Map<string, { version: KeyVersion; members: Set<string>; first: number }>();
  const problems: KeyVersionProblem[] = [];
  rows.forEach((row, index) => {
    const id = memberId(row.version);
    const found = byName.get(id);
    if (!found) {
      byName.set(id, {
        version: { name: row.version, driver: row.driver, referenceDate: row.referenceDate, validFrom: row.validFrom, entries: [{ member: row.member, weight: row.weight }] },
        members: new Set([memberId(row.member)]),
        first: index,
      });
      return;
    }
    const v = found.version;
    const dateText = (d: CivilDate | null) => (d ? formatIsoDate(d) : "inget");
    if (compareDates(v.validFrom, row.validFrom) !== 0) {
      problems.push({ index, field: "validFrom", message: `nyckeln '${row.version}' gäller från ${formatIsoDate(v.validFrom)} på en tidigare rad, men ${formatIsoDate(row.validFrom)} här` });
    } else if (memberId(v.driver) !== memberId(row.driver)) {
      problems.push({ index, field: "driver", message: `nyckeln '${row.version}' har drivaren '${v.driver}' på en tidigare rad, men '${row.driver}' här` });
    } else if ((v.referenceDate === null) !== (row.referenceDate === null) || (v.referenceDate && row.referenceDate && compareDates(v.referenceDate, row.referenceDate) !== 0)) {
      problems.push({ index, field: "referenceDate", message: `nyckeln '${row.version}' har referensdatum ${dateText(v.referenceDate)} på en tidigare rad, men ${dateText(row.referenceDate)} här` });
    } else if (found.members.has(memberId(row.member))) {
      problems.push({ index, field: "member", message: `medlemmen '${row.member}' finns två gånger i nyckeln '${row.version}'` });
    } else {
      found.members.add(memberId(row.member));
      v.entries.push({ member: row.member, weight: row.weight });
    }
  });
  const versions = [...byName.values()].sort((a, b) => compareDates(a.version.validFrom, b.version.validFrom) || a.first - b.first);
  for (let i = 1; i < versions.length; i++) {
    if (compareDates(versions[i].version.validFrom, versions[i - 1].version.validFrom) === 0) {
      problems.push({ index: versions[i].first, field: "validFrom", message: `nycklarna '${versions[i - 1].version.name}' och '${versions[i].version.name}' gäller båda från ${formatIsoDate(versions[i].version.validFrom)}; ange vilken som gäller` });
    }
  }
  return { versions: versions.map((v) => v.version), problems };
}

/** The version in force on a date: the latest that applies from that date or earlier. */
export function versionInForce(versions: readonly KeyVersion[], date: CivilDate): KeyVersion {
  let found: KeyVersion | null = null;
  for (const v of versions) if (compareDates(v.validFrom, date) <= 0 && (!found || compareDates(v.validFrom, found.validFrom) >= 0)) found = v;
  if (!found) {
    const first = versions.length ? `; den tidigaste gäller från ${formatIsoDate(versions.reduce((a, b) => (compareDates(a.validFrom, b.validFrom) <= 0 ? a : b)).validFrom)}` : "";
    throw new DomainError("EMPTY_KEY", `ingen nyckel gäller ${formatIsoDate(date)}${first}`);
  }
  validateKey(found.entries);
  return found;
}

/** The version before `version` (by valid-from date), or null for the first. */
export function previousVersion(versions: readonly KeyVersion[], version: KeyVersion): KeyVersion | null {
  let found: KeyVersion | null = null;
  for (const v of versions) if (compareDates(v.validFrom, version.validFrom) < 0 && (!found || compareDates(v.validFrom, found.validFrom) > 0)) found = v;
  return found;
}
