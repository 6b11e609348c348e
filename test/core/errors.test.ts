import { sourceLocation } from "../../src/core/cells";
import { DomainError, describeLocation, isDomainError, locatedMessage, postedError, receivedError } from "../../src/core/errors";

describe("domain errors and where they are", () => {
  it("says where in a fixed order: source, file, sheet, table, cell, row, column", () => {
    expect(describeLocation({ column: "Vikt", row: 3, file: "nyckel.csv" })).toBe("fil nyckel.csv, rad 3, kolumn Vikt");
    expect(describeLocation({ cell: "B3", sheet: "Nyckel", table: "Vikter", source: "import" })).toBe("import, blad Nyckel, tabell Vikter, cell B3");
    expect(describeLocation({})).toBe("");
  });

  it("puts the location before the message, and none when there is none", () => {
    expect(locatedMessage(new DomainError("NOT_A_NUMBER", "texten 'x' är inget tal", { file: "a.csv", row: 2 }))).toBe("fil a.csv, rad 2: texten 'x' är inget tal");
    expect(locatedMessage(new DomainError("NOT_A_NUMBER", "inget tal"))).toBe("inget tal");
  });

  it("adds outer location without overwriting the inner, more precise one", () => {
    const inner = new DomainError("MISSING_VALUE", "saknas", { row: 4, file: "inre.csv" });
    const outer = inner.at({ file: "yttre.xlsx", sheet: "Avtal" });
    expect(outer.location).toEqual({ file: "inre.csv", sheet: "Avtal", row: 4 });
    expect([outer.code, outer.message, isDomainError(outer), isDomainError(new Error("x"))]).toEqual(["MISSING_VALUE", "saknas", true, false]);
  });

  it("survives a worker's structured clone: a domain error comes back as one, other errors as plain errors", () => {
    const domain = receivedError(structuredClone(postedError(new DomainError("OUT_OF_RANGE", "för stor", { file: "f.xlsx" }))));
    expect(isDomainError(domain) && locatedMessage(domain)).toBe("fil f.xlsx: för stor");
    const plain = receivedError(structuredClone(postedError(new TypeError("oväntat"))));
    expect([isDomainError(plain), plain.message]).toEqual([false, "oväntat"]);
    expect(receivedError(postedError("en sträng")).message).toBe("en sträng");
  });
});

describe("a location in a selected range", () => {
  it("names the sheet, where a file is named as a file", () => {
    expect(describeLocation({ ...sourceLocation({ file: "blad Blad1", sheet: "Blad1" }), row: 3 })).toBe("blad Blad1, rad 3");
    expect(describeLocation({ ...sourceLocation({ file: "nyckel.csv" }), row: 3 })).toBe("fil nyckel.csv, rad 3");
  });
});
