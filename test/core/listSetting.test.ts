import { isText, listSetting } from "../../src/core/listSetting";

describe("a list kept in a document setting", () => {
  it("reads a stored list's items of the right shape, and nothing from a missing or damaged setting", () => {
    expect(listSetting('["Fakturaunderlag", 3, "Periodplan", null]', isText)).toEqual(["Fakturaunderlag", "Periodplan"]);
    expect(listSetting(undefined, isText)).toEqual([]);
    expect(listSetting("", isText)).toEqual([]);
    expect(listSetting("{inte json", isText)).toEqual([]);
    expect(listSetting('{"a": "b"}', isText)).toEqual([]);
  });
});
