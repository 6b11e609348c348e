import {
  HELP_BEGIN, HELP_END, helpAnchor, helpSections, readmeFunctionTable, swedishMetadata, swedishMetadataText, withBlock, withHelpSections,
} from "../../src/functions/functionDocs";
import { FunctionDefinition } from "../../src/functions/definition";

/** The files `npm run metadata` writes from the definitions, built from two made-up functions. */
const definition = (id: string, sv: string, parameters: [string, string][], help: string): FunctionDefinition => ({
  id, run: () => 0, result: { kind: "scalar" }, sample: [], help,
  sv: { name: sv, description: `${sv} gör något`, parameters: Object.fromEntries(parameters.map(([en, name]) => [en, { name, description: "" }])) },
});

const DEFS = [
  definition("UPLIFT", "UPPRAKNA", [["amount", "belopp"], ["percent", "procent"], ["years", "år"]], "\n<p>Räknar upp.</p>\n<p>Exempel: <code>=SAMKALK.UPPRAKNA(100;2%)</code></p>"),
  definition("NOTICEDATE", "UPPSAGNINGSDAG", [["end_date", "slutdatum"], ["notice_months", "uppsägningstid_månader"]], "<p>Sista dag.</p>\n"),
];
// The metadata lists the functions in its own order, optional parameters marked.
const META = {
  functions: [
    { id: "NOTICEDATE", description: "The last day to give notice.", parameters: [{ name: "end_date" }, { name: "notice_months" }] },
    { id: "UPLIFT", description: "Amount × (1 + percent)^years | rounded.", parameters: [{ name: "amount" }, { name: "percent" }, { name: "years", optional: true }] },
  ],
};

describe("the Swedish metadata", () => {
  it("is each definition's Swedish texts by its id, as JSON with two spaces and a final newline", () => {
    expect(Object.keys(swedishMetadata(DEFS))).toEqual(["UPLIFT", "NOTICEDATE"]);
    expect(swedishMetadata(DEFS).NOTICEDATE.parameters.end_date.name).toBe("slutdatum");
    const text = swedishMetadataText(DEFS);
    expect(text.startsWith('{\n  "UPLIFT": {\n    "name": "UPPRAKNA",')).toBe(true);
    expect(text.endsWith("}\n")).toBe(true);
    expect(JSON.parse(text)).toEqual(swedishMetadata(DEFS));
  });
});

describe("the help page's functions", () => {
  const sections = helpSections(META, DEFS);

  it("links each function from the navigation by its Swedish name in lower case, in the metadata's order", () => {
    expect(helpAnchor(DEFS[1])).toBe("uppsagningsdag");
    expect(sections.split("\n")[0]).toBe('  <nav><ul><li><a href="#uppsagningsdag">UPPSAGNINGSDAG</a></li><li><a href="#upprakna">UPPRAKNA</a></li></ul></nav>');
  });

  it("heads each section with the Swedish signature, optional arguments in brackets, and the English name", () => {
    expect(sections).toContain('  <section id="upprakna">\n    <h2>UPPRAKNA(belopp; procent; [år]) <small>— engelska: UPLIFT</small></h2>\n');
    expect(sections).toContain("<h2>UPPSAGNINGSDAG(slutdatum; uppsägningstid_månader) <small>— engelska: NOTICEDATE</small></h2>");
  });

  it("indents the help text four spaces, without its leading and trailing blank lines", () => {
    expect(sections).toContain("</h2>\n    <p>Räknar upp.</p>\n    <p>Exempel: <code>=SAMKALK.UPPRAKNA(100;2%)</code></p>\n  </section>");
    expect(sections).toContain("</h2>\n    <p>Sista dag.</p>\n  </section>");
  });

  it("replaces only the block between the markers of the page, and gives the same page when run again", () => {
    const page = `<body>\n  <h1>Hjälp</h1>\n  ${HELP_BEGIN}\n  gammalt\n  ${HELP_END}\n  <footer/>\n</body>`;
    const once = withHelpSections(page, "  NYTT");
    expect(once).toBe(`<body>\n  <h1>Hjälp</h1>\n  ${HELP_BEGIN}\n  NYTT\n  ${HELP_END}\n  <footer/>\n</body>`);
    expect(withHelpSections(once, "  NYTT")).toBe(once);
  });
});

describe("the README's function table", () => {
  it("has a row per function with its help link, both names, the Swedish arguments and the English description", () => {
    expect(readmeFunctionTable(META, DEFS).split("\n")).toEqual([
      "| Svenska | English | arguments | what it does |",
      "|---|---|---|---|",
      "| [UPPSAGNINGSDAG](src/help/hjalp.html#uppsagningsdag) | NOTICEDATE | slutdatum; uppsägningstid_månader | The last day to give notice. |",
      // A | in the description would end the cell: it is escaped.
      "| [UPPRAKNA](src/help/hjalp.html#upprakna) | UPLIFT | belopp; procent; [år] | Amount × (1 + percent)^years \\| rounded. |",
    ]);
  });
});

describe("a block between two markers", () => {
  it("refuses a text without both markers in order, naming the file", () => {
    expect(() => withBlock("inget här", "<!-- a -->", "<!-- b -->", "x", "README.md")).toThrow('README.md has no block between "<!-- a -->" and "<!-- b -->"');
    expect(() => withBlock("<!-- b --> <!-- a -->", "<!-- a -->", "<!-- b -->", "x", "README.md")).toThrow("README.md has no block");
  });
});
