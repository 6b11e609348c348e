import { WriteValidationError, validateChartSpec, validateSheetSpec, validateTableSpec } from "../../src/workbook/validation";
import { TableSpec } from "../../src/workbook/port";
import { Amount } from "../../src/core/money";

/** What a write is checked for before anything is written, in both hosts. */
const table = (spec: Partial<TableSpec> = {}): TableSpec => ({ name: "Medlemmar", sheet: "Modell", headers: ["Medlem", "Invånare"], rows: [["Ask", 12345]], ...spec });

function refusal(call: () => void): string {
  try {
    call();
  } catch (error) {
    if (error instanceof WriteValidationError) return error.message;
    throw error;
  }
  throw new Error("expected a WriteValidationError");
}

describe("a table to write", () => {
  it("takes Excel's table names: a letter or _ first, then letters, digits, _ and ., up to 255 characters", () => {
    for (const name of ["Medlemmar", "_intern", "Nyckel_2027.v1", "Förändringar", "Å", `T${"x".repeat(254)}`]) expect(() => validateTableSpec(table({ name }))).not.toThrow();
    for (const name of ["Tabell 1", "1Tabell", ".punkt", "Kost-nad", "", `T${"x".repeat(255)}`]) expect(refusal(() => validateTableSpec(table({ name })))).toBe(`'${name}' är inget giltigt tabellnamn`);
  });

  it("takes sheet names of 1 to 31 characters without \\ / ? * [ ] :", () => {
    expect(() => validateTableSpec(table({ sheet: "Avtal 2027 (KS) – Ask & Dal" }))).not.toThrow();
    for (const sheet of ["", "a".repeat(32), "Budget/2027", "Q1?", "Fel*", "[Bok]", "Blad:1", "C:\\data"]) expect(refusal(() => validateTableSpec(table({ sheet })))).toBe(`'${sheet}' är inget giltigt bladnamn`);
  });

  it("needs at least one column, each with a heading, none twice (compared without case)", () => {
    expect(refusal(() => validateTableSpec(table({ headers: [], rows: [] })))).toBe("tabellen Medlemmar har inga kolumner");
    expect(refusal(() => validateTableSpec(table({ headers: ["Medlem", "  "] })))).toBe("tabellen Medlemmar: kolumn 2 saknar rubrik");
    expect(refusal(() => validateTableSpec(table({ headers: ["Vikt", "vikt"] })))).toBe("tabellen Medlemmar: rubriken 'vikt' finns två gånger");
  });

  it("names the row, counting the heading as row 1, of a row with the wrong number of cells", () => {
    expect(refusal(() => validateTableSpec(table({ rows: [["Ask", 1], ["Dal"]] })))).toBe("tabellen Medlemmar, rad 3: 1 celler men 2 kolumner");
  });

  it("refuses cells no Excel cell can hold, naming row and column", () => {
    const at = "tabellen Medlemmar, rad 2, kolumn Invånare";
    expect(refusal(() => validateTableSpec(table({ rows: [["Ask", NaN]] })))).toBe(`${at}: NaN kan inte skrivas till en cell`);
    expect(refusal(() => validateTableSpec(table({ rows: [["Ask", -Infinity]] })))).toBe(`${at}: -Infinity kan inte skrivas till en cell`);
    // 15 digits in all, whole and decimals: 123 456 789 012,345 fits; one decimal more, or 10^15, does not.
    const tooLong = `${at}: beloppet har fler än 15 siffror, vilket en Excel-cell inte kan lagra exakt`;
    expect(() => validateTableSpec(table({ rows: [["Ask", new Amount("123456789012.345")]] }))).not.toThrow();
    expect(refusal(() => validateTableSpec(table({ rows: [["Ask", new Amount("123456789012.3456")]] })))).toBe(tooLong);
    expect(refusal(() => validateTableSpec(table({ rows: [["Ask", new Amount("1e15")]] })))).toBe(tooLong);
  });

  it("refuses text past Excel's 32 767 characters and formulas past its 8 192", () => {
    expect(() => validateTableSpec(table({ rows: [["x".repeat(32_767), 1]] }))).not.toThrow();
    expect(refusal(() => validateTableSpec(table({ rows: [["x".repeat(32_768), 1]] })))).toBe("tabellen Medlemmar, rad 2, kolumn Medlem: texten är längre än Excels gräns på 32 767 tecken");
    const formula = (length: number) => ({ formula: `=${"1+".repeat(length)}`.slice(0, length) });
    expect(() => validateTableSpec(table({ rows: [["Ask", formula(8_192)]] }))).not.toThrow();
    expect(refusal(() => validateTableSpec(table({ rows: [["Ask", formula(8_193)]] })))).toBe("tabellen Medlemmar, rad 2, kolumn Invånare: formeln är längre än Excels gräns på 8 192 tecken");
  });

  it("refuses a top-left cell that is no cell address", () => {
    expect(() => validateTableSpec(table({ topLeft: "K1" }))).not.toThrow();
    expect(() => validateTableSpec(table({ topLeft: "Modell!K1" }))).toThrow("'Modell!K1' är ingen celladress");
  });

  it.todo("refuses a top-left cell outside the sheet (A0, XFE1, A1048577) before writing; today they pass and the embedded engine throws HyperFormula's English \"Address (row = -1, col = 0) is invalid\"");
});

describe("a sheet to write", () => {
  it("names a bad cell by its row and column in the block, from 1", () => {
    expect(refusal(() => validateSheetSpec({ sheet: "Medlemsbidrag", cells: [["Summa", 1], [null, NaN]] }))).toBe("blad Medlemsbidrag, rad 2, kolumn 2: NaN kan inte skrivas till en cell");
  });

  it("checks the sheet's name and the names of the tables to define on it", () => {
    expect(refusal(() => validateSheetSpec({ sheet: "Ut/fall", cells: [] }))).toBe("'Ut/fall' är inget giltigt bladnamn");
    expect(refusal(() => validateSheetSpec({ sheet: "Utfall", cells: [["a"]], tables: [{ name: "Per medlem", topLeft: "A1", width: 1, height: 1 }] }))).toBe("'Per medlem' är inget giltigt tabellnamn");
  });
});

describe("a chart to add", () => {
  const chart = { sheet: "Nyckeltal", name: "Kostnad per invånare", kind: "line" as const, title: "Kostnad", dataAddress: "H1:K4", topLeft: "A20" };

  it("needs a name of at most 255 characters", () => {
    expect(() => validateChartSpec(chart)).not.toThrow();
    for (const name of ["  ", "x".repeat(256)]) expect(refusal(() => validateChartSpec({ ...chart, name }))).toBe("diagrammet behöver ett namn (högst 255 tecken)");
  });

  it("needs data with a header row and at least one row and one series beside the categories", () => {
    expect(() => validateChartSpec({ ...chart, dataAddress: "Nyckeltal!H1:I2" })).not.toThrow();
    for (const dataAddress of ["H1:H4", "H1:K1", "H1"]) {
      expect(refusal(() => validateChartSpec({ ...chart, dataAddress }))).toBe(`diagrammets data ${dataAddress} behöver en rubrikrad, minst en rad och minst en serie`);
    }
  });
});
