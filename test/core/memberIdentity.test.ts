import { identityText, memberId, visibleText } from "../../src/core/memberIdentity";

describe("member identity", () => {
  it("is the same member whatever the Unicode form, case, spaces or invisible characters", () => {
    const names = ["Björkby", "Bjo\u0308rkby", "BJÖRKBY", " björkby ", "Bj\u200Börkby", "\uFEFFBjörkby", "Björk\u00ADby", "\u200EBjörkby\u200F"];
    expect(new Set(names.map(memberId))).toEqual(new Set(["björkby"]));
    expect(identityText("Övre\u00a0\u202fDal\tkommun")).toBe("övre dal kommun");
  });

  it("keeps different names different", () => {
    expect(memberId("Ask")).not.toBe(memberId("Aska"));
    expect(memberId("Dal")).not.toBe(memberId("Dål"));
  });

  it("shows a name with only its invisible characters taken away", () => {
    expect(visibleText("Ask\u200B kommun\u0000")).toBe("Ask kommun");
  });
});
