import { allocateCommand } from "../../src/cli/allocateCommand";
import { CliIO, UsageError } from "../../src/cli/io";
import { isDomainError, locatedMessage } from "../../src/core/errors";
import { captureIO } from "./captureIO";

/**
 * samkalk allocate's own options and output. The worked example, the JSON shape, the usage
 * errors and the printed gallery keys are pinned in cli.test.ts and tablesAsPrinted.test.ts.
 */
function allocate(args: string[], key: string) {
  const { out, io } = captureIO();
  const withKey: CliIO = { ...io, readFile: () => new TextEncoder().encode(key) };
  const code = allocateCommand(["--key", "nycklar/k.csv", ...args], withKey);
  // NBSP groups digits and joins "kr" and "%" to their numbers; spaces read more easily here.
  return { code, stdout: out.stdout.replace(/\u00a0/g, " "), stderr: out.stderr };
}

function refusal(args: string[], key: string): string {
  try {
    allocate(args, key);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    if (isDomainError(error)) return locatedMessage(error);
    throw error;
  }
  return "accepted";
}

const KEY = "Medlem;Vikt\nAsk;1\nBo;3\n";

describe("samkalk allocate", () => {
  it("asks for the key file in Swedish", () => {
    expect(() => allocateCommand(["--total", "100"], captureIO().io)).toThrow(new UsageError("--key <nyckel.csv> saknas"));
  });

  it("describes an equal share in the heading, and gives a tied krona to the larger weight", () => {
    const { code, stdout } = allocate(["--total", "100", "--equal-share", "0,5"], KEY);
    expect(code).toBe(0);
    // Ask 25 + 12,5 = 37,5 and Bo 25 + 37,5 = 62,5: the half krona goes to Bo, the larger weight.
    expect(stdout).toContain("Fördelning av 100 kr med 50 % rak andel och 50 % efter vikt (Vikt), avrundat med största rest\n");
    expect(stdout).toMatch(/^Ask\s+1\s+37$/m);
    expect(stdout).toMatch(/^Bo\s+3\s+63$/m);
    expect(stdout).toMatch(/^Summa\s+4\s+100$/m);
  });

  it("reads an equal share given in percent and names both parts at its precision", () => {
    const { stdout } = allocate(["--total", "100", "--equal-share", "12,5 %", "--json"], KEY);
    // 6,25 each equally and 87,5 by weight: Ask 28,125, Bo 71,875.
    expect(JSON.parse(stdout).parts.map((p: { amount: number }) => p.amount)).toEqual([28, 72]);
    expect(allocate(["--total", "100", "--equal-share", "12,5 %"], KEY).stdout).toContain("med 12,5 % rak andel och 87,5 % efter vikt");
  });

  it("shows weights as written and amounts at --decimals", () => {
    const { stdout } = allocate(["--total", "100", "--decimals", "2"], "Medlem;Vikt\nAsk;1,5\nBo;2,25\n");
    expect(stdout).toContain("Fördelning av 100,00 kr efter vikt (Vikt), avrundat med största rest\n");
    expect(stdout).toMatch(/^Ask\s+1,5\s+40,00$/m);
    expect(stdout).toMatch(/^Bo\s+2,25\s+60,00$/m);
    expect(stdout).toMatch(/^Summa\s+3,75\s+100,00$/m);
  });

  it("tells a bare parenthesis in the key on stderr, naming the file, row and column, and keeps stdout JSON", () => {
    const { code, stdout, stderr } = allocate(["--total", "100", "--json"], "Medlem;Vikt;Kostnad\nAsk;1;(100)\nBo;3;5\n");
    expect(code).toBe(0);
    expect(JSON.parse(stdout).parts.map((p: { amount: number }) => p.amount)).toEqual([25, 75]);
    expect(stderr).toBe("nycklar/k.csv, rad 2, kolumn Kostnad: (100) lästes som −100 (redovisningssed: parentes utan tecken betyder ett negativt belopp)");
  });

  it("--compare prints both splits of the same total and the change, after minus before", () => {
    const key = "Medlem;Användare 2025;Användare 2026\nAsk;1;3\nBo;3;1\n";
    const { stdout } = allocate(["--total", "100", "--column", "Användare 2026", "--compare", "Användare 2025"], key);
    expect(stdout).toContain("100 kr fördelat efter vikt efter Användare 2025 och efter Användare 2026, samma belopp, avrundat med största rest\n");
    expect(stdout).toMatch(/^Medlem\s+Användare 2025\s+Användare 2026\s+Förändring$/m);
    expect(stdout).toMatch(/^Ask\s+25\s+75\s+\+50$/m);
    expect(stdout).toMatch(/^Bo\s+75\s+25\s+-50$/m);
    expect(stdout).toMatch(/^Summa\s+100\s+100\s+0$/m);
    expect(stdout).not.toContain("Grupp"); // a key without groups has no group table
  });

  it("--groups prints each group with its members under it, exact at both levels", () => {
    const key = "Medlem;Vikt\nNorr\nAsk;1\nBo;3\nSöder\nCeder;4\n";
    const { stdout } = allocate(["--total", "100", "--groups"], key);
    expect(stdout).toContain("Fördelning av 100 kr i två nivåer, först till grupperna och sedan inom varje grupp efter vikt (Vikt), avrundat med största rest på båda nivåerna\n");
    // 50 to each group; within Norr 12,5 and 37,5, the tied krona to Bo.
    expect(stdout.split("\n").slice(1).map((l) => l.trim().split(/\s{2,}/))).toEqual([
      ["Grupp", "Medlem", "Vikt", "Belopp (kr)"],
      ["-----", "------", "----", "-----------"],
      ["Norr", "4", "50"],
      ["Ask", "1", "12"],
      ["Bo", "3", "38"],
      ["Söder", "4", "50"],
      ["Ceder", "4", "50"],
      ["Summa", "8", "100"],
    ]);
  });

  it("--groups refuses a key without group rows", () => {
    expect(refusal(["--total", "100", "--groups"], KEY)).toContain("nyckeln har inga grupprader");
  });
});
