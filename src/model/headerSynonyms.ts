import { MODEL } from "./tables";

/**
 * The accepted header synonyms per table as a Markdown list, for the README: generated from the
 * model so the documentation cannot drift from what the readers accept (a test compares them).
 */
export function headerSynonymsMarkdown(): string {
  return Object.values(MODEL).map(({ name, fields }) => [
    `**${name}**`,
    ...fields.map((f) => `- ${f.label}${f.required ? " (krävs)" : ""}: ${f.headers.map((h) => `\`${h}\``).join(", ")}`),
  ].join("\n")).join("\n\n");
}

export const SYNONYMS_BEGIN = "<!-- BEGIN header synonyms (generated from src/model: npm run docs:headers) -->";
export const SYNONYMS_END = "<!-- END header synonyms -->";
