import { noticeCommand } from "../../src/cli/noticeCommand";
import { UsageError } from "../../src/cli/io";
import { captureIO } from "./captureIO";

/**
 * samkalk notice's own options and text. The deadlines themselves (renewals, options, a fixed
 * notice day, the settlement) and an invalid --end are pinned in cli.test.ts.
 */
function notice(args: string[]) {
  const { out, io } = captureIO();
  const code = noticeCommand(args, { ...io, today: () => new Date(2026, 2, 1) });
  return { code, stdout: out.stdout };
}

function refusal(args: string[]): string {
  try {
    notice(args);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  return "accepted";
}

describe("samkalk notice", () => {
  it("prints the running period, its renewals and the notice deadline with the end it brings about", () => {
    const { code, stdout } = notice(["--end", "2026-12-31", "--notice-months", "6", "--renewal-months", "12"]);
    expect(code).toBe(0);
    expect(stdout.split("\n")).toEqual([
      "Per 2026-03-01:",
      "  Avtalsperioden slutar      2026-12-31",
      "  Automatiska förlängningar  0",
      "  Säg upp senast             2026-06-30 (avtalet upphör då 2026-12-31)",
    ]);
  });

  it("takes zero months' notice: the deadline is the period end itself", () => {
    expect(JSON.parse(notice(["--end", "2026-12-31", "--notice-months", "0", "--json"]).stdout)).toEqual({ periodEnd: "2026-12-31", noticeDeadline: "2026-12-31", renewals: 0, endsIfNoticed: "2026-12-31" });
  });

  it("lists two options of the same length from --option-count, each called six months before the end it extends", () => {
    const json = JSON.parse(notice(["--end", "2026-12-31", "--option-months", "12", "--option-count", "2", "--option-call-by", "6", "--json"]).stdout);
    expect(json.options).toEqual([{ option: 1, callBy: "2026-06-30", extendsTo: "2027-12-31" }, { option: 2, callBy: "2027-06-30", extendsTo: "2028-12-31" }]);
  });

  it.each([
    [["--notice-months", "6"], "--end <ÅÅÅÅ-MM-DD> saknas"],
    [["--end", "2026-12-31"], "--notice-months <n>, --fixed-notice \"30 dec året före\" eller --option-months <n> saknas"],
    [["--end", "2026-12-31", "--notice-months", "6", "--renewal-months", "0"], "--renewal-months: '0' ska vara ett heltal från 1 till 1200"],
    [["--end", "2026-12-31", "--notice-months", "sex"], "--notice-months: 'sex' ska vara ett heltal från 0 till 1200"],
    [["--end", "2026-12-31", "--notice-months", "6", "--as-of", "2026-13-01"], "--as-of: 2026-13-01 är inget giltigt datum"],
    [["--end", "2026-12-31", "--option-months", "24,12", "--option-count", "2"], "--option-count behövs inte när --option-months listar varje options längd"],
    [["--end", "2026-12-31", "--option-months", "12", "--option-count", "21"], "--option-count: '21' ska vara ett heltal från 1 till 20"],
    [["--end", "2026-12-31", "--option-months", "12,0"], "--option-months: '0' ska vara ett heltal från 1 till 1200"],
    [["--end", "2026-12-31", "--option-months", "12", "--option-call-by", "sista juni"], "--option-call-by: 'sista juni' är inget datum (skriv ÅÅÅÅ-MM-DD)"],
    [["--end", "2026-12-31", "--notice-months", "6", "--settle-within", "1,5"], "--settle-within: '1,5' ska vara ett heltal från 0 till 1200"],
  ])("refuses %j in Swedish", (args, message) => {
    expect(refusal(args)).toBe(message);
  });

  it("names --option-call-by when its dates do not match the options", () => {
    expect(refusal(["--end", "2026-12-31", "--option-months", "24,12,12", "--option-call-by", "6,3"])).toMatch(/^--option-call-by: .*2 påkallelsedagar för 3 optioner/);
  });
});
