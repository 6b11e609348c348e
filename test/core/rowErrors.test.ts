import { noticeText, rowErrorLines, rowErrorText } from "../../src/core/rowErrors";

describe("a row error in words", () => {
  const error = { file: "blad Avtal, tabell Avtal", row: 3, column: "Avtalat", message: "beloppet saknas" };

  it("names the place, row and column, and leaves out a column there is none of", () => {
    expect(rowErrorText(error)).toBe("blad Avtal, tabell Avtal, rad 3, kolumn Avtalat: beloppet saknas");
    expect(rowErrorText({ ...error, column: "" })).toBe("blad Avtal, tabell Avtal, rad 3: beloppet saknas");
    expect(noticeText("budget.csv", { line: 7, column: "Belopp", message: "talet läses i tkr" })).toBe("budget.csv, rad 7, kolumn Belopp: talet läses i tkr");
  });

  it("lists the first ones and says how many more there are", () => {
    const many = Array.from({ length: 23 }, (_, i) => ({ ...error, row: i + 2 }));
    const lines = rowErrorLines(many).split("\n");
    expect(lines).toHaveLength(21);
    expect(lines[0]).toBe("blad Avtal, tabell Avtal, rad 2, kolumn Avtalat: beloppet saknas");
    expect(lines[20]).toBe("… och 3 fel till");
    expect(rowErrorLines(many.slice(0, 2)).split("\n")).toHaveLength(2);
    // 1 020 errors, 20 shown: the rest with Swedish digit grouping.
    expect(rowErrorLines(Array.from({ length: 1_020 }, () => error)).split("\n").pop()).toMatch(/^… och 1\s000 fel till$/);
  });
});
