import { checkCommand } from "../../src/cli/checkCommand";
import { CliIO, UsageError } from "../../src/cli/io";
import { captureIO } from "./captureIO";

/**
 * samkalk check's text output and exit codes. Its JSON findings, a clean table's exit 0 and an
 * unknown column in a rule are pinned in cli.test.ts, the printed gallery in tablesAsPrinted.test.ts.
 */
function check(args: string[], table: string) {
  const { out, io } = captureIO();
  const withTable: CliIO = { ...io, readFile: () => new TextEncoder().encode(table) };
  const code = checkCommand(["rapporter/t.csv", ...args], withTable);
  return { code, stdout: out.stdout.replace(/\u00a0/g, " "), stderr: out.stderr };
}

const rowsOf = (stdout: string) => stdout.split("\n").filter((l) => /^\s*\d+\s/.test(l)).map((l) => l.trim().split(/\s{2,}/));

describe("samkalk check", () => {
  it("counts the rows it checked, totals included, in the singular and the plural", () => {
    expect(check([], "A;B\nx;1\ny;2\nSumma;3\n").stdout).toBe("t.csv: inga fel hittades (3 rader kontrollerade).");
    expect(check([], "A;B\nx;1\n").stdout).toBe("t.csv: inga fel hittades (1 rad kontrollerade).");
  });

  it("lists each finding by file row, row name and column with expected, actual and difference, and exits 1", () => {
    const { code, stdout } = check(["--rule", "Summa = A + B"], "Post;A;B;Summa\nx;1;2;3\ny;4;5;10\n");
    expect(code).toBe(1);
    expect(stdout).toMatch(/^t\.csv: 1 avvikelse\n/);
    expect(stdout).toMatch(/^Rad\s+Radnamn\s+Kolumn\s+Förväntat\s+Faktiskt\s+Differens$/m);
    expect(rowsOf(stdout)).toEqual([["3", "y", "Summa", "9", "10", "1"]]);
    expect(stdout).toMatch(/\n- raden 'y': [^\n]+$/); // then each finding in words, one a line
  });

  it("takes several rules and says avvikelser in the plural", () => {
    const { stdout } = check(["--rule", "C = A + B", "--rule", "D = A * B"], "Post;A;B;C;D\nx;1;2;4;9\n");
    expect(stdout).toMatch(/^t\.csv: 2 avvikelser\n/);
    expect(rowsOf(stdout)).toEqual([["2", "x", "C", "3", "4", "1"], ["2", "x", "D", "2", "9", "7"]]);
    expect(check(["--rule", "C = A + B"], "Post;A;B;C;D\nx;1;2;3;9\n").code).toBe(0);
  });

  it("shows shares in percent as printed, where JSON gives fractions", () => {
    const table = "Medlem;Användare;Andel\nAsk;1;25,00 %\nBo;3;70,00 %\n";
    expect(rowsOf(check([], table).stdout)).toEqual([["3", "Bo", "Andel", "75 %", "70 %", "-5 %"]]);
    expect(JSON.parse(check(["--json"], table).stdout).findings[0]).toMatchObject({ kind: "share", expected: 0.75, actual: 0.7, difference: -0.05 });
  });

  it("tells a bare parenthesis on stderr, naming the file, row and column", () => {
    const { stderr } = check([], "Post;Belopp\nx;(5)\ny;7\nSumma;2\n");
    expect(stderr).toBe("t.csv, rad 2, kolumn Belopp: (5) lästes som −5 (redovisningssed: parentes utan tecken betyder ett negativt belopp)");
  });

  it.each([[[]], [["a.csv", "b.csv"]]])("wants exactly one table, not %j", (positionals) => {
    expect(() => checkCommand(positionals, captureIO().io)).toThrow(new UsageError("ange exakt en tabell: samkalk check <tabell.csv>"));
  });
});
