import { numberFromField } from "../../src/taskpane/numberField";

describe("numbers typed into the pane's fields", () => {
  it("reads Swedish numbers exactly", () => {
    expect(numberFromField("1 234 567,89", "Belopp").toString()).toBe("1234567.89");
    expect(numberFromField("-0,1", "Belopp").toString()).toBe("-0.1");
  });

  it("in a percent field reads '2' and '2 %' alike as two per cent", () => {
    expect(numberFromField("2", "Uppräkning", { percent: true }).toString()).toBe("0.02");
    expect(numberFromField("2 %", "Uppräkning", { percent: true }).toString()).toBe("0.02");
    expect(numberFromField("2,5%", "Uppräkning", { percent: true }).toString()).toBe("0.025");
  });

  it("names the field and the text when it is no number", () => {
    expect(() => numberFromField("två", "Uppräkning")).toThrow("Uppräkning: 'två' är inget tal");
    expect(() => numberFromField("", "Belopp")).toThrow("Belopp: '' är inget tal");
  });
});
