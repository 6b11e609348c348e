import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../src/cli/main";
import { CliIO } from "../../src/cli/io";

async function cli(args: string[], files: Record<string, string | Uint8Array> = {}) {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: (t) => (stdout += `${t}\n`),
    stderr: (t) => (stderr += `${t}\n`),
    readFile: (path) => {
      const content = files[path];
      if (content === undefined) throw Object.assign(new Error("missing"), { code: "ENOENT" });
      return typeof content === "string" ? new TextEncoder().encode(content) : content;
    },
    writeFiles: () => {
      throw new Error("no writes expected");
    },
    today: () => new Date(2026, 10, 23),
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

const KEY = "Medlem;Invånare\nAsk;12 345\nBjörkby;6 789\nCeder;25 010\nDal;3 001\n";

describe("samkalk allocate", () => {
  it("reproduces DOMAIN.md's worked example as JSON, parts in input order", async () => {
    const r = await cli(["allocate", "--total", "100000", "--key", "k.csv", "--equal-share", "0.5", "--json"], { "k.csv": KEY });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      total: 100000,
      weightColumn: "Invånare",
      parts: [
        { member: "Ask", weight: 12345, amount: 25593 },
        { member: "Björkby", weight: 6789, amount: 19700 },
        { member: "Ceder", weight: 25010, amount: 39024 },
        { member: "Dal", weight: 3001, amount: 15683 },
      ],
    });
  });

  it("prints a readable Swedish table with a sum row", async () => {
    const r = await cli(["allocate", "--total", "100 000,50", "--key", "k.csv", "--decimals", "2"], { "k.csv": KEY });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Fördelning av 100\u00a0000,50\u00a0kr efter vikt");
    expect(r.stdout).toMatch(/Summa\s+47\u00a0145\s+100\u00a0000,50/);
  });

  it("exits 2 naming file, row and column for a bad key", async () => {
    const r = await cli(["allocate", "--total", "100", "--key", "k.csv"], { "k.csv": "Medlem;Vikt\nAsk;1\nAsk;2\n" });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("fil k.csv, rad 3, kolumn Medlem: medlemmen 'Ask' finns redan på rad 2");
  });

  it.each([
    [["allocate", "--key", "k.csv"], "--total <belopp> saknas"],
    [["allocate", "--total", "tio", "--key", "k.csv"], "--total: 'tio' är inget tal"],
    [["allocate", "--total", "1", "--key", "k.csv", "--decimals", "3"], "--decimals: '3' ska vara ett heltal från 0 till 2"],
    [["allocate", "--total", "1", "--key", "saknas.csv"], "fil saknas.csv: filen finns inte"],
    [["allocate", "--total", "1", "--key", "k.csv", "--bogus"], "okänd flagga --bogus"],
    [["frobnicate"], "okänt kommando 'frobnicate'"],
  ])("exits 2 with a Swedish message for %j", async (args, message) => {
    const r = await cli(args, { "k.csv": KEY });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

describe("samkalk check", () => {
  const TABLE = "Kategori;Driftbudget;Personalkostnader;Summa kategori\nServrar;100;50;150\nNät;10;5;16\nSumma;110;55;165\n";
  it("reports findings as JSON and exits 1", async () => {
    const r = await cli(["check", "t.csv", "--json", "--rule", "Summa kategori = Driftbudget + Personalkostnader"], { "t.csv": TABLE });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings).toEqual([
      { kind: "rule", row: "Nät", column: "Summa kategori", expected: 15, actual: 16, difference: 1, message: expect.stringContaining("ger 15") },
      { kind: "total-row", row: "Summa", column: "Summa kategori", expected: 166, actual: 165, difference: -1, message: expect.stringContaining("summan av raderna är 166") },
      { kind: "rule", row: "Summa", column: "Summa kategori", expected: 165, actual: 165, difference: 0, message: expect.any(String) },
    ].filter((f) => f.difference !== 0));
  });
  it("exits 0 with a clean table", async () => {
    const r = await cli(["check", "t.csv"], { "t.csv": "A;B\nx;1\ny;2\nSumma;3\n" });
    expect([r.code, r.stdout]).toEqual([0, expect.stringContaining("inga fel hittades")]);
  });
  it("exits 2 when a rule names an unknown column", async () => {
    const r = await cli(["check", "t.csv", "--rule", "B = C + D"], { "t.csv": "A;B\nx;1\n" });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("nämner kolumnen 'C'");
  });
});

describe("samkalk notice", () => {
  it("without renewal, the period end is the end date, and a passed deadline is no deadline", async () => {
    const r = await cli(["notice", "--end", "2025-04-30", "--notice-months", "6", "--as-of", "2024-06-01", "--json"]);
    expect(JSON.parse(r.stdout)).toEqual({ periodEnd: "2025-04-30", noticeDeadline: "2024-10-31", renewals: 0, endsIfNoticed: "2025-04-30" });
    const passed = await cli(["notice", "--end", "2025-04-30", "--notice-months", "6", "--json"]);
    expect(JSON.parse(passed.stdout)).toEqual({ periodEnd: "2025-04-30", noticeDeadline: null, renewals: 0, endsIfNoticed: null });
    expect((await cli(["notice", "--end", "2025-04-30", "--notice-months", "6"])).stdout).toMatch(/Ingen uppsägning behövs\s+avtalet förlängs inte och upphör 2025-04-30/);
  });
  it("with renewal, finds the running period as of a date", async () => {
    const r = await cli(["notice", "--end", "2014-06-30", "--notice-months", "3", "--renewal-months", "12", "--as-of", "2026-03-01", "--json"]);
    expect(JSON.parse(r.stdout)).toEqual({ periodEnd: "2026-06-30", noticeDeadline: "2026-03-31", renewals: 12, endsIfNoticed: "2026-06-30" });
  });
  it("never answers a date in the past: monthly renewal with three months' notice", async () => {
    const r = await cli(["notice", "--end", "2020-01-31", "--notice-months", "3", "--renewal-months", "1", "--as-of", "2020-03-15", "--json"]);
    expect(JSON.parse(r.stdout)).toEqual({ periodEnd: "2020-03-31", noticeDeadline: "2020-03-31", renewals: 2, endsIfNoticed: "2020-06-30" });
  });
  it("defaults --as-of to today and prints Swedish text", async () => {
    const r = await cli(["notice", "--end", "2024-04-30", "--notice-months", "6", "--renewal-months", "12"]);
    expect(r.stdout).toContain("Per 2026-11-23:");
    expect(r.stdout).toMatch(/Säg upp senast\s+2027-10-31/);
  });
  it("lists options and takes a fixed notice day", async () => {
    const r = await cli(["notice", "--end", "2026-12-31", "--fixed-notice", "30 dec året före", "--renewal-months", "12", "--option-months", "12", "--option-count", "2", "--option-call-by", "6", "--as-of", "2025-06-01", "--json"]);
    expect(JSON.parse(r.stdout)).toEqual({
      periodEnd: "2026-12-31", noticeDeadline: "2025-12-30", renewals: 0, endsIfNoticed: "2026-12-31",
      options: [{ option: 1, callBy: "2026-06-30", extendsTo: "2027-12-31" }, { option: 2, callBy: "2027-06-30", extendsTo: "2028-12-31" }],
    });
    expect((await cli(["notice", "--end", "2026-12-31", "--notice-months", "3", "--option-months", "24", "--option-call-by", "2026-05-31"])).stdout).toContain("Option 1 påkallas senast 2026-05-31 (förlänger till 2028-12-31)");
    const dayAfterEnd = JSON.parse((await cli(["notice", "--end", "2027-04-30", "--fixed-notice", "12-30", "--renewal-months", "12", "--as-of", "2026-06-01", "--json"])).stdout);
    expect([dayAfterEnd.noticeDeadline, dayAfterEnd.endsIfNoticed]).toEqual(["2026-12-30", "2027-04-30"]); // never after the period end
  });
  it("lists options of different lengths, each with its own call-by date, for a contract without a notice clause", async () => {
    const r = await cli(["notice", "--end", "2026-12-31", "--option-months", "24,12", "--option-call-by", "6", "--as-of", "2026-01-15", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      periodEnd: "2026-12-31", noticeDeadline: null, renewals: 0, endsIfNoticed: null,
      options: [{ option: 1, callBy: "2026-06-30", extendsTo: "2028-12-31" }, { option: 2, callBy: "2028-06-30", extendsTo: "2029-12-31" }],
    });
    const text = (await cli(["notice", "--end", "2026-12-31", "--option-months", "24,12", "--option-call-by", "2026-05-31,3", "--as-of", "2026-01-15"])).stdout;
    expect(text).toMatch(/Ingen uppsägningsklausul\s+avtalet upphör 2026-12-31 om ingen option påkallas/);
    expect(text).toContain("Option 1 påkallas senast 2026-05-31 (förlänger till 2028-12-31)");
    expect(text).toContain("Option 2 påkallas senast 2028-09-30 (förlänger till 2029-12-31)");
    const mismatch = await cli(["notice", "--end", "2026-12-31", "--option-months", "24,12,12", "--option-call-by", "6,3"]);
    expect([mismatch.code, mismatch.stderr]).toEqual([2, expect.stringContaining("2 påkallelsedagar för 3 optioner")]);
  });
  it("dates the wind-down settlement N months after the end notice brings about (month-end rule)", async () => {
    const r = await cli(["notice", "--end", "2025-11-30", "--notice-months", "6", "--renewal-months", "12", "--settle-within", "3", "--as-of", "2025-01-10", "--json"]);
    expect(JSON.parse(r.stdout)).toEqual({ periodEnd: "2025-11-30", noticeDeadline: "2025-05-31", renewals: 0, endsIfNoticed: "2025-11-30", settleBy: "2026-02-28" });
    const late = await cli(["notice", "--end", "2025-11-30", "--notice-months", "6", "--renewal-months", "12", "--settle-within", "3", "--as-of", "2025-06-10"]);
    expect(late.stdout).toMatch(/Slutreglering senast\s+2027-02-28 \(3 mån efter 2026-11-30\)/);
  });
  it("exits 2 for an invalid date", async () => {
    const r = await cli(["notice", "--end", "2022-02-30", "--notice-months", "6"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("2022-02-30 är inget giltigt datum");
  });
});

describe("the installed samkalk binary", () => {
  it("runs from bin/ with real files and exit codes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "samkalk-"));
    const keyPath = join(dir, "nyckel.csv");
    // Windows-1252, as Swedish Excel saves CSV.
    writeFileSync(keyPath, Buffer.from(KEY.replace("Björkby", "Bj\u00f6rkby"), "latin1"));
    const out = execFileSync("node", ["bin/samkalk.js", "allocate", "--total", "100000", "--key", keyPath, "--equal-share", "0,5", "--json"], { encoding: "utf-8" });
    expect(JSON.parse(out).parts.map((p: { member: string; amount: number }) => `${p.member} ${p.amount}`)).toEqual(["Ask 25593", "Björkby 19700", "Ceder 39024", "Dal 15683"]);
    const bad = spawnSync("node", ["bin/samkalk.js", "allocate", "--total", "1", "--key", join(dir, "nej.csv")], { encoding: "utf-8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("filen finns inte");
  });
});

describe("every command", () => {
  it.each(["allocate", "check", "notice", "calendar", "recalc", "invoice", "fee", "reconcile"])("%s --help prints its own usage and exits 0", async (command) => {
    const r = await cli([command, "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`samkalk ${command} `);
    expect(r.stdout.split("\n").filter((l) => /^\s+samkalk /.test(l))).toHaveLength(1);
  });
  it("takes a negative number as an option's value, and answers in Swedish", async () => {
    const r = await cli(["allocate", "--total", "-5000", "--key", "k.csv", "--json"], { "k.csv": KEY });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).parts.map((p: { amount: number }) => p.amount).reduce((a: number, b: number) => a + b, 0)).toBe(-5000);
    const fee = await cli(["fee", "--budget", "b.csv", "--uplift", "−1,5"], { "b.csv": "Kategori;Driftbudget\nDrift;1000\n" });
    expect(fee.code).toBe(0);
    expect(fee.stdout).toContain("Uppräkning -1,50");
  });
});
