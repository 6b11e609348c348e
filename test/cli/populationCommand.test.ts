import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { populationCommand } from "../../src/cli/populationCommand";
import { CliIO, UsageError } from "../../src/cli/io";
import { OutputFile } from "../../src/cli/outputFiles";
import { isDomainError, locatedMessage } from "../../src/core/errors";
import { captureIO } from "./captureIO";

/**
 * samkalk population's own options and output. SCB's two formats, the key written with -o and a
 * date the table lacks are pinned in calculators.test.ts.
 */
const SCB = join(__dirname, "..", "fixtures", "scb", "folkmangd-31-december.csv");
const MEMBERS = "Medlem;Vikt\nBollnäs;1\nOvanåker;1\n";

async function population(args: string[], members = MEMBERS) {
  const { out, io } = captureIO();
  const written: { outputs: readonly OutputFile[]; inputs: readonly string[] }[] = [];
  const withFiles: CliIO = {
    ...io,
    readFile: (path) => (path === "in/medlemmar.csv" ? new TextEncoder().encode(members) : io.readFile(path)),
    writeFiles: (outputs, inputs) => void written.push({ outputs, inputs }),
  };
  const code = await populationCommand([SCB, ...args], withFiles);
  return { code, stdout: out.stdout, written };
}

async function refusal(args: string[]): Promise<string> {
  try {
    await populationCommand(args, captureIO().io);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    if (isDomainError(error)) return locatedMessage(error);
    throw error;
  }
  return "accepted";
}

const figures = (stdout: string) => JSON.parse(stdout).members.map((m: { member: string; code: string; inhabitants: number }) => [m.member, m.code, m.inhabitants]);

describe("samkalk population", () => {
  it("takes only the key's members, in the key's order, at an explicit --date", async () => {
    const { code, stdout } = await population(["--date", "2024-12-31", "--members", "in/medlemmar.csv", "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).referenceDate).toBe("2024-12-31");
    expect(figures(stdout)).toEqual([["Bollnäs", "2183", 26_279], ["Ovanåker", "2121", 11_405]]);
  });

  it("reads --reference whatever its case and spaces: 31-dec for key year 2025 is 2024-12-31", async () => {
    const { stdout } = await population(["--year", "2025", "--reference", " 31-DEC ", "--json"]);
    expect(JSON.parse(stdout).referenceDate).toBe("2024-12-31");
    expect(figures(stdout)[0]).toEqual(["Ovanåker", "2121", 11_405]);
  });

  it("refuses a member the table does not have", async () => {
    const dir = mkdtempSync(join(tmpdir(), "samkalk-population-"));
    try {
      writeFileSync(join(dir, "medlemmar.csv"), "Medlem;Vikt\nBollnäs;1\nSala;1\n");
      expect(await refusal([SCB, "--date", "2024-12-31", "--members", join(dir, "medlemmar.csv")])).toContain("Sala finns inte i befolkningstabellen");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("hands the key to -o with every file it read as inputs not to be written over, and says where it went", async () => {
    const { stdout, written } = await population(["--date", "2024-12-31", "--members", "in/medlemmar.csv", "-o", "ut/nyckel.csv"]);
    expect(written.map((w) => [w.outputs.map((o) => o.path), w.inputs])).toEqual([[["ut/nyckel.csv"], [SCB, "in/medlemmar.csv"]]]);
    expect(stdout).toMatch(/^folkmangd-31-december\.csv: .*, invånare per 2024-12-31\n\n/);
    expect(stdout).toMatch(/\nNyckeln skrevs till ut\/nyckel\.csv\.$/);
  });

  it("never writes the key over the members file it read", async () => {
    const dir = mkdtempSync(join(tmpdir(), "samkalk-population-"));
    const members = join(dir, "medlemmar.csv");
    writeFileSync(members, MEMBERS);
    try {
      expect(await refusal([SCB, "--date", "2024-12-31", "--members", members, "-o", members])).toContain("utfilen är samma fil som infilen");
      expect(readFileSync(members, "utf8")).toBe(MEMBERS);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ["no SCB file", [], "ange exakt en fil från SCB"],
    ["two SCB files", [SCB, SCB, "--date", "2024-12-31"], "ange exakt en fil från SCB"],
    ["both --date and --year", [SCB, "--date", "2024-12-31", "--year", "2025"], "ange antingen --date eller --year med --reference, inte båda"],
    ["--year without --reference", [SCB, "--year", "2025"], "ange referensdatum: --date <ÅÅÅÅ-MM-DD>, eller --year <nyckelår> med --reference 31-dec|1-nov"],
    ["an unknown --reference", [SCB, "--year", "2025", "--reference", "1-jan"], "--reference: '1-jan' ska vara 31-dec (31 december året före) eller 1-nov (1 november året före)"],
    ["--year 1900", [SCB, "--year", "1900", "--reference", "31-dec"], "--year: '1900' ska vara ett heltal från 1901 till 9999"],
  ])("refuses %s in Swedish", async (_, args, message) => {
    expect(await refusal(args)).toBe(message);
  });
});
