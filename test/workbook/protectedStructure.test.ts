import { refuseProtectedStructure } from "../../src/workbook/protectedStructure";

describe("a workbook whose structure is protected", () => {
  it("refuses, in Swedish and saying what to do, only a write that must add or delete a sheet", () => {
    expect(() => refuseProtectedStructure(true, true)).toThrow(/^arbetsbokens struktur är skyddad \(Granska → Skydda arbetsbok\).*ta bort skyddet och försök igen, inget har skrivits$/);
    expect(() => refuseProtectedStructure(true, false)).not.toThrow();
    expect(() => refuseProtectedStructure(false, true)).not.toThrow();
  });
});
