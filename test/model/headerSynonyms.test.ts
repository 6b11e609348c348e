import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SYNONYMS_BEGIN, SYNONYMS_END, headerSynonymsMarkdown } from "../../src/model/headerSynonyms";

describe("the README's header synonyms", () => {
  it("are the ones the model accepts (run `npm run docs:headers` after changing a table's headers)", () => {
    const readme = readFileSync(join(__dirname, "..", "..", "README.md"), "utf8");
    expect(readme.indexOf(SYNONYMS_BEGIN)).toBeGreaterThan(0);
    const block = readme.slice(readme.indexOf(SYNONYMS_BEGIN) + SYNONYMS_BEGIN.length, readme.indexOf(SYNONYMS_END)).trim();
    expect(block).toBe(headerSynonymsMarkdown());
  });
});
