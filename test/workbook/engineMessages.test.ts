import { dirname, join } from "node:path";
import { ENGINE_MESSAGES_TRANSLATED, swedishEngineMessage } from "../../src/workbook/engineMessages";
import { EmbeddedWorkbook } from "../../src/workbook/embeddedWorkbook";

/** The engine's own list of messages, from the installed package (it is not exported by name). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ErrorMessage } = require(join(dirname(require.resolve("hyperformula")), "error-message.js")) as { ErrorMessage: Record<string, unknown> };

describe("the engine's messages in Swedish", () => {
  it("translates only messages the engine really gives", () => {
    const engine = new Set(Object.values(ErrorMessage).filter((m): m is string => typeof m === "string"));
    expect(ENGINE_MESSAGES_TRANSLATED.filter((m) => !engine.has(m))).toEqual([]);
  });

  it("translates the function-name message with the name, and keeps our own Swedish messages", () => {
    expect(swedishEngineMessage("Function name FOO not recognized.")).toMatch(/^Funktionen FOO finns inte/);
    expect(swedishEngineMessage("Vikten i A2 är inget tal")).toBe("Vikten i A2 är inget tal");
  });

  it("shows the message of an unknown function and of a parse error in Swedish in the workbook", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    await wb.writeSheets([{ sheet: "Blad1", cells: [[{ formula: "=FINNSINTE(1)" }, { formula: "=SUM(1;;" }]] }]);
    const [[unknown, broken]] = (await wb.readRange("Blad1", "A1:B1")).values as { error: string; message: string }[][];
    expect(unknown.message).toMatch(/^Funktionen FINNSINTE finns inte/);
    expect(broken.message).toMatch(/^Formeln går inte att läsa/);
  });
});
