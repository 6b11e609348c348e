import { CivilDate, addDays } from "./dates";

/** One all-day event: a deadline on a date. */
export interface CalendarEvent {
  /** Globally unique and the same every time the same deadline is exported, so a re-import updates rather than duplicates. */
  uid: string;
  date: CivilDate;
  summary: string;
  description?: string;
}

const CRLF = "\r\n";
const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const icsDate = (d: CivilDate) => `${pad(d.year, 4)}${pad(d.month)}${pad(d.day)}`;

/** DTSTAMP is a UTC date-time (RFC 5545 §3.8.7.2), e.g. 20261201T221500Z. */
function icsStamp(stamp: Date): string {
  return `${pad(stamp.getUTCFullYear(), 4)}${pad(stamp.getUTCMonth() + 1)}${pad(stamp.getUTCDate())}T${pad(stamp.getUTCHours())}${pad(stamp.getUTCMinutes())}${pad(stamp.getUTCSeconds())}Z`;
}

/** TEXT values (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, line breaks as \n. */
export function escapeText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
}

const utf8Length = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/**
 * Folds a content line so that no line is longer than 75 octets (RFC 5545 §3.1): a continuation
 * line starts with a space, which counts. A UTF-8 character ("å" is two octets) is never split.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = utf8Length(ch.codePointAt(0)!);
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/**
 * A small, stable hash (cyrb53) for UIDs: the same text gives the same id in every run and on
 * every machine, so nothing depends on a clock or a random source.
 */
export function stableHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, "0");
}

/**
 * An iCalendar object (RFC 5545) with one all-day VEVENT per event: VERSION and PRODID on the
 * calendar; UID, DTSTAMP and DTSTART;VALUE=DATE (with DTEND the next day, as Outlook expects) on
 * each event, free time (TRANSP), CRLF line ends, lines folded at 75 octets and text escaped.
 */
export function toICalendar(events: readonly CalendarEvent[], options: { prodId: string; stamp: Date; name?: string }): string {
  const stamp = icsStamp(options.stamp);
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:${options.prodId}`, "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
  if (options.name) lines.push(`X-WR-CALNAME:${escapeText(options.name)}`);
  for (const e of events) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${e.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(e.date)}`,
      `DTEND;VALUE=DATE:${icsDate(addDays(e.date, 1))}`,
      `SUMMARY:${escapeText(e.summary)}`,
      ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join(CRLF) + CRLF;
}
