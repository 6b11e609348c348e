import { readFileSync } from "node:fs";
import { join } from "node:path";
import { run } from "../../src/cli/main";
import { CliIO } from "../../src/cli/io";
import { OutputFile } from "../../src/cli/outputFiles";
import { parseCsvBytes } from "../../src/io/csv";
import { readKey } from "../../src/model/keyFile";

const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, "..", "fixtures", name)));

async function cli(args: string[]) {
  let stdout = "";
  let stderr = "";
  const written: OutputFile[] = [];
  const io: CliIO = {
    stdout: (t) => (stdout += `${t}\n`),
    stderr: (t) => (stderr += `${t}\n`),
    readFile: (path) => fixture(path.replace(/^fixtures\//, "")),
    writeFiles: (outputs) => void written.push(...outputs),
    today: () => new Date(2026, 10, 23),
  };
  const code = await run(args, io);
  return { code, stdout, stderr, written };
}

describe("samkalk bridge", () => {
  const changes = ["--changes", "fixtures/tables-as-printed/forandringar.csv"];

  it("leads from 17 640 000 through the printed changes to 18 372 470 with remainder 0 (exit 0)", async () => {
    const { code, stdout } = await cli(["bridge", ...changes, "--last-fee", "17 640 000", "--fee", "18 372 470", "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ lastFee: 17_640_000, explained: 732_470, explainedFee: 18_372_470, fee: 18_372_470, remainder: 0, printedTotal: { line: 12, shown: 732_470, matches: true } });
    expect(json.changes.map((c: { amount: number }) => c.amount)).toEqual([334_100, -285_000, 1_500_000, -400_000, 212_600, -949_775, -96_500, 75_000, -18_200, 360_245]);
    expect(json.changes[2]).toEqual({ label: "Säkerhetsövervakning, ny tjänst", amount: 1_500_000, runningTotal: 19_189_100 });
  });

  it("shows an unexplained remainder in the text and exits 1", async () => {
    const { code, stdout } = await cli(["bridge", ...changes, "--last-fee", "17640000", "--fee", "18400000"]);
    expect(code).toBe(1);
    expect(stdout).toContain("Oförklarad rest");
    expect(stdout).toContain("+27\u00a0530\u00a0kr");
    expect(stdout).toContain("Säkerhetsövervakning, ny tjänst");
  });

  it("without --fee shows where the changes lead and asks for this year's fee", async () => {
    const { code, stdout } = await cli(["bridge", ...changes, "--last-fee", "17640000"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Förändringarna leder till 18\u00a0372\u00a0470\u00a0kr");
  });

  it("asks for --last-fee in Swedish", async () => {
    const { code, stderr } = await cli(["bridge", ...changes]);
    expect(code).toBe(2);
    expect(stderr).toContain("--last-fee <belopp> saknas");
  });
});

describe("samkalk population", () => {
  it("takes each member's figure at 1 November of the year before the key year from SCB's JSON-stat2, and writes a key that records it", async () => {
    const { code, stdout, written } = await cli(["population", "fixtures/scb/folkmangd-1-november.json", "--year", "2026", "--reference", "1-nov", "-o", "nyckel.csv", "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      referenceDate: "2025-11-01",
      table: "Folkmängden den 1 november efter region och år (Folkmängd 1 november)",
      members: [
        { member: "Ovanåker", code: "2121", inhabitants: 11_380, referenceDate: "2025-11-01", source: "SCB, Folkmängden den 1 november efter region och år (Folkmängd 1 november), 2025" },
        { member: "Ljusdal", code: "2161", inhabitants: 18_812, referenceDate: "2025-11-01", source: expect.any(String) },
        { member: "Bollnäs", code: "2183", inhabitants: 26_262, referenceDate: "2025-11-01", source: expect.any(String) },
        { member: "Hudiksvall", code: "2184", inhabitants: 37_712, referenceDate: "2025-11-01", source: expect.any(String) },
      ],
    });
    expect(written.map((w) => w.path)).toEqual(["nyckel.csv"]);
    const key = readKey(parseCsvBytes(written[0].bytes, "nyckel.csv"));
    expect(key.map((e) => [e.member, e.weight.toFixed()])).toEqual([["Ovanåker", "11380"], ["Ljusdal", "18812"], ["Bollnäs", "26262"], ["Hudiksvall", "37712"]]);
    expect(new TextDecoder().decode(written[0].bytes)).toContain("Invånare 2025-11-01;Invånare;2025-11-01;Bollnäs;26262;SCB, Folkmängden den 1 november efter region och år (Folkmängd 1 november), 2025 (region 2183)");
  });

  it("refuses a date the table has no figure for, naming the dates it has (exit 2)", async () => {
    const { code, stderr } = await cli(["population", "fixtures/scb/folkmangd-31-december.csv", "--date", "2025-11-01"]);
    expect(code).toBe(2);
    expect(stderr).toContain("tabellen har inga invånartal per 2025-11-01; den har 2023-12-31, 2024-12-31");
  });

  it("reads the 31 December CSV (years in the headers) with --year and --reference 31-dec", async () => {
    const { code, stdout } = await cli(["population", "fixtures/scb/folkmangd-31-december.csv", "--year", "2025", "--reference", "31-dec"]);
    expect(code).toBe(0);
    expect(stdout).toContain("invånare per 2024-12-31");
    expect(stdout).toMatch(/Bollnäs\s+2183\s+26\u00a0279/);
  });
});

describe("samkalk hosting", () => {
  const args = ["hosting", "--costs", "fixtures/drift-kostnader.csv", "--key", "fixtures/nyckel-invanare-tre.csv", "--months", "36", "--start", "2027-01"];

  it("compares cloud and own operation over 36 months per kommun and year, exactly", async () => {
    const { code, stdout } = await cli([...args, "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.options.map((o: { name: string; total: number; years: { amount: number }[] }) => [o.name, o.total, o.years.map((y) => y.amount)])).toEqual([
      ["Moln", 1_676_000, [558_672, 558_668, 558_660]],
      ["Egen drift", 1_758_000, [586_008, 585_996, 585_996]],
    ]);
    expect(json.difference).toMatchObject({ total: -82_000, years: [-27_336, -27_328, -27_336] });
    expect(json.difference.members.map((m: { member: string; total: number }) => [m.member, m.total])).toEqual([["Bollnäs", -38_114], ["Ljusdal", -27_344], ["Ovanåker", -16_542]]);
    for (const o of json.options) {
      for (const m of o.members) expect(m.years.reduce((s: number, y: number) => s + y, 0)).toBe(m.total);
      o.years.forEach((y: { amount: number }, j: number) => expect(o.members.reduce((s: number, m: { years: number[] }) => s + m.years[j], 0)).toBe(y.amount));
    }
  });

  it("prints a table with the difference, and refuses a start month that does not exist", async () => {
    const { stdout } = await cli(args);
    expect(stdout).toContain("Moln − Egen drift");
    expect(stdout).toMatch(/Moln\s+Alla\s+558\u00a0672\s+558\u00a0668\s+558\u00a0660\s+1\u00a0676\u00a0000/);
    const { code, stderr } = await cli([...args.slice(0, 7), "--start", "2027-13"]);
    expect(code).toBe(2);
    expect(stderr).toContain("--start: '2027-13' ska vara en månad som 2027-01");
  });
});

describe("samkalk capital", () => {
  it("gives the plan's capital cost per year at 2 % and 2028's price per user for the Prislista", async () => {
    const { code, stdout } = await cli(["capital", "--plan", "fixtures/investeringsplan.csv", "--rate", "2", "--volume", "2028=4120", "--service", "IT-arbetsplats, kapitalkostnad", "--unit", "användare/år", "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.perYear.map((y: { year: number; capitalCost: number }) => [y.year, y.capitalCost])).toEqual([[2027, 264_000], [2028, 577_200], [2029, 601_734], [2030, 590_266], [2031, 278_800]]);
    expect(json.investments[2].years.map((y: { depreciation: number; interest: number }) => [y.depreciation, y.interest])).toEqual([[33_334, 2_000], [33_333, 1_333], [33_333, 667]]);
    expect(json.prices).toEqual([{ service: "IT-arbetsplats, kapitalkostnad", unit: "användare/år", price: 140.1, validFrom: "2028-01-01", validTo: "2028-12-31" }]);
  });

  it("states its convention in the text and refuses a volume for a year without capital cost", async () => {
    const { stdout } = await cli(["capital", "--plan", "fixtures/investeringsplan.csv", "--rate", "2 %"]);
    expect(stdout).toContain("internränta 2,00\u00a0% på bokfört värde vid årets början");
    expect(stdout).toMatch(/Summa 2029\s+573\u00a0334\s+28\u00a0400\s+601\u00a0734/);
    const { code, stderr } = await cli(["capital", "--plan", "fixtures/investeringsplan.csv", "--rate", "2", "--volume", "2040=10", "--service", "X"]);
    expect(code).toBe(2);
    expect(stderr).toContain("investeringsplanen har ingen kapitalkostnad 2040");
  });
});
