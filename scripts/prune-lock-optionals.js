#!/usr/bin/env node
// Removes, from package-lock.json, optional dependencies that have no entry in the lock.
//
// Why: the registry this project is built against serves only the linux-x64 bindings of some
// native packages (unrs-resolver, used by Jest 30); the others answer 404, so npm cannot record
// them and `npm ci` then refuses the lock ("Missing: … from lock file"). Dropping those optional
// edges makes the lock describe exactly what can be installed. Run after any `npm install`.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const file = path.join(__dirname, "..", "package-lock.json");
const lock = JSON.parse(fs.readFileSync(file, "utf-8"));
const packages = lock.packages ?? {};
let removed = 0;

function resolves(fromPath, name) {
  // node_modules lookup: nearest node_modules up the tree, as Node resolves it.
  let dir = fromPath;
  for (;;) {
    if (packages[`${dir ? `${dir}/` : ""}node_modules/${name}`]) return true;
    if (!dir) return false;
    const i = dir.lastIndexOf("/node_modules/");
    dir = i >= 0 ? dir.slice(0, i) : "";
  }
}

for (const [pkgPath, entry] of Object.entries(packages)) {
  if (!entry.optionalDependencies) continue;
  for (const name of Object.keys(entry.optionalDependencies)) {
    if (!resolves(pkgPath, name)) {
      delete entry.optionalDependencies[name];
      removed++;
    }
  }
  if (Object.keys(entry.optionalDependencies).length === 0) delete entry.optionalDependencies;
}

fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`prune-lock-optionals: removed ${removed} optional dependencies that the registry does not serve`);
