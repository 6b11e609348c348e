import fc from "fast-check";
import { relativeTarget, relsPathOf, resolveTarget } from "../../src/io/partNames";

describe("part names", () => {
  it("resolves a target against the folder of the part that holds it", () => {
    expect(resolveTarget("xl/workbook.xml", "worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
    expect(resolveTarget("xl/worksheets/sheet1.xml", "../tables/table1.xml")).toBe("xl/tables/table1.xml");
    expect(resolveTarget("xl/worksheets/sheet1.xml", "/xl/drawings/drawing1.xml")).toBe("xl/drawings/drawing1.xml");
    expect(resolveTarget("", "./xl/workbook.xml")).toBe("xl/workbook.xml");
  });

  it("keeps a part's relationships in _rels beside it", () => {
    expect(relsPathOf("xl/workbook.xml")).toBe("xl/_rels/workbook.xml.rels");
    expect(relsPathOf("arbetsbok.xml")).toBe("_rels/arbetsbok.xml.rels");
  });

  it("writes the relative target that resolves back to the part, from any part to any other", () => {
    const segment = fc.constantFrom("xl", "worksheets", "tables", "a", "b");
    const part = fc.tuple(fc.array(segment, { maxLength: 3 }), fc.constantFrom("sheet1.xml", "x.xml")).map(([dirs, name]) => [...dirs, name].join("/"));
    fc.assert(fc.property(part, part, (from, to) => resolveTarget(from, relativeTarget(from, to)) === to));
  });
});
