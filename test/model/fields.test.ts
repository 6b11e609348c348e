import { OUTCOMES } from "../../src/model/outcomes";
import { fieldLabel, guessMapping, headerNames, missingRequired, tableFormats, tableHeaders } from "../../src/model/fields";

describe("fields of a table, recognised by their headers", () => {
  it("recognises a header with a year, a period or a unit added", () => {
    for (const header of ["Fakturerat 2021", "Fakturerat (kr)", "fakturerat  tkr", "Fakturerat 2025-12"]) expect(headerNames(header, ["Fakturerat"])).toBe(true);
    expect(headerNames("Fakturerat avgift", ["Fakturerat"])).toBe(false);
  });

  it("maps exact headers first, then loose ones, never one column twice", () => {
    // "Utfall 2025" is loose for Fakturerat; the exact "Fakturerat" wins it, and column 3 stays free.
    expect(guessMapping(["Kommun", "Leverantör", "Fakturerat", "Utfall 2025"], OUTCOMES.fields)).toEqual({ member: 0, supplier: 1, invoiced: 2 });
    expect(guessMapping(["Leverantör", "Kommun", "Utfall 2025"], OUTCOMES.fields)).toEqual({ supplier: 0, member: 1, invoiced: 2 });
  });

  it("names the required fields not found", () => {
    expect(missingRequired(guessMapping(["Leverantör", "Belopp"], OUTCOMES.fields), OUTCOMES.fields).map((f) => f.label)).toEqual(["Kommun/Medlem"]);
  });

  it("gives the headers and formats a table is written with, and refuses a field it does not have", () => {
    expect(tableHeaders(OUTCOMES)).toEqual(["Leverantör/System", "Kommun/Medlem", "Fakturerat"]);
    expect(tableFormats(OUTCOMES)).toEqual([null, null, "#,##0"]);
    expect(fieldLabel(OUTCOMES.fields, "invoiced")).toBe("Fakturerat");
    expect(() => fieldLabel(OUTCOMES.fields, "agreed" as never)).toThrow("fältet agreed finns inte i tabellen");
  });
});
