// `npm run metadata` (after `npm run build:cli`): writes what is made from the functions'
// definitions, so that adding a function is its rule, its definition and its JSDoc:
// - src/functions/metadata.json: the functions.json that custom-functions-metadata generates from
//   the JSDoc in src/functions/functions.ts (the embedded engine registers from the same metadata);
// - src/functions/translations.sv.json: the Swedish names and texts of every definition;
// - the functions' block of src/help/hjalp.html and the function table of README.md.
// A test fails when a committed file drifts from what this writes.
"use strict";
const { readFileSync, writeFileSync } = require("node:fs");
const path = require("node:path");
const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");

const FUNCTIONS = path.join(__dirname, "..", "src", "functions");
const SOURCE = path.join(FUNCTIONS, "functions.ts");
const TARGET = path.join(FUNCTIONS, "metadata.json");
const SWEDISH = path.join(FUNCTIONS, "translations.sv.json");
const HELP = path.join(__dirname, "..", "src", "help", "hjalp.html");
const README = path.join(__dirname, "..", "README.md");

async function generate() {
  const result = await generateCustomFunctionsMetadata(SOURCE);
  if (result.errors.length > 0) throw new Error(`the JSDoc in functions.ts has errors:\n${result.errors.join("\n")}`);
  return `${JSON.stringify(JSON.parse(result.metadataJson), null, 2)}\n`;
}

async function writeAll() {
  const metadataText = await generate();
  writeFileSync(TARGET, metadataText);
  const { DEFINITIONS, catalogueProblems } = require("../lib/functions/definitions");
  const docs = require("../lib/functions/functionDocs");
  const metadata = JSON.parse(metadataText);
  const problems = catalogueProblems(metadata, DEFINITIONS);
  if (problems.length > 0) throw new Error(`the definitions and the JSDoc disagree:\n- ${problems.join("\n- ")}`);
  writeFileSync(SWEDISH, docs.swedishMetadataText(DEFINITIONS));
  writeFileSync(HELP, docs.withHelpSections(readFileSync(HELP, "utf8"), docs.helpSections(metadata, DEFINITIONS)));
  const readme = readFileSync(README, "utf8");
  writeFileSync(README, docs.withBlock(readme, docs.README_BEGIN, docs.README_END, docs.readmeFunctionTable(metadata, DEFINITIONS), "README.md"));
}

if (require.main === module) {
  writeAll().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}

module.exports = { generate, TARGET, SWEDISH, HELP, README };
