// Writes src/functions/metadata.json: the functions.json that custom-functions-metadata generates
// from the JSDoc in src/functions/functions.ts, so the embedded engine registers the functions
// from the same metadata Excel gets. A test fails when the committed file drifts from the JSDoc;
// run `npm run metadata` after changing a function's JSDoc.
"use strict";
const { writeFileSync } = require("node:fs");
const path = require("node:path");
const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");

const SOURCE = path.join(__dirname, "..", "src", "functions", "functions.ts");
const TARGET = path.join(__dirname, "..", "src", "functions", "metadata.json");

async function generate() {
  const result = await generateCustomFunctionsMetadata(SOURCE);
  if (result.errors.length > 0) throw new Error(`the JSDoc in functions.ts has errors:\n${result.errors.join("\n")}`);
  return `${JSON.stringify(JSON.parse(result.metadataJson), null, 2)}\n`;
}

if (require.main === module) {
  generate().then((text) => writeFileSync(TARGET, text)).catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}

module.exports = { generate, TARGET };
