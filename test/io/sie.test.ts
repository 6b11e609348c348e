import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { Amount } from "../../src/core/money";
import { makeDate } from "../../src/core/dates";
import { ledgerOutcomes } from "../../src/core/ledger";
import { parseSie, tokenize } from "../../src/io/sie";

const fixture = new Uint8Array(readFileSync(join(__dirname, "..", "fixtures", "tre-kommuner", "huvudbok-2025.se")));
const cp437 = (text: string) => {
  const high = "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ";
  return new Uint8Array([...text].map((c) => (c.charCodeAt(0) < 0x80 ? c.charCodeAt(0) : 0x80 + high.indexOf(c))));
};

describe("SIE 4", () => {
  it("reads a PC-8 file's vouchers and transactions, with the voucher's date and text where a #TRANS has none", () => {
    const sie = parseSie(fixture, "huvudbok-2025.se");
    expect(sie.errors).toEqual([]);
    expect(sie.transactions).toHaveLength(15);
    const first = sie.transactions[0];
    expect([first.account, first.objects, first.amount.toFixed(2), first.date, first.text, first.voucher, first.line]).toEqual(["5421", { "1": "10" }, "56250.00", makeDate(2025, 1, 31), "Visma faktura 1/2", "A 1", 18]);
    expect(sie.transactions.find((t) => t.account === "5423")!.text).toBe("Skolportalen licens, Ask");
    expect(sie.company).toMatch(/^IT-nämnden Ask/);
  });

  it("decodes PC-8 (code page 437) and takes UTF-8 with a BOM", () => {
    const pc8 = parseSie(cp437('#FORMAT PC8\n#VER A 1 20250101 "Björkby växel"\n{\n#TRANS 5420 {} 10.00\n}\n'), "a.se");
    expect(pc8.transactions[0].text).toBe("Björkby växel");
    const utf8 = parseSie(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('#VER A 1 20250101 "Björkby"\n{\n#TRANS 5420 {} 10.00\n}\n')]), "b.se");
    expect(utf8.transactions[0].text).toBe("Björkby");
  });

  it("splits fields: quotes with \\\" inside, object lists, empty lists", () => {
    expect(tokenize('#TRANS 5420 {1 "10" 6 "P 1"} -12.50 20250101 "Faktura \\"A\\"" 1')).toEqual(["#TRANS", "5420", ["1", "10", "6", "P 1"], "-12.50", "20250101", 'Faktura "A"', "1"]);
    expect(tokenize("#TRANS 5420 {} 1.00")).toEqual(["#TRANS", "5420", [], "1.00"]);
  });

  it("refuses a transaction with two objects in one dimension instead of booking it to the last one", () => {
    const text = ['#VER A 1 20250101 "x"', "{", '#TRANS 5421 {1 "10" 1 "20"} 100.00', '#TRANS 5421 {1 "10" 6 "P1"} 5.00', '#TRANS 5421 {1 "10" 1 "10"} 7.00', '#TRANS 5421 {1} 1.00', "}"].join("\n");
    const sie = parseSie(new TextEncoder().encode(text), "två-objekt.se");
    expect(sie.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [3, "objektlista", "objektlistan har två objekt i dimension 1 ('10' och '20'); en transaktion hör till högst ett objekt per dimension"],
      [6, "objektlista", "objektlistan {1} har en dimension utan objekt"],
    ]);
    expect(sie.transactions.map((t) => [t.objects, t.amount.toFixed(2)])).toEqual([[{ "1": "10", "6": "P1" }, "5.00"], [{ "1": "10" }, "7.00"]]);
  });

  it("names the line and field of what it cannot read, and never guesses", () => {
    const text = ['#VER A 1 20250101 "x"', "{", "#TRANS 5420 {} 12,50", "#TRANS 54x0 {} 1.00", "#TRANS 5420 {} 1.00 20251301", "}", "#TRANS 5420 {} 1.00", "}", "#VER A 2 2025 \"y\"", "{", "#TRANS 1 {} 1"].join("\n");
    const sie = parseSie(new TextEncoder().encode(text), "trasig.se");
    expect(sie.errors.map((e) => [e.row, e.column])).toEqual([[3, "belopp"], [4, "kontonr"], [5, "transdat"], [7, ""], [8, ""], [9, "verdatum"], [11, ""]]);
    expect(sie.errors[0].message).toBe("'12,50' är inget belopp (SIE skriver t.ex. -1234.50)");
    expect(sie.errors[6].message).toBe("filen slutar inne i ett verifikat: '}' saknas");
  });

  it("round-trips: what a writer puts in a voucher comes back exactly (property)", () => {
    const trans = fc.record({
      account: fc.integer({ min: 1000, max: 8999 }).map(String),
      obj: fc.option(fc.constantFrom("10", "20", "30"), { nil: null }),
      cents: fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }),
      text: fc.string({ maxLength: 20 }).map((t) => t.replace(/[\r\n]/g, " ")),
    });
    fc.assert(fc.property(fc.array(trans, { minLength: 1, maxLength: 20 }), (list) => {
      const esc = (t: string) => `"${t.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
      const lines = ['#FLAGGA 0', '#VER A 1 20250615 "Verifikat"', "{", ...list.map((t) => `#TRANS ${t.account} {${t.obj ? `1 "${t.obj}"` : ""}} ${new Amount(t.cents).dividedBy(100).toFixed(2)} 20250615 ${esc(t.text)}`), "}"];
      const sie = parseSie(new TextEncoder().encode(`\ufeff${lines.join("\r\n")}`), "rt.se");
      expect(sie.errors).toEqual([]);
      expect(sie.transactions.map((t) => [t.account, t.objects, t.amount.toFixed(2), t.text])).toEqual(list.map((t) => [t.account, t.obj ? { "1": t.obj } : {}, new Amount(t.cents).dividedBy(100).toFixed(2), t.text || "Verifikat"]));
    }), { numRuns: 200 });
  });

  it("fuzz: any bytes give transactions or located errors, never a crash", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), fc.array(fc.constantFrom("#VER A 1 20250101 \"v\"", "{", "}", "#TRANS 5420 {1 \"10\"} 1.00", "#TRANS", "#TRANS 5420 {1 \"10\"", "#VER", "\"", "{{", "#RAR 0 x y"), { maxLength: 30 }), (bytes, lines) => {
        for (const input of [bytes, new TextEncoder().encode(lines.join("\n"))]) {
          const sie = parseSie(input, "fuzz.se");
          for (const e of sie.errors) expect(e.row).toBeGreaterThan(0);
          for (const t of sie.transactions) expect(t.amount.isFinite()).toBe(true);
        }
      }), { numRuns: 500 });
  });

  it("maps the year's transactions by account, object and text; unmapped ones on mapped accounts are listed", () => {
    const sie = parseSie(fixture, "huvudbok-2025.se");
    const rule = (account: string, object: string, text: string, member: string, supplier: string) => ({ account, object, text, member, supplier });
    const result = ledgerOutcomes(sie.transactions, [rule("5421", "1:10", "", "Ask", "Ekonomisystem"), rule("5423", "", "skolportal", "Ask", "Skolportal")], 2025);
    expect(result.outcomes.map((o) => [o.member, o.supplier, o.invoiced!.toNumber()])).toEqual([["Ask", "Ekonomisystem", 112_500], ["Ask", "Skolportal", 48_000]]);
    expect(result.unmapped.map((t) => t.objects["1"])).toEqual(["20", "30", "20", "30", "99"]);
    expect(result.used).toEqual([2, 1]);
    expect(result.otherAccounts).toBe(5); // 1930 (4) and 5422 (1); the 2024 voucher is another year
  });
});
