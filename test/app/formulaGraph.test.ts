import { FormulaGraph, RectIndex, SheetCells } from "../../src/app/formulaGraph";
import { XlsxPackage } from "../../src/io/xlsxPackage";
import { XmlCell } from "../../src/io/sheetXml";
import { parseA1 } from "../../src/core/a1";
import { zip } from "../zipWriter";

const NS = "http://schemas.openxmlformats.org";
const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A cell as the tests write it: a number, a formula, a shared formula's follower, an array formula. */
type Cell = number | { f: string } | { shared: string; master?: { f: string; ref: string } } | { array: string; ref: string };

function cellXml(address: string, cell: Cell): string {
  if (typeof cell === "number") return `<c r="${address}"><v>${cell}</v></c>`;
  if ("f" in cell) return `<c r="${address}"><f>${escape(cell.f)}</f></c>`;
  if ("array" in cell) return `<c r="${address}"><f t="array" ref="${cell.ref}">${escape(cell.array)}</f></c>`;
  return cell.master
    ? `<c r="${address}"><f t="shared" ref="${cell.master.ref}" si="${cell.shared}">${escape(cell.master.f)}</f></c>`
    : `<c r="${address}"><f t="shared" si="${cell.shared}"/></c>`;
}

/** An xlsx package of the given sheets (cells by A1 address) and defined names, as Excel lays one out. */
function workbook(sheets: Record<string, Record<string, Cell>>, names: { name: string; formula: string }[] = []): XlsxPackage {
  const list = Object.entries(sheets);
  const sheetXml = (cells: Record<string, Cell>) => {
    const rows = new Map<number, string[]>();
    for (const [address, cell] of Object.entries(cells)) {
      const row = parseA1(address).row + 1;
      rows.set(row, [...(rows.get(row) ?? []), cellXml(address, cell)]);
    }
    const body = [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([r, cs]) => `<row r="${r}">${cs.join("")}</row>`).join("");
    return `<worksheet xmlns="${NS}/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
  };
  const bytes = zip([
    ["_rels/.rels", Buffer.from(`<Relationships xmlns="${NS}/package/2006/relationships"><Relationship Id="rId1" Type="${NS}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)],
    ["xl/workbook.xml", Buffer.from(`<workbook xmlns="${NS}/spreadsheetml/2006/main" xmlns:r="${NS}/officeDocument/2006/relationships"><sheets>${list.map(([n], i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets><definedNames>${names.map((n) => `<definedName name="${n.name}">${escape(n.formula)}</definedName>`).join("")}</definedNames></workbook>`)],
    ["xl/_rels/workbook.xml.rels", Buffer.from(`<Relationships xmlns="${NS}/package/2006/relationships">${list.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${NS}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}</Relationships>`)],
    ...list.map(([, cells], i): [string, Buffer] => [`xl/worksheets/sheet${i + 1}.xml`, Buffer.from(sheetXml(cells))]),
  ]);
  return XlsxPackage.open(new Uint8Array(bytes), "test.xlsx");
}

const cellOf = (graph: FormulaGraph, sheet: string, address: string): XmlCell => {
  const { row, col } = parseA1(address);
  return graph.sheetByName(sheet)!.at(row, col)!;
};
/** A rectangle as "Sheet!A1:B2" for reading the expectations. */
const a1 = (r: { sheet: SheetCells; top: number; left: number; bottom: number; right: number }) => {
  const letter = (c: number) => String.fromCharCode(65 + c);
  return `${r.sheet.name}!${letter(r.left)}${r.top + 1}:${letter(r.right)}${r.bottom + 1}`;
};

describe("the formulas of an xlsx package, read without an engine", () => {
  const graph = new FormulaGraph(workbook({
    Data: { A1: 1, A2: 2, A3: 3 },
    Calc: {
      A1: { shared: "0", master: { f: "Data!A1*2", ref: "A1:A3" } }, A2: { shared: "0" }, A3: { shared: "0" },
      B1: { f: "Rate*A1" }, B2: { f: "Rate*A2" }, D1: 0.5,
      E1: { f: "Nowhere!A1+1" }, E2: { f: "[1]Blad1!A1" }, E3: { f: "SUM(Tabell1[Belopp])" },
    },
  }, [{ name: "Rate", formula: "Calc!$D$1" }]));

  it("gives a shared formula's follower the master's text moved to it, and keeps the text as the file holds it", () => {
    expect(graph.formula(cellOf(graph, "Calc", "A3"))!.text).toBe("Data!A3*2");
    expect(graph.sourceText(cellOf(graph, "Calc", "A3"))).toBe("Data!A1*2");
    expect(graph.formula(cellOf(graph, "Calc", "D1"))).toBeUndefined();
    expect([...graph.formulaCells()].length).toBe(8);
  });

  it("reads each formula's rectangles, a filled-down shape moved row by row, a name's cells never moved", () => {
    expect(graph.reads(cellOf(graph, "Calc", "A3")).rects.map(a1)).toEqual(["Data!A3:A3"]);
    expect(graph.reads(cellOf(graph, "Calc", "B1")).rects.map(a1).sort()).toEqual(["Calc!A1:A1", "Calc!D1:D1"]);
    expect(graph.reads(cellOf(graph, "Calc", "B2")).rects.map(a1).sort()).toEqual(["Calc!A2:A2", "Calc!D1:D1"]);
    const readsCalc = (row: number, col: number) => graph.readsAny(cellOf(graph, "Calc", "B2"), (s, top, left, bottom, right) => s.name === "Calc" && top <= row && row <= bottom && left <= col && col <= right);
    expect([readsCalc(1, 0), readsCalc(0, 3), readsCalc(0, 0), readsCalc(1, 3)]).toEqual([true, true, false, false]);
  });

  it("says why a formula cannot be followed: a missing sheet, another workbook, a structured reference", () => {
    expect(["E1", "E2", "E3"].map((a) => graph.unsupported(cellOf(graph, "Calc", a)))).toEqual(["bladet Nowhere finns inte", "extern länk till en annan arbetsbok", "strukturerad tabellreferens"]);
    expect(graph.unsupported(cellOf(graph, "Calc", "B1"))).toBeUndefined();
  });
});

describe("filled-down formulas read once per shape", () => {
  // Kv1!B1 in row 1 and Kv2!B2 in row 2 differ by one in both digit runs: the same shape if the
  // sheet's digit were a row number. Each reads its own sheet.
  const graph = new FormulaGraph(workbook({
    Kv1: { B1: 1, B2: 2 }, Kv2: { B1: 3, B2: 4 }, "Kv1 x": { B1: 5 }, "Kv2 x": { B2: 6 }, Kv1_2024: { B1: 1 }, Kv2_2024: { B2: 20 },
    Summa: { A1: { f: "Kv1!B1" }, A2: { f: "Kv2!B2" }, C1: { f: "'Kv1 x'!B1" }, C2: { f: "'Kv2 x'!B2" }, D1: { shared: "1", master: { f: "A2+1", ref: "D1:D1048576" } }, D1048576: { shared: "1" }, E1: { f: "Kv1_2024!B1*1" }, E2: { f: "Kv2_2024!B2*1" }, F1: { f: 'LOG10(B1)&"Kod1"' }, F2: { f: 'LOG11(B2)&"Kod2"' } },
  }));
  const rects = (address: string) => graph.reads(cellOf(graph, "Summa", address)).rects.map(a1);

  it("keeps a digit in a sheet's name, a function's name or a string apart from the rows", () => {
    expect([rects("A1"), rects("A2"), rects("C1"), rects("C2")]).toEqual([["Kv1!B1:B1"], ["Kv2!B2:B2"], ["Kv1 x!B1:B1"], ["Kv2 x!B2:B2"]]);
    // Digits earlier in the name, and a function's name and a string that differ like rows.
    expect([rects("E1"), rects("E2")]).toEqual([["Kv1_2024!B1:B1"], ["Kv2_2024!B2:B2"]]);
    expect(graph.placementOf(cellOf(graph, "Summa", "F2")).shape.text).toBe('LOG11(B2)&"Kod2"');
  });

  it("visits, without objects, the same rectangles as reads (nothing for a reference moved off the sheet)", () => {
    for (const address of ["A1", "A2", "C2", "D1", "D1048576"]) {
      const visited: string[] = [];
      graph.readsAny(cellOf(graph, "Summa", address), (sheet, top, left, bottom, right) => {
        visited.push(a1({ sheet, top, left, bottom, right }));
        return false;
      });
      expect(visited).toEqual(rects(address));
    }
    expect(rects("D1048576")).toEqual([]);
  });
});

describe("SAMKALK formulas", () => {
  const graph = new FormulaGraph(workbook({
    Blad1: {
      A1: { f: "SAMKALK.FORDELA(100,B1:B3,0)" }, A2: { f: "_xldudf_SAMKALK_UPPRAKNA(100,0.02)" }, A3: { f: "samkalk.nyckelandel(B1:B3)" },
      A4: { f: "SUM(B1:B3)" }, C1: { shared: "1", master: { f: "SAMKALK.UPPRAKNA(B1,0.02)", ref: "C1:C2" } }, C2: { shared: "1" },
    },
  }));

  it("are known by the function's prefix in any case, Excel's prefix for an add-in's function, and a shared formula's master", () => {
    expect(["A1", "A2", "A3", "A4", "C2"].map((a) => graph.isSamkalk(cellOf(graph, "Blad1", a)))).toEqual([true, true, true, false, true]);
  });
});

describe("a formula as the engine reads it", () => {
  const graph = new FormulaGraph(workbook({
    Data: { A1: 1, A2: 2, A3: 3, B1: { f: "SAMKALK.FORDELA(100,A1:A5,0)" } },
    Spill: { A1: { array: "TRANSPOSE(B1:H1)", ref: "A1:A8" } },
    Calc: {
      A1: { f: "SUM(Data!A:A)" }, A2: { f: "VLOOKUP(1,Data!A:D,4,0)" }, A3: { f: "SUM(Spill!A:A)" }, A4: { f: "SUM(Data!1:1)" },
      A5: { f: "Rate*2" }, A6: { f: "Total*2" }, A7: { f: "SUM(Data!A1:A3)" },
    },
  }, [{ name: "Rate", formula: "Calc!$D$1" }, { name: "Total", formula: "Calc!$D$1+Calc!$D$2" }]));
  const engine = (address: string) => graph.engineText(graph.formula(cellOf(graph, "Calc", address))!);

  it("bounds a whole column at the sheet's reach, a SAMKALK function's spill included", () => {
    // Data's cells end at row 3, but FORDELA in B1 spills as tall as A1:A5: five rows.
    expect(engine("A1")).toBe("SUM(Data!A1:A5)");
    // A few columns across stay as written, so VLOOKUP still reads column D.
    expect(engine("A2")).toBe("VLOOKUP(1,Data!A1:D5,4,0)");
    // An array formula's cached result says its own size: A1:A8.
    expect(engine("A3")).toBe("SUM(Spill!A1:A8)");
    // A whole row ends at the last column the sheet reaches (B).
    expect(engine("A4")).toBe("SUM(Data!A1:B1)");
  });

  it("writes defined names out, in brackets when they are more than one reference", () => {
    expect(engine("A5")).toBe("Calc!$D$1*2");
    expect(engine("A6")).toBe("(Calc!$D$1+Calc!$D$2)*2");
    expect(engine("A7")).toBe("SUM(Data!A1:A3)");
  });

  it("takes an array formula's rectangle from its ref, and none from a formula without one", () => {
    const spill = graph.formula(graph.sheetByName("spill")!.at(0, 0)!)!;
    expect(a1(graph.arrayRect(spill.cell)!)).toBe("Spill!A1:A8");
    expect(graph.arrayRect(graph.formula(cellOf(graph, "Calc", "A1"))!.cell)).toBeNull();
  });
});

describe("a sheet's cells", () => {
  const sheet = new FormulaGraph(workbook({ Blad1: { A1: 1, C1: 2, B3: 3, D5: 4 } })).sheets[0];

  it("are found by row and column, and by rectangle", () => {
    expect([sheet.lastRow, sheet.lastCol]).toEqual([4, 3]);
    expect(sheet.at(0, 2)!.value).toBe("2");
    expect([sheet.at(0, 1), sheet.at(1, 0), sheet.at(9, 0)]).toEqual([undefined, undefined, undefined]);
    expect([...sheet.inside(0, 1, 2, 3)].map((c) => c.value)).toEqual(["2", "3"]);
  });
});

describe("an index of rectangles", () => {
  const graph = new FormulaGraph(workbook({ A: { A1: 1 }, B: { A1: 1 } }));
  const [a, b] = graph.sheets;
  const index = new RectIndex();
  index.add({ sheet: a, top: 10, left: 0, bottom: 20, right: 2 });
  index.add({ sheet: a, top: 200, left: 5, bottom: 600, right: 5 });

  it("answers whether a rectangle meets any added on the same sheet, across row bands", () => {
    expect(index.intersects(a, 15, 1, 15, 1)).toBe(true);
    expect(index.intersects(a, 0, 0, 9, 9)).toBe(false);
    expect(index.intersects(a, 21, 0, 199, 9)).toBe(false);
    // Row 550 is two bands of 256 below where the second rectangle starts.
    expect(index.intersects(a, 550, 5, 550, 5)).toBe(true);
    expect(index.intersects(a, 550, 4, 550, 4)).toBe(false);
    expect(index.intersects(b, 15, 1, 15, 1)).toBe(false);
  });

  it("finds single cells by lookup for small questions and by their band for large ones", () => {
    const cells = new RectIndex();
    for (let row = 1000; row < 1300; row++) cells.add({ sheet: a, top: row, left: 2, bottom: row, right: 2 });
    expect(cells.intersects(a, 1299, 2, 1299, 2)).toBe(true);
    expect(cells.intersects(a, 1300, 2, 1300, 2)).toBe(false);
    expect(cells.intersects(a, 1100, 1, 1100, 1)).toBe(false);
    expect(cells.intersects(a, 998, 0, 1000, 4)).toBe(true);
    // 50 000 cells: the question is answered from the bands.
    expect(cells.intersects(a, 0, 2, 49_999, 2)).toBe(true);
    expect(cells.intersects(a, 0, 3, 49_999, 9)).toBe(false);
    expect(cells.intersects(b, 1000, 2, 1000, 2)).toBe(false);
  });
});
