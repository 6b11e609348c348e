#!/usr/bin/env node
// npm run audit: fails on any high or critical advisory in the production dependencies, except
// those in audit-allowlist.json, each with the reason it cannot be reached from Samkalk.
// Needs the registry's advisory service; where it cannot be reached (as on the offline build
// machines), it says so and exits 3, which is neither a pass nor a finding.
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const allow = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "audit-allowlist.json"), "utf-8")).allowed;
const result = spawnSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf-8", cwd: path.join(__dirname, "..") });
let report;
try {
  report = JSON.parse(result.stdout);
} catch {
  report = null;
}
if (!report || report.error || report.statusCode || !report.vulnerabilities) {
  console.error(`npm audit kunde inte nå registrets sårbarhetstjänst (${report?.message ?? report?.error?.summary ?? "inget svar"}). Kör igen med nätverk.`);
  process.exit(3);
}
const serious = Object.values(report.vulnerabilities).filter((v) => ["high", "critical"].includes(v.severity));
const unexplained = serious.filter((v) => !allow.some((a) => a.package === v.name));
for (const v of serious) console.log(`${v.severity.padEnd(8)} ${v.name} ${allow.some((a) => a.package === v.name) ? "(tillåten, se audit-allowlist.json)" : ""}`);
if (unexplained.length > 0) {
  console.error(`${unexplained.length} allvarliga sårbarheter i produktionsberoenden utan förklaring i audit-allowlist.json.`);
  process.exit(1);
}
console.log("Inga höga eller kritiska sårbarheter i produktionsberoenden (utöver förklarade undantag).");
