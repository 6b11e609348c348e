import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { handleSignals, removeOnSignal } from "../../src/cli/temporaryFiles";

/**
 * In process, with process.kill stubbed so that the signal raised again does not end the test.
 * test/cli/outputFiles.test.ts shows the same on a real process that a real signal ends.
 */
const dir = mkdtempSync(join(tmpdir(), "samkalk-temporaries-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const handlersBefore = { SIGINT: process.listeners("SIGINT"), SIGTERM: process.listeners("SIGTERM") };
const added = (signal: "SIGINT" | "SIGTERM") => process.listeners(signal).filter((l) => !handlersBefore[signal].includes(l));

describe("temporaries on an interrupted run", () => {
  it("installs one handler for SIGINT and one for SIGTERM, however often it is asked", () => {
    handleSignals();
    handleSignals();
    removeOnSignal(join(dir, "ingen"));
    expect([added("SIGINT").length, added("SIGTERM").length]).toEqual([1, 1]);
  });

  it("on a signal removes every registered folder and file, keeps what was unregistered, and raises the signal again without its handlers", () => {
    const stage = join(dir, ".samkalk-halv");
    mkdirSync(stage);
    writeFileSync(join(stage, "halv.xlsx"), "halv");
    const half = join(dir, ".ut.csv.tmp");
    writeFileSync(half, "halv");
    const moved = join(dir, "ut.csv");
    writeFileSync(moved, "hel");
    removeOnSignal(stage);
    removeOnSignal(half);
    const unregister = removeOnSignal(moved);
    unregister();

    const kill = jest.spyOn(process, "kill").mockImplementation(() => true);
    try {
      const [handler] = added("SIGTERM");
      (handler as (signal: NodeJS.Signals) => void)("SIGTERM");
      expect(kill).toHaveBeenCalledWith(process.pid, "SIGTERM");
    } finally {
      kill.mockRestore();
    }
    expect([existsSync(stage), existsSync(half), existsSync(moved)]).toEqual([false, false, true]);
    expect([added("SIGINT").length, added("SIGTERM").length]).toEqual([0, 0]);
  });
});
