import { renderTable } from "../../src/cli/textTable";

describe("the terminal's text table", () => {
  it("pads each column to its widest cell, numbers to the right and text to the left, two spaces apart", () => {
    const text = renderTable(["Medlem", "Belopp"], [["Ask", "5"], ["Björkby", "1\u00a0250"]], [false, true]);
    expect(text.split("\n")).toEqual([
      "Medlem   Belopp",
      "-------  ------",
      "Ask           5",
      "Björkby   1\u00a0250",
    ]);
  });

  it("leaves no trailing spaces after a left-aligned last column, and widens a column to a long header", () => {
    const text = renderTable(["Belopp", "Beskrivning"], [["12", "kort"]], [true, false]);
    expect(text.split("\n")).toEqual(["Belopp  Beskrivning", "------  -----------", "    12  kort"]);
  });

  it("prints only the header and rule for no rows", () => {
    expect(renderTable(["Rad", "Kolumn"], [], [true, false])).toBe("Rad  Kolumn\n---  ------");
  });

  it("sizes a column over 200 000 rows without overflowing the stack", () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [String(i)]);
    const lines = renderTable(["Nr"], rows, [true]).split("\n");
    expect(lines).toHaveLength(200_002);
    expect(lines[1]).toBe("------");
    expect(lines[2]).toBe("     0");
  });
});
