// Rewrites the README's list of accepted header synonyms from the model (src/model/headerSynonyms.ts,
// compiled to lib/ by `npm run build:cli`). A test fails when the README drifts from the model.
"use strict";
const { readFileSync, writeFileSync } = require("node:fs");
const path = require("node:path");
const { SYNONYMS_BEGIN, SYNONYMS_END, headerSynonymsMarkdown } = require("../lib/model/headerSynonyms");

const README = path.join(__dirname, "..", "README.md");
const text = readFileSync(README, "utf8");
const start = text.indexOf(SYNONYMS_BEGIN);
const end = text.indexOf(SYNONYMS_END);
if (start < 0 || end < start) throw new Error(`README.md has no block between "${SYNONYMS_BEGIN}" and "${SYNONYMS_END}"`);
writeFileSync(README, `${text.slice(0, start + SYNONYMS_BEGIN.length)}\n${headerSynonymsMarkdown()}\n${text.slice(end)}`);
