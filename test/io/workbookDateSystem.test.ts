import { readFileSync } from "node:fs";
import { join } from "node:path";
import { declaresDate1904, workbookDateSystem } from "../../src/io/workbookDateSystem";

const corpus = join(__dirname, "../fixtures/xlsx-corpus");

describe("the date system of a workbook", () => {
  it("reads date1904 as Excel ('1') and LibreOffice ('true') write it, with any prefix", () => {
    expect(declaresDate1904('<workbook><workbookPr date1904="1"/></workbook>')).toBe(true);
    expect(declaresDate1904("<x:workbook><x:workbookPr defaultThemeVersion='1' date1904='true'/></x:workbook>")).toBe(true);
    expect(declaresDate1904('<workbook><workbookPr date1904="0"/></workbook>')).toBe(false);
    expect(declaresDate1904("<workbook><workbookPr/></workbook>")).toBe(false);
  });

  it("finds it in files that Excel's writers and LibreOffice saved", async () => {
    const system = (name: string) => workbookDateSystem(new Uint8Array(readFileSync(join(corpus, name))), name);
    expect(await system("libreoffice-1904.xlsx")).toBe("1904");
    expect(await system("exceljs-1904.xlsx")).toBe("1904");
    expect(await system("libreoffice-native.xlsx")).toBe("1900");
  });
});
