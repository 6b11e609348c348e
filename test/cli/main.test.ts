import { readdirSync } from "node:fs";
import { join } from "node:path";
import { USAGE, commandUsage, negativeValues, run } from "../../src/cli/main";
import { captureIO } from "./captureIO";

const COMMAND_FILES = readdirSync(join(__dirname, "..", "..", "src", "cli")).filter((f) => f.endsWith("Command.ts")).map((f) => f.replace(/Command\.ts$/, ""));

describe("the CLI's command table", () => {
  it("lists every command file in the help, each with its usage", () => {
    for (const name of COMMAND_FILES) expect(USAGE).toMatch(new RegExp(`^  samkalk ${name} `, "m"));
    expect(USAGE.match(/^  samkalk \w+/gm)).toHaveLength(COMMAND_FILES.length);
  });

  it("answers a usage error with that command's own usage, not the whole list", async () => {
    const { out, io } = captureIO();
    expect(await run(["bridge", "--last-fee", "5"], io)).toBe(2);
    expect(out.stderr).toContain("samkalk bridge: --changes <förändringar.csv|xlsx> saknas");
    expect(out.stderr).toContain(commandUsage("bridge"));
    expect(out.stderr).not.toContain("samkalk allocate");
  });

  it("keeps a usage's continuation lines together under --help", async () => {
    const { out, io } = captureIO();
    expect(await run(["notice", "--help"], io)).toBe(0);
    expect(out.stdout.split("\n").filter((l) => l.includes("--option-months"))).toHaveLength(1);
    expect(out.stdout).toMatch(/^Användning:\n  samkalk notice --end/);
  });

  it("says in Swedish when the command is unknown, and translates Node's own argument errors", async () => {
    const { out, io } = captureIO();
    expect(await run(["fördela"], io)).toBe(2);
    expect(out.stderr).toContain("okänt kommando 'fördela'");
    expect(await run(["allocate", "--totl", "5"], io)).toBe(2);
    expect(out.stderr).toContain("okänd flagga --totl");
  });

  it("gives a negative number to the option before it", () => {
    expect(negativeValues(["--total", "-5000", "--key", "k.csv"])).toEqual(["--total=-5000", "--key", "k.csv"]);
    expect(negativeValues(["--total", "\u22125000"])).toEqual(["--total=\u22125000"]);
    expect(negativeValues(["--json", "--key"])).toEqual(["--json", "--key"]);
  });
});
