import { parseCsvText } from "../../src/io/csv";
import { fromCsv } from "../../src/io/sourceTable";
import { keyWeightCandidates, readKey, readPrintedKey } from "../../src/model/keyFile";

const key = (text: string) => fromCsv(parseCsvText(text, "nyckel.csv"));
const read = (text: string, column?: string) => readKey(key(text), { column }).map((e) => [e.member, e.weight.toNumber()]);

describe("reading a key as printed", () => {
  it("refuses a key without a header row instead of taking its first member for the header", () => {
    expect(() => read("Ask;100\nBjörkby;200")).toThrow(expect.objectContaining({ message: expect.stringContaining("saknar rubrikrad"), location: expect.objectContaining({ row: 1 }) }));
  });

  it("reads a label alone inside a flat key as a member whose weight is missing, not as a group", () => {
    expect(() => read("Medlem;Vikt\nAsk;10\nBjörkby;\nCeder;5")).toThrow(expect.objectContaining({ message: expect.stringContaining("vikten saknas"), location: expect.objectContaining({ row: 3, column: "Vikt" }) }));
  });

  it("reads group rows as groups when the key starts with one", () => {
    const printed = readPrintedKey(key("Enhet;Användare\nAsk kommun;\nKS;10\nSkola;30\nBolag;\nAsk Energi;5"));
    expect(printed.groups?.map((g) => [g.name, g.members.map((m) => m.member)])).toEqual([["Ask kommun", ["KS", "Skola"]], ["Bolag", ["Ask Energi"]]]);
  });

  it("recognises a weight header with a year, and names every candidate", () => {
    expect(read("Kommun;Invånare 2024-12-31;Procent\nAsk;100;50%\nBjörkby;100;50%")).toEqual([["Ask", 100], ["Björkby", 100]]);
    expect(keyWeightCandidates(key("Kommun;Användare 2025;Användare 2026\nAsk;1;2"))).toEqual(["Användare 2025", "Användare 2026"]);
  });

  it("chooses a column under a block header by its combined name or its own", () => {
    const text = ";Förd.nyckel 2025;Förd.nyckel 2026\nMedlem;Användare;Användare\nAsk;1;3\nBjörkby;2;5";
    expect(() => read(text)).toThrow(expect.objectContaining({ code: "AMBIGUOUS_COLUMN" }));
    expect(read(text, "Förd.nyckel 2026 / Användare")).toEqual([["Ask", 3], ["Björkby", 5]]);
    // The lower name alone fits both: refused, never the first.
    expect(() => read(text, "Användare")).toThrow(expect.objectContaining({ code: "AMBIGUOUS_COLUMN", message: expect.stringContaining("'Förd.nyckel 2025 / Användare' och 'Förd.nyckel 2026 / Användare'") }));
  });

  it("never reads a subtotal or total as a member, labelled or not", () => {
    expect(read("Medlem;Vikt\nAsk;1\nBjörkby;2\nTotalt;3\n;3").map((r) => r[0])).toEqual(["Ask", "Björkby"]);
  });
});
