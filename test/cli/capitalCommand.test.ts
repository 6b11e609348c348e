import { capitalCommand } from "../../src/cli/capitalCommand";
import { CliIO, UsageError } from "../../src/cli/io";
import { captureIO } from "./captureIO";

/**
 * samkalk capital's own options, text and exit codes. The gallery plan at 2 % with the 2028
 * price, and a volume for a year without capital cost, are pinned in calculators.test.ts.
 */
const PLAN = "Investering;År;Belopp;Avskrivningstid\nNät;2027;1 000 000;4\n";

async function capital(args: string[], plan = PLAN) {
  const { out, io } = captureIO();
  const withPlan: CliIO = { ...io, readFile: () => new TextEncoder().encode(plan) };
  const code = await capitalCommand(["--plan", "indata/plan.csv", ...args], withPlan);
  return { code, stdout: out.stdout.replace(/\u00a0/g, " "), stderr: out.stderr };
}

async function refusal(args: string[]): Promise<string> {
  try {
    await capital(args);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  return "accepted";
}

describe("samkalk capital", () => {
  // 1 000 000 over 4 years: 250 000 a year; interest on 1 000 000, 750 000, 500 000 and 250 000.
  it("prints each year's book value, depreciation, interest and capital cost, and the sum per year", async () => {
    const { code, stdout } = await capital(["--rate", "2"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Rak avskrivning från året investeringen tas i bruk; internränta 2,00 % på bokfört värde vid årets början\.\n\n/);
    expect(stdout).toMatch(/^Nät\s+2027\s+1 000 000\s+250 000\s+20 000\s+270 000$/m);
    expect(stdout).toMatch(/^Nät\s+2030\s+250 000\s+250 000\s+5 000\s+255 000$/m);
    expect(stdout).toMatch(/^Summa 2029\s+250 000\s+10 000\s+260 000$/m);
    expect(stdout).not.toContain("Prislista");
  });

  it.each([["2", 0.02, 20_000], ["2 %", 0.02, 20_000], ["0,5", 0.005, 5_000]])("reads --rate %j as %d: a bare number is percent", async (rate, fraction, interest) => {
    const json = JSON.parse((await capital(["--rate", rate, "--json"])).stdout);
    expect([json.rate, json.investments[0].years[0].interest]).toEqual([fraction, interest]);
  });

  it("prices a year's capital cost per unit for the Prislista, valid that calendar year, with --unit optional", async () => {
    const json = JSON.parse((await capital(["--rate", "2", "--volume", "2028: 1 000", "--service", "Nät, kapitalkostnad", "--json"])).stdout);
    expect(json.prices).toEqual([{ service: "Nät, kapitalkostnad", unit: "", price: 265, validFrom: "2028-01-01", validTo: "2028-12-31" }]);
    const { stdout } = await capital(["--rate", "2", "--volume", "2028=1000", "--service", "Nät", "--unit", "port/år"]);
    expect(stdout).toMatch(/\nPrislista:\n.*\n.*\nNät\s+port\/år\s+265,00\s+2028-01-01\s+2028-12-31$/);
  });

  it("exits 2 naming file, row and column when the plan cannot be read", async () => {
    const { code, stdout, stderr } = await capital(["--rate", "2"], "Investering;År;Belopp;Avskrivningstid\nNät;2027;1 000 000;0\n");
    expect([code, stdout]).toEqual([2, ""]);
    expect(stderr).toBe("samkalk capital: investeringsplanen kan inte läsas\nplan.csv, rad 2, kolumn Avskrivningstid: avskrivningstiden ska vara ett heltal från 1 till 100, inte 0");
  });

  it.each([
    [["--rate", "2", "--volume", "28=4120", "--service", "X"], "--volume: '28=4120' ska vara år=volym, t.ex. 2028=4120"],
    [["--rate", "2", "--volume", "1899=10", "--service", "X"], "--volume: '1899' ska vara ett heltal från 1900 till 2200"],
    [["--rate", "2", "--volume", "2028=många", "--service", "X"], "--volume: 'många' är inget tal"],
    [["--rate", "2", "--volume", "2028=4120"], "--service \"<tjänst>\" behövs för priset per enhet i Prislistan"],
    [[], "--rate <procent> saknas"],
    [["--rate", "två"], "--rate: 'två' är inget tal"],
    [["--rate", "2", "plan2.csv"], "okänt argument 'plan2.csv'"],
  ])("refuses %j in Swedish", async (args, message) => {
    expect(await refusal(args)).toBe(message);
  });

  it("asks for the plan", async () => {
    await expect(capitalCommand(["--rate", "2"], captureIO().io)).rejects.toThrow(new UsageError("--plan <investeringar.csv> saknas"));
  });
});
