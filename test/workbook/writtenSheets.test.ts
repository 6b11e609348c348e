import { parseWrittenSheets, refuseUserSheets, updatedWrittenSheets } from "../../src/workbook/writtenSheets";

describe("the sheets Samkalk wrote", () => {
  it("reads the stored list, and nothing from a damaged or foreign setting", () => {
    expect(parseWrittenSheets('["Medlemsbidrag","Avtalskontroll"]')).toEqual(["Medlemsbidrag", "Avtalskontroll"]);
    expect(parseWrittenSheets(undefined)).toEqual([]);
    expect(parseWrittenSheets("{inte json")).toEqual([]);
    expect(parseWrittenSheets('{"Medlemsbidrag":1}')).toEqual([]);
    expect(parseWrittenSheets('["Medlemsbidrag",7,null]')).toEqual(["Medlemsbidrag"]);
  });

  it("adds the sheets written once each and forgets the removed ones, names compared without case", () => {
    expect(JSON.parse(updatedWrittenSheets(["Medlemsbidrag", "Gammal"], ["medlemsbidrag", "Ny"], ["GAMMAL"]))).toEqual(["medlemsbidrag", "Ny"]);
  });

  it("refuses only a sheet with content that is not on the list, naming it", () => {
    const written = ["Medlemsbidrag"];
    expect(() => refuseUserSheets([{ sheet: "MEDLEMSBIDRAG", hasContent: true }, { sheet: "Tom", hasContent: false }], written)).not.toThrow();
    expect(() => refuseUserSheets([{ sheet: "Medlemsbidrag", hasContent: true }, { sheet: "Avtalskontroll", hasContent: true }], written)).toThrow(/^bladet Avtalskontroll finns redan med innehåll som Samkalk inte har skrivit/);
  });
});
