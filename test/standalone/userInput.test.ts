import { readUserCell } from "../../src/standalone/userInput";

describe("what a Swedish user means by the text typed into a cell", () => {
  it("reads Swedish numbers, signs and per cent as numbers", () => {
    expect(readUserCell("1 234,50")).toEqual({ kind: "number", value: 1234.5 });
    expect(readUserCell("-53 000")).toEqual({ kind: "number", value: -53000 });
    expect(readUserCell("12,5 %")).toEqual({ kind: "number", value: 0.125 });
  });

  it("reads an ISO date as a date (an Excel serial), and an impossible one as text", () => {
    expect(readUserCell("2027-04-30")).toEqual({ kind: "date", value: 46507 });
    expect(readUserCell("2027-02-30")).toEqual({ kind: "text", text: "2027-02-30" });
  });

  it("reads a formula typed the Swedish way into the engine's syntax", () => {
    expect(readUserCell("=SUMMA(B2:B5;1,5)")).toEqual({ kind: "formula", formula: "=SUM(B2:B5,1.5)" });
  });

  it("keeps everything else as the text typed, tkr included (a unit, not a number of kronor)", () => {
    expect(readUserCell("Ask")).toEqual({ kind: "text", text: "Ask" });
    expect(readUserCell("1 205 tkr")).toEqual({ kind: "text", text: "1 205 tkr" });
    expect(readUserCell("")).toEqual({ kind: "text", text: "" });
  });
});
