import { FILE_NAME, SHEET_NAME, copyNames, cutGraphemes, uniqueNames, validName } from "../../src/core/names";

describe("sheet and file names made from member names", () => {
  it("makes every name Excel refuses valid: / : \\ ? * [ ], apostrophes at the ends, History, over 31 characters", () => {
    expect(["A/B", "a:b\\c?d*e[f]", "'Ask'", "History", "history", "X".repeat(40)].map((n) => validName(n, SHEET_NAME))).toEqual([
      "A B", "a b c d e f", "Ask", "History (2)", "history (2)", "X".repeat(31),
    ]);
  });

  it("cuts on whole graphemes, never inside an emoji or between a letter and its accent", () => {
    const family = "👩‍👩‍👧"; // 8 UTF-16 units, one grapheme
    const name = validName(`${"A".repeat(27)}${family}`, SHEET_NAME);
    expect(name).toBe("A".repeat(27));
    expect(validName(`${"A".repeat(23)}${family}B`, SHEET_NAME)).toBe(`${"A".repeat(23)}${family}`);
    expect(cutGraphemes(`${"a".repeat(30)}e\u0301`, 31)).toBe("a".repeat(30));
    expect(cutGraphemes("🇸🇪🇸🇪", 7)).toBe("🇸🇪");
    // A cut that would end in an apostrophe loses it too.
    expect(validName(`${"A".repeat(30)}'s`, SHEET_NAME)).toBe("A".repeat(30));
  });

  it("keeps file names within 255 bytes on whole graphemes, and unique", () => {
    const long = "Ö".repeat(200); // 400 bytes
    const [a, b] = uniqueNames([long, long], [], FILE_NAME);
    expect(new TextEncoder().encode(a).length).toBeLessThanOrEqual(240);
    expect(b.endsWith(" (2)")).toBe(true);
    expect(new TextEncoder().encode(b).length).toBeLessThanOrEqual(240);
    expect(validName("a/b: c?.", FILE_NAME)).toBe("a_b_ c_");
  });
});

describe("names of sheets copied as values", () => {
  it("take an earlier copy's name when it is replaced, and a free one beside anything else", () => {
    const existing = ["Fördelning", "Fördelning (värden)", "Avgift (värden)"];
    // Fördelning's earlier copy is replaced; Avgift's copy is not named in replace, so it stays and the new one gets (2).
    expect(copyNames(["Fördelning", "Avgift"], " (värden)", existing, ["fördelning (VÄRDEN)"])).toEqual({ names: ["Fördelning (värden)", "Avgift (värden) (2)"], replaced: ["Fördelning (värden)"] });
    // A sheet being copied is never replaced, even if named as an earlier copy.
    expect(copyNames(["Fördelning"], " (värden)", existing, ["Fördelning"]).replaced).toEqual([]);
  });
});
