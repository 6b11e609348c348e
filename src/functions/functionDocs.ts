import { FunctionDefinition } from "./definition";
import { MetadataFunction } from "./definitions";

/**
 * The files made from the function definitions by `npm run metadata`: the Swedish metadata
 * (translations.sv.json, which the build turns into functions-sv.json) and the functions' part of
 * the help page. A test fails when a committed file differs from what these give.
 */

export type SwedishMetadata = Record<string, FunctionDefinition["sv"]>;

export function swedishMetadata(definitions: readonly FunctionDefinition[]): SwedishMetadata {
  return Object.fromEntries(definitions.map((d) => [d.id, d.sv]));
}

export const swedishMetadataText = (definitions: readonly FunctionDefinition[]) => `${JSON.stringify(swedishMetadata(definitions), null, 2)}\n`;

export const HELP_BEGIN = "<!-- funktionerna: skrivs av npm run metadata -->";
export const HELP_END = "<!-- slut på funktionerna -->";

/** The help page's anchor for a function: its Swedish name in lower case. */
export const helpAnchor = (d: FunctionDefinition) => d.sv.name.toLowerCase();

/** The navigation and one section per function, in the metadata's order, signatures in Swedish. */
export function helpSections(metadata: { functions: readonly MetadataFunction[] }, definitions: readonly FunctionDefinition[]): string {
  const byId = new Map(definitions.map((d) => [d.id, d]));
  const ordered = metadata.functions.map((f) => ({ f, d: byId.get(f.id)! }));
  const nav = `  <nav><ul>${ordered.map(({ d }) => `<li><a href="#${helpAnchor(d)}">${d.sv.name}</a></li>`).join("")}</ul></nav>`;
  const sections = ordered.map(({ f, d }) => {
    const params = f.parameters.map((p) => (p.optional ? `[${d.sv.parameters[p.name].name}]` : d.sv.parameters[p.name].name)).join("; ");
    const body = d.help.trim().split("\n").map((line) => `    ${line}`).join("\n");
    return `  <section id="${helpAnchor(d)}">\n    <h2>${d.sv.name}(${params}) <small>— engelska: ${d.id}</small></h2>\n${body}\n  </section>`;
  });
  return [nav, ...sections].join("\n");
}

/** The help page with its functions' block replaced. */
export const withHelpSections = (page: string, sections: string) => withBlock(page, HELP_BEGIN, HELP_END, sections, "hjalp.html");

export const README_BEGIN = "<!-- functions: written by npm run metadata -->";
export const README_END = "<!-- end of functions -->";

interface DescribedFunction extends MetadataFunction {
  description: string;
}

/** The README's function table: Swedish and English names, the Swedish arguments, what it does (the JSDoc's words). */
export function readmeFunctionTable(metadata: { functions: readonly DescribedFunction[] }, definitions: readonly FunctionDefinition[]): string {
  const byId = new Map(definitions.map((d) => [d.id, d]));
  const rows = metadata.functions.map((f) => {
    const d = byId.get(f.id)!;
    const params = f.parameters.map((p) => (p.optional ? `[${d.sv.parameters[p.name].name}]` : d.sv.parameters[p.name].name)).join("; ");
    return `| [${d.sv.name}](src/help/hjalp.html#${helpAnchor(d)}) | ${f.id} | ${params} | ${f.description.replace(/\|/g, "\\|")} |`;
  });
  return ["| Svenska | English | arguments | what it does |", "|---|---|---|---|", ...rows].join("\n");
}

/** A text with the block between two markers replaced. */
export function withBlock(text: string, begin: string, end: string, block: string, file: string): string {
  const start = text.indexOf(begin);
  const stop = text.indexOf(end);
  if (start < 0 || stop < start) throw new Error(`${file} has no block between "${begin}" and "${end}"`);
  const indent = text.slice(text.lastIndexOf("\n", stop) + 1, stop);
  return `${text.slice(0, start + begin.length)}\n${block}\n${indent}${text.slice(stop)}`;
}
