/**
 * When two names are the same member (or service, or supplier). Decided once, here, and used by
 * every table, import and comparison: names from a CSV, a workbook and a ledger must meet.
 * - Unicode NFC: "Björkby" typed on a Mac (o + combining diaeresis) is "Björkby".
 * - Invisible characters are dropped: every format character (Unicode category Cf: zero-width
 *   space and joiners, BOM, soft hyphen, word joiner, the bidirectional marks U+200E/F,
 *   U+202A–E and U+2066–9) and control characters such as NUL. They come with copy-paste from
 *   web pages, PDFs and right-to-left text, and two names that differ only by them look the same.
 * - Every kind of space (NBSP, narrow NBSP, tabs) is one space; leading and trailing space go.
 * - Case does not matter. Unicode's default case mapping is right for Swedish (Å → å); the
 *   locale-aware version costs an ICU call per row, and reconciliation asks twice per row, so
 *   answers are cached.
 */
const INVISIBLE = /[\p{Cf}\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F]/gu;
const SPACES = /[\s\u00A0\u202F\u2007]+/g;

/**
 * A name or header as it is compared: NFC, invisible characters dropped, every run of spaces one
 * space, trimmed, lower case. The one rule behind member identity and header identity.
 */
export function identityText(text: string): string {
  return text.normalize("NFC").replace(INVISIBLE, "").replace(SPACES, " ").trim().toLowerCase();
}

/** The text without its invisible characters, for showing a name the user can recognise. */
export function visibleText(text: string): string {
  return text.replace(INVISIBLE, "");
}

const ids = new Map<string, string>();

/** Printable ASCII with single spaces inside: nothing to normalise but case. */
const PLAIN_ASCII = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;

export function memberId(name: string): string {
  let id = ids.get(name);
  if (id === undefined) {
    id = PLAIN_ASCII.test(name) ? name.toLowerCase() : identityText(name);
    if (ids.size > 500_000) ids.clear();
    ids.set(name, id);
  }
  return id;
}
