import { bridgeCommand } from "../../src/cli/bridgeCommand";
import { CliIO, UsageError } from "../../src/cli/io";
import { captureIO } from "./captureIO";

/**
 * samkalk bridge's own options, text and exit codes. The printed gallery list (17 640 000 →
 * 18 372 470), its JSON and the missing --last-fee are pinned in calculators.test.ts.
 */
async function bridge(args: string[], list: string) {
  const { out, io } = captureIO();
  const withList: CliIO = { ...io, readFile: () => new TextEncoder().encode(list) };
  const code = await bridgeCommand(["--changes", "beslut/förändringar.csv", ...args], withList);
  return { code, stdout: out.stdout.replace(/\u00a0/g, " ") };
}

async function refusal(args: string[]): Promise<string> {
  try {
    await bridgeCommand(args, captureIO().io);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  return "accepted";
}

const TWO = "Förändring;Belopp\nLicenser;(+ 1 000)\nLokaler;(- 500)\n";

describe("samkalk bridge", () => {
  it("leads from last year's fee through each change, signed, to this year's, and exits 0 when all is explained", async () => {
    const { code, stdout } = await bridge(["--last-fee", "10 000", "--fee", "10 500"], TWO);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^förändringar\.csv: 2 förändringar\n\n/);
    const rows = stdout.split("\n").slice(4, 10).map((l) => l.trim().split(/\s{2,}/));
    expect(rows).toEqual([
      ["Beslutad avgift föregående år", "10 000 kr"],
      ["Licenser", "+1 000 kr", "11 000 kr"],
      ["Lokaler", "-500 kr", "10 500 kr"],
      ["Summa förändringar", "+500 kr", "10 500 kr"],
      ["Beslutad avgift i år", "10 500 kr"],
      ["Oförklarad rest", "0 kr"],
    ]);
  });

  it("says one change in the singular, and leaves out this year's rows without --fee", async () => {
    const { code, stdout } = await bridge(["--last-fee", "10000"], "Förändring;Belopp\nLicenser;(+ 1 000)\n");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^förändringar\.csv: 1 förändring\n/);
    expect(stdout).not.toContain("Beslutad avgift i år");
    expect(stdout).not.toContain("Oförklarad rest");
  });

  it("exits 1 when the list's own Summa is not its changes, even with nothing unexplained, and says where", async () => {
    const { code, stdout } = await bridge(["--last-fee", "10000", "--fee", "10500"], `${TWO}Summa;600\n`);
    expect(code).toBe(1);
    expect(stdout).toContain("Listans egen summa på rad 4 är 600 kr, men förändringarna summerar till 500 kr.");
    const json = await bridge(["--last-fee", "10000", "--fee", "10500", "--json"], `${TWO}Summa;600\n`);
    expect([json.code, JSON.parse(json.stdout).printedTotal]).toEqual([1, { line: 4, shown: 600, matches: false }]);
  });

  it("tells how a bare parenthesis was read, by row and column", async () => {
    const { stdout } = await bridge(["--last-fee", "10000"], "Förändring;Belopp\nLokaler;(500)\n");
    expect(stdout).toContain("Obs: rad 2, Belopp: (500) lästes som −500 (redovisningssed: parentes utan tecken betyder ett negativt belopp)");
    expect(stdout).toMatch(/Lokaler\s+-500 kr\s+9 500 kr/);
  });

  it("exits 1 in JSON too when a remainder is left, with the remainder signed as this year's minus what the changes explain", async () => {
    const { code, stdout } = await bridge(["--last-fee", "10000", "--fee", "10400", "--json"], TWO);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ explained: 500, explainedFee: 10_500, fee: 10_400, remainder: -100, printedTotal: null });
  });

  it.each([
    [["extra.csv", "--changes", "f.csv", "--last-fee", "1"], "okänt argument 'extra.csv'"],
    [["--changes", "f.csv", "--last-fee", "1", "--fee", "elva"], "--fee: 'elva' är inget tal"],
  ])("refuses %j in Swedish", async (args, message) => {
    expect(await refusal(args)).toBe(message);
  });
});
