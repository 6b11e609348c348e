import { errorCode, readError, reasonOf, writeError } from "../../src/cli/fileErrors";
import { locatedMessage } from "../../src/core/errors";

const systemError = (code: string) => Object.assign(new Error(`${code}: raw message, open 'x'`), { code });

describe("file-system errors in Swedish", () => {
  it("reads the code of an error, and none of something that is no error", () => {
    expect(errorCode(systemError("EPERM"))).toBe("EPERM");
    expect(errorCode(new Error("plain"))).toBe("");
    expect(errorCode(undefined)).toBe("");
    expect(errorCode(null)).toBe("");
  });

  it.each([
    ["EROFS", "filsystemet går bara att läsa"],
    ["ENAMETOOLONG", "sökvägen eller filnamnet är för långt"],
    ["EMFILE", "för många öppna filer; stäng andra program och försök igen"],
    ["EXDEV", "filen och mappen ligger på olika filsystem"],
  ])("gives %s as words, never the code", (code, words) => {
    expect(reasonOf(systemError(code))).toBe(words);
  });

  it("names a code it has no words for as a system error, and falls back to the message without a code", () => {
    expect(reasonOf(systemError("ECONNRESET"))).toBe("systemfel ECONNRESET");
    expect(reasonOf(new Error("något gick fel"))).toBe("något gick fel");
    expect(reasonOf("bara text")).toBe("bara text");
  });

  it("says a missing input is missing, and a missing folder when writing", () => {
    expect(locatedMessage(readError(systemError("ENOENT"), "in/nyckel.csv"))).toBe("fil in/nyckel.csv: filen finns inte");
    expect(locatedMessage(writeError(systemError("ENOENT"), "ut/fördelning.csv"))).toBe("fil ut/fördelning.csv: kan inte skriva filen: mappen finns inte; inget skrevs");
  });

  it("says why an input cannot be read, naming the file, as an exit-2 error", () => {
    const error = readError(systemError("EISDIR"), "nyckel.csv");
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.location).toEqual({ file: "nyckel.csv" });
    expect(error.message).toBe("filen kan inte läsas: det är en mapp, inte en fil");
  });

  it("says what is left when a write fails midway", () => {
    const error = writeError(systemError("ENOSPC"), "q1/Ask.xlsx", "inga av filerna skrevs");
    expect(locatedMessage(error)).toBe("fil q1/Ask.xlsx: kan inte skriva filen: disken är full; inga av filerna skrevs");
  });
});
