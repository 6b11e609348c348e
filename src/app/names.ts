import { memberId } from "../core/memberIdentity";

/**
 * Names for sheets or files made from member names: characters the target refuses are replaced,
 * the length is capped, and two members never get the same name, nor one of the reserved names
 * (compared case-folded, as Excel and Windows compare them): a clash gets " (2)", " (3)" ….
 */
export function uniqueNames(bases: readonly string[], reserved: readonly string[], maxLength: number, clean: (text: string) => string): string[] {
  const taken = new Set(reserved.map(memberId));
  return bases.map((base) => {
    const cleaned = clean(base).replace(/\s+/g, " ").trim() || "namnlös";
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? "" : ` (${n})`;
      const name = cleaned.slice(0, maxLength - suffix.length).trimEnd() + suffix;
      if (!taken.has(memberId(name))) {
        taken.add(memberId(name));
        return name;
      }
    }
  });
}
