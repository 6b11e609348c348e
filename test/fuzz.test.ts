import fc from "fast-check";
import { Amount } from "../src/core/money";
import { isDomainError } from "../src/core/errors";
import { formatAmount, parseNumberText } from "../src/core/numberText";
import { parseDate } from "../src/core/dates";
import { parseCsvText } from "../src/io/csv";
import { readKey } from "../src/model/keyFile";
import { importRecurringDates } from "../src/model/recurringDates";
import { calendarEntries, calendarFile } from "../src/app/calendar";
import { checkTable } from "../src/core/tablecheck";
import { FUNCTIONS } from "../src/functions/catalogue";
import { FunctionError } from "../src/functions/functionError";

/**
 * Every parser and every custom function, on arbitrary input, returns a value or a typed error
 * (DomainError, FunctionError): never another exception, never NaN or Infinity.
 */
const RUNS = { numRuns: 400 };

function typedOrValue<T>(run: () => T): T | "typed-error" {
  try {
    return run();
  } catch (error) {
    if (isDomainError(error) || error instanceof FunctionError) return "typed-error";
    throw error;
  }
}

const numberish = fc.stringMatching(/^[-−+(]?[0-9 \u00a0\u202f.,]{0,14}(kr|tkr|%| SEK|\))?$/);
const anyText = fc.oneof(fc.string(), fc.string({ unit: "grapheme", maxLength: 20 }), numberish, fc.constantFrom("n/a", "saknas", "-", "- kr", "", "1e308", "9".repeat(400)));

describe("fuzzing the parsers", () => {
  it("parseNumberText returns a finite number, blank, missing or a typed error", () => {
    fc.assert(fc.property(anyText, (text) => {
      const result = typedOrValue(() => parseNumberText(text));
      if (result !== "typed-error" && result.kind === "number") expect(result.value.isFinite()).toBe(true);
    }), RUNS);
  });

  it("parseDate returns a real date or a typed error", () => {
    const dateish = fc.oneof(anyText, fc.tuple(fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${y}-${m}-${d}`));
    fc.assert(fc.property(dateish, (text) => {
      const result = typedOrValue(() => parseDate(text));
      if (result !== "typed-error") expect(result.day).toBeLessThanOrEqual(31);
    }), RUNS);
  });

  it("CSV parsing and key reading never throw anything but typed errors", () => {
    const field = fc.oneof(anyText, fc.constantFrom('"', ";", "\n", "\r\n", '""', "Medlem", "Vikt"));
    const csv = fc.array(fc.array(field, { maxLength: 4 }), { maxLength: 6 }).map((rows) => rows.map((r) => r.join(";")).join("\n"));
    fc.assert(fc.property(csv, (text) => {
      const table = typedOrValue(() => parseCsvText(text, "fuzz.csv"));
      if (table === "typed-error") return;
      const key = typedOrValue(() => readKey(table));
      if (key !== "typed-error") for (const e of key) expect(e.weight.isFinite() && !e.weight.isNegative()).toBe(true);
    }), RUNS);
  });

  it("a recurring-dates file gives row errors or dates, and any titles give an .ics with lines of at most 75 octets", () => {
    const field = fc.oneof(anyText, fc.constantFrom(";", "\n", "årligen", "kvartalsvis", "halvårsvis", "mars", "13", "31", "sista", "året efter"));
    const csv = fc.array(fc.array(field, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }).map((rows) => ["Händelse;Upprepas;Månad;Dag;Gäller;Medlem", ...rows.map((r) => r.join(";"))].join("\n"));
    fc.assert(fc.property(csv, (text) => {
      const table = typedOrValue(() => parseCsvText(text, "datum.csv"));
      if (table === "typed-error") return;
      const rules = importRecurringDates(table).records;
      const entries = calendarEntries([], rules, parseDate("2027-01-01"), 24);
      for (const line of calendarFile(entries, new Date(0)).split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    }), { numRuns: 200 });
  });

  it("the table checker explains or accepts any grid", () => {
    const cell = fc.oneof(anyText, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null));
    fc.assert(fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }), (grid) => {
      const findings = typedOrValue(() => checkTable(grid));
      if (findings !== "typed-error") for (const f of findings) expect(f.message.length).toBeGreaterThan(0);
    }), { ...RUNS, examples: [[[[null, "%"], [null, -1.7976931348623151e308], [0, 0]]]] });
  });

  it("parse(format(x)) == x", () => {
    fc.assert(fc.property(fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }), fc.integer({ min: 0, max: 2 }), (units, d) => {
      const x = new Amount(units.toString()).dividedBy(10 ** d);
      const parsed = parseNumberText(formatAmount(x, { decimals: d, unit: "kr" }));
      expect(parsed.kind === "number" && parsed.value.equals(x)).toBe(true);
    }), RUNS);
  });
});

describe("fuzzing the custom functions", () => {
  const scalar = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
    fc.integer({ min: -100, max: 1_000_000 }),
    anyText,
    fc.boolean(),
    fc.constant(null),
    fc.constant(""),
  );
  const matrix = fc.integer({ min: 1, max: 5 }).chain((w) => fc.array(fc.array(scalar, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 5 }));
  const finite = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(finite);
    else if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
    else if (v !== null && typeof v === "object") expect(v).toBeInstanceOf(FunctionError);
  };

  it.each(FUNCTIONS.map((f) => [f.sv, f] as const))("%s returns a value or an Excel error for any arguments", (_name, spec) => {
    const args = fc.array(fc.oneof(scalar, matrix), { minLength: spec.minArgs, maxLength: spec.maxArgs });
    fc.assert(fc.property(args, (list) => {
      const converted = list.map((a, i) => (spec.rangeArgs.includes(i) && !Array.isArray(a) ? [[a]] : a));
      const result = typedOrValue(() => spec.run(...(converted as never[])));
      if (result !== "typed-error") finite(result);
    }), { numRuns: 250 });
  });
});
