import fc from "fast-check";
import ICAL from "ical.js";
import { escapeText, foldLine, stableHash, toICalendar } from "../../src/core/icalendar";
import { parseDate } from "../../src/core/dates";

const octets = (s: string) => new TextEncoder().encode(s).length;

describe("iCalendar (RFC 5545)", () => {
  it("escapes TEXT: backslash, semicolon, comma and line breaks", () => {
    expect(escapeText("Avtal; Visma, Ask\\Björkby\nrad 2")).toBe("Avtal\\; Visma\\, Ask\\\\Björkby\\nrad 2");
  });

  it("folds at 75 octets, counting å as two and never splitting it", () => {
    const line = `SUMMARY:${"å".repeat(40)}`; // 8 + 80 octets: 33 å fill 74, a 34th would make 76
    const folded = foldLine(line).split("\r\n");
    expect(folded.map(octets)).toEqual([74, 15]);
    expect(folded[1].startsWith(" ")).toBe(true);
    expect(folded[0] + folded[1].slice(1)).toBe(line);
  });

  it("property: every folded line is at most 75 octets, and unfolding gives the line back", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (text) => {
      const line = `DESCRIPTION:${escapeText(text)}`;
      const lines = foldLine(line).split("\r\n");
      for (const l of lines) expect(octets(l)).toBeLessThanOrEqual(75);
      expect(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join("")).toBe(line);
    }), { numRuns: 300 });
  });

  it("writes VCALENDAR with VERSION and PRODID, and VEVENTs with UID, DTSTAMP and an all-day DTSTART", () => {
    const text = toICalendar([{ uid: "20271231-x@samkalk", date: parseDate("2027-12-31"), summary: "Avtalsperioden slutar: Visma, Ask", description: "rad 1\nrad 2" }], { prodId: "-//Samkalk//Test//SV", stamp: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)) });
    expect(text.split("\r\n")).toEqual([
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Samkalk//Test//SV", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
      "BEGIN:VEVENT", "UID:20271231-x@samkalk", "DTSTAMP:20260102T030405Z", "DTSTART;VALUE=DATE:20271231", "DTEND;VALUE=DATE:20280101",
      "SUMMARY:Avtalsperioden slutar: Visma\\, Ask", "DESCRIPTION:rad 1\\nrad 2", "TRANSP:TRANSPARENT", "END:VEVENT", "END:VCALENDAR", "",
    ]);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent("vevent")!);
    expect([event.summary, event.description, event.startDate.toString(), event.endDate.toString()]).toEqual(["Avtalsperioden slutar: Visma, Ask", "rad 1\nrad 2", "2027-12-31", "2028-01-01"]);
  });

  it("hashes the same text to the same id, and different texts apart", () => {
    expect(stableHash("Ask\u0000Visma")).toBe(stableHash("Ask\u0000Visma"));
    expect(stableHash("Ask\u0000Visma")).not.toBe(stableHash("Ask\u0000Vism"));
    expect(stableHash("")).toMatch(/^[0-9a-f]{14}$/);
  });
});
