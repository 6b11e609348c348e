import { memberId } from "./memberIdentity";

/**
 * Names for sheets and files made from member names. Excel refuses a sheet name over 31
 * characters, with one of / : \ ? * [ ], starting or ending with an apostrophe, or named
 * "History"; file systems refuse / (and Windows also \ : * ? " < > |), names over 255 bytes and,
 * on Windows, names ending in a dot or a space. A name is cut on whole graphemes, so an emoji or a
 * letter with its accent is never split in two (half an emoji is an invalid string in a file name).
 */
export interface NameRules {
  /** How long a name may be, as `measure` counts. */
  maxLength: number;
  measure: (text: string) => number;
  /** Characters the target refuses, replaced before the name is cut. */
  clean: (text: string) => string;
  /** What a name may not start or end with, removed after the cut as well. */
  trimEnds: (text: string) => string;
  /** Names the target keeps for itself (compared as members are: case folded). */
  reserved: readonly string[];
}

const utf8Length = (text: string) => new TextEncoder().encode(text).length;
const CONTROL = /\p{Cc}/gu;

export const SHEET_NAME: NameRules = {
  maxLength: 31,
  // Excel counts UTF-16 units: an emoji outside the BMP is two of its 31.
  measure: (text) => text.length,
  clean: (text) => text.replace(/[\\/?*[\]:]/g, " ").replace(CONTROL, ""),
  trimEnds: (text) => text.replace(/^['\s]+|['\s]+$/g, ""),
  reserved: ["History"],
};

/** File names on every system Samkalk's outputs travel to; the extension is added after. */
export const FILE_NAME: NameRules = {
  // 255 bytes is the limit on Linux and macOS; room is left for ".xlsx".
  maxLength: 240,
  measure: utf8Length,
  clean: (text) => text.replace(/[\\/:*?"<>|]/g, "_").replace(CONTROL, ""),
  trimEnds: (text) => text.replace(/^[.\s]+|[.\s]+$/g, ""),
  reserved: ["CON", "PRN", "AUX", "NUL", ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((n) => [`COM${n}`, `LPT${n}`])],
};

let segmenter: Intl.Segmenter | undefined;

/** The longest start of the text, in whole graphemes, that `measure` counts as at most `max`. */
export function cutGraphemes(text: string, max: number, measure: (text: string) => number = (t) => t.length): string {
  if (measure(text) <= max) return text;
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  let out = "";
  let length = 0;
  for (const { segment } of segmenter.segment(text)) {
    const n = measure(segment);
    if (length + n > max) break;
    out += segment;
    length += n;
  }
  return out;
}

/**
 * Valid, unique names: characters the target refuses are replaced, the length is capped on whole
 * graphemes, and two names never clash with each other or with a reserved name (compared
 * case-folded, as Excel and Windows compare them): a clash gets " (2)", " (3)" ….
 */
export function uniqueNames(bases: readonly string[], taken: readonly string[], rules: NameRules): string[] {
  const used = new Set([...rules.reserved, ...taken].map(memberId));
  return bases.map((base) => {
    const cleaned = rules.trimEnds(rules.clean(base).replace(/\s+/g, " ")) || "namnlös";
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? "" : ` (${n})`;
      const name = rules.trimEnds(cutGraphemes(cleaned, rules.maxLength - rules.measure(suffix), rules.measure)) + suffix;
      if (!used.has(memberId(name))) {
        used.add(memberId(name));
        return name;
      }
    }
  });
}

/**
 * The names of sheets copied as `<sheet><suffix>`, and which of the existing sheets they replace:
 * the earlier copies named in `replace` that exist and are none of the copied sheets themselves.
 * A replaced copy gives its name up; any other taken name gets the copy a " (2)". Names compare
 * without case, as in Excel.
 */
export function copyNames(sheets: readonly string[], suffix: string, existing: readonly string[], replace: readonly string[]): { names: string[]; replaced: string[] } {
  const among = (list: readonly string[], name: string) => list.some((n) => n.toLowerCase() === name.toLowerCase());
  const replaced = existing.filter((name) => among(replace, name) && !among(sheets, name));
  const names = uniqueNames(sheets.map((sheet) => `${sheet}${suffix}`), existing.filter((name) => !replaced.includes(name)), SHEET_NAME);
  return { names, replaced };
}

/** One valid name, e.g. a sheet named after a member in a file of its own. */
export function validName(base: string, rules: NameRules): string {
  return uniqueNames([base], [], rules)[0];
}
