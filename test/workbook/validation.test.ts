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

  it("refuses a top-left cell outside the sheet (A0, XFE1, A1048577) before writing, in Swedish", () => {
    for (const topLeft of ["A0", "XFE1", "A1048577"]) {
      expect(refusal(() => validateTableSpec(table({ topLeft })))).toBe(`'${topLeft}' ligger utanför bladet, som har raderna 1–1 048 576 och kolumnerna A–XFD`);
      expect(refusal(() => validateSheetSpec({ sheet: "Utfall", cells: [["a"]], topLeft }))).toBe(`'${topLeft}' ligger utanför bladet, som har raderna 1–1 048 576 och kolumnerna A–XFD`);
    }
    expect(refusal(() => validateTableSpec(table({ topLeft: "Modell!K1" })))).toBe("'Modell!K1' är ingen celladress");
  });

  it("refuses a table that starts on the sheet but runs past its last row or column", () => {
    // The heading and one row: two rows, two columns.
    expect(() => validateTableSpec(table({ topLeft: "XFC1048575" }))).not.toThrow();
    expect(refusal(() => validateTableSpec(table({ topLeft: "A1048576" })))).toBe("tabellen Medlemmar på A1048576:B1048577 går förbi bladets sista rad (1 048 576)");
    expect(refusal(() => validateTableSpec(table({ topLeft: "XFD1" })))).toBe("tabellen Medlemmar på XFD1:XFE2 går förbi bladets sista kolumn (XFD)");
    const wide = Array.from({ length: 16_385 }, (_, c) => `K${c}`);
    expect(refusal(() => validateTableSpec(table({ headers: wide, rows: [] })))).toBe("tabellen Medlemmar på A1:XFE1 går förbi bladets sista kolumn (XFD)");
  });
});

describe("a sheet to write", () => {
  it("names a bad cell by its row and column in the block, from 1", () => {
    expect(refusal(() => validateSheetSpec({ sheet: "Medlemsbidrag", cells: [["Summa", 1], [null, NaN]] }))).toBe("blad Medlemsbidrag, rad 2, kolumn 2: NaN kan inte skrivas till en cell");
  });

  it("refuses a block, a table on it or a formatted range that runs past the sheet's last row or column", () => {
    const block = [["Medlem", "Belopp", "Andel"], ["Ask", 1, 0.5]];
    expect(() => validateSheetSpec({ sheet: "Utfall", cells: block, topLeft: "XFB1048575" })).not.toThrow();
    expect(refusal(() => validateSheetSpec({ sheet: "Utfall", cells: block, topLeft: "XFC1" }))).toBe("blad Utfall: blocket på XFC1:XFE2 går förbi bladets sista kolumn (XFD)");
    // The widest row decides the width.
    expect(refusal(() => validateSheetSpec({ sheet: "Utfall", cells: [["a"], ["b", "c"]], topLeft: "A1048576" }))).toBe("blad Utfall: blocket på A1048576:B1048577 går förbi bladets sista rad (1 048 576)");
    expect(() => validateSheetSpec({ sheet: "Utfall", cells: [], topLeft: "XFD1048576" })).not.toThrow();
    const tables = (topLeft: string) => [{ name: "Per_medlem", topLeft, width: 2, height: 3 }];
    expect(() => validateSheetSpec({ sheet: "Utfall", cells: block, tables: tables("XFC1048574") })).not.toThrow();
    expect(refusal(() => validateSheetSpec({ sheet: "Utfall", cells: block, tables: tables("A1048575") }))).toBe("tabellen Per_medlem på A1048575:B1048577 går förbi bladets sista rad (1 048 576)");
    expect(refusal(() => validateSheetSpec({ sheet: "Utfall", cells: block, tables: tables("A0") }))).toBe("'A0' ligger utanför bladet, som har raderna 1–1 048 576 och kolumnerna A–XFD");
    expect(refusal(() => validateSheetSpec({ sheet: "Utfall", cells: block, cellFormats: [{ address: "B2:XFE2", format: "0 %" }] }))).toBe("'XFE2' ligger utanför bladet, som har raderna 1–1 048 576 och kolumnerna A–XFD");
    expect(refusal(() => validateSheetSpec({ sheet: "Utfall", cells: block, cellFormats: [{ address: "Summa", format: "0 %" }] }))).toBe("'Summa' är ingen celladress");
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

  it("refuses data or a place outside the sheet, in Swedish", () => {
    expect(refusal(() => validateChartSpec({ ...chart, dataAddress: "H0:K4" }))).toBe("'H0' ligger utanför bladet, som har raderna 1–1 048 576 och kolumnerna A–XFD");
    expect(refusal(() => validateChartSpec({ ...chart, topLeft: "A1048577" }))).toBe("'A1048577' ligger utanför bladet, som har raderna 1–1 048 576 och kolumnerna A–XFD");
  });

  it("needs data with a header row and at least one row and one series beside the categories", () => {
    expect(() => validateChartSpec({ ...chart, dataAddress: "Nyckeltal!H1:I2" })).not.toThrow();
    for (const dataAddress of ["H1:H4", "H1:K1", "H1"]) {
      expect(refusal(() => validateChartSpec({ ...chart, dataAddress }))).toBe(`diagrammets data ${dataAddress} behöver en rubrikrad, minst en rad och minst en serie`);
    }
  });
});
