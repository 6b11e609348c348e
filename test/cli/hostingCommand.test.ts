import { hostingCommand } from "../../src/cli/hostingCommand";
import { CliIO, UsageError } from "../../src/cli/io";
import { captureIO } from "./captureIO";

/**
 * samkalk hosting's own options, text and exit codes. The gallery comparison over 36 months (Moln
 * against Egen drift) and a start month 13 are pinned in calculators.test.ts.
 */
const KEY = "Medlem;Vikt\nAsk;1\nBo;1\n";
const CLOUD = "Alternativ;Post;Typ;Belopp\nMoln;Licens;per månad;1 000\nMoln;Flytt;engång;1 200\n";

async function hosting(args: string[], costs = CLOUD) {
  const files: Record<string, string> = { "in/kostnader.csv": costs, "in/nyckel.csv": KEY };
  const { out, io } = captureIO();
  const withFiles: CliIO = { ...io, readFile: (path) => new TextEncoder().encode(files[path]) };
  const code = await hostingCommand(["--costs", "in/kostnader.csv", "--key", "in/nyckel.csv", ...args], withFiles);
  return { code, stdout: out.stdout.replace(/\u00a0/g, " "), stderr: out.stderr };
}

async function refusal(args: string[]): Promise<string> {
  try {
    await hosting(args);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  return "accepted";
}

describe("samkalk hosting", () => {
  // 12 months of 1 000 and 1 200 one-off spread as 100 a month: 1 100 a month, 550 per member.
  it("splits a period that starts mid-year into the calendar years it touches, per member", async () => {
    const { code, stdout } = await hosting(["--months", "12", "--start", "2027-7", "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect([json.months, json.start]).toEqual([12, "2027-07"]);
    expect(json.options).toEqual([{
      name: "Moln", monthlyCost: 1000, oneOffCost: 1200, total: 13_200,
      years: [{ year: 2027, months: 6, amount: 6600 }, { year: 2028, months: 6, amount: 6600 }],
      members: [{ member: "Ask", total: 6600, years: [3300, 3300] }, { member: "Bo", total: 6600, years: [3300, 3300] }],
    }]);
    expect(json.difference ?? null).toBeNull(); // one alternative has nothing to be compared with
  });

  it("says what it spread over how long, and marks a part year by its months", async () => {
    const { stdout } = await hosting(["--months", "12", "--start", " 2027-07 "]);
    expect(stdout).toMatch(/^12 månader från 2027-07\. Moln: 1 000 kr\/mån och engångskostnader 1 200 kr fördelade på 12 månader\.\n\n/);
    expect(stdout).toMatch(/^Alternativ\s+Medlem\s+2027 \(6 mån\)\s+2028 \(6 mån\)\s+Summa$/m);
    expect(stdout).toMatch(/^Moln\s+Alla\s+6 600\s+6 600\s+13 200$/m);
    expect(stdout).toMatch(/^\s+Bo\s+3 300\s+3 300\s+6 600$/m);
    expect(stdout).not.toContain("−");
  });

  it("exits 2 naming file, row and column when a cost cannot be read", async () => {
    const { code, stdout, stderr } = await hosting(["--months", "12", "--start", "2027-01"], `${CLOUD}Moln;Support;varje år;100\n`);
    expect([code, stdout]).toEqual([2, ""]);
    expect(stderr).toBe("samkalk hosting: kostnaderna kan inte läsas\nkostnader.csv, rad 4, kolumn Typ: typen 'varje år' ska vara \"per månad\" eller \"engång\"");
  });

  it.each([
    [["--months", "0", "--start", "2027-01"], "--months: '0' ska vara ett heltal från 1 till 1200"],
    [["--months", "1201", "--start", "2027-01"], "--months: '1201' ska vara ett heltal från 1 till 1200"],
    [["--months", "12", "--start", "2027/01"], "--start: '2027/01' ska vara en månad som 2027-01"],
    [["--months", "12", "--start", "2027-00"], "--start: '2027-00' ska vara en månad som 2027-01"],
    [["--start", "2027-01"], "--months <n> saknas"],
    [["--months", "12"], "--start <ÅÅÅÅ-MM> saknas"],
    [["--months", "12", "--start", "2027-01", "extra"], "okänt argument 'extra'"],
  ])("refuses %j in Swedish", async (args, message) => {
    expect(await refusal(args)).toBe(message);
  });

  it("asks for the costs and the key", async () => {
    await expect(hostingCommand(["--key", "k.csv"], captureIO().io)).rejects.toThrow(new UsageError("--costs <kostnader.csv> saknas"));
    await expect(hostingCommand(["--costs", "c.csv"], captureIO().io)).rejects.toThrow(new UsageError("--key <nyckel.csv> saknas"));
  });
});
