/**
 * When two names are the same member (or service, or supplier). Decided once, here, and used by
 * every table, import and comparison: names from a CSV, a workbook and a ledger must meet.
 * - Unicode NFC: "Björkby" typed on a Mac (o + combining diaeresis) is "Björkby".
 * - Invisible characters (zero-width space/joiners, BOM, soft hyphen, word joiner, control
 *   characters such as NUL) are dropped: they come with copy-paste from web pages and PDFs.
 * - Every kind of space (NBSP, narrow NBSP, tabs) is one space; leading and trailing space go.
 * - Case does not matter. Unicode's default case mapping is right for Swedish (Å → å); the
 *   locale-aware version costs an ICU call per row, and reconciliation asks twice per row, so
 *   answers are cached.
 */
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const SPACES = /[\s\u00A0\u202F\u2007]+/g;

const ids = new Map<string, string>();

/** Printable ASCII with single spaces inside: nothing to normalise but case. */
const PLAIN_ASCII = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;

export function memberId(name: string): string {
  let id = ids.get(name);
  if (id === undefined) {
    id = PLAIN_ASCII.test(name) ? name.toLowerCase() : name.normalize("NFC").replace(INVISIBLE, "").replace(SPACES, " ").trim().toLowerCase();
    if (ids.size > 500_000) ids.clear();
    ids.set(name, id);
  }
  return id;
}
