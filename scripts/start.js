#!/usr/bin/env node
// npm start: builds and serves the add-in files and the standalone page on https://localhost:3000/
// with a self-signed development certificate made locally (no network). `npm start -- --http`
// serves plain HTTP where no certificate can be made; `--port N` picks another port.
"use strict";
const { spawn, spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const { CERT_DIR } = require("./dev-server-options");

const args = process.argv.slice(2);
const http = args.includes("--http");
const portIndex = args.indexOf("--port");
const port = portIndex >= 0 ? Number(args[portIndex + 1]) : 3000;
const root = path.join(__dirname, "..");

function certificatesExist() {
  return ["localhost.key", "localhost.crt", "ca.crt"].every((f) => fs.existsSync(path.join(CERT_DIR, f)));
}

if (!http && !certificatesExist()) {
  console.log("Skapar ett självsignerat utvecklingscertifikat för localhost (görs en gång)…");
  spawnSync(process.execPath, [require.resolve("office-addin-dev-certs/cli.js"), "install"], { stdio: "inherit", cwd: root });
  if (!certificatesExist()) {
    console.error(`Inget certifikat kunde skapas i ${CERT_DIR}. Starta med HTTP i stället: npm start -- --http`);
    process.exit(1);
  }
  console.log("Certifikatet finns nu. För att Excel ska lita på det: installera ca.crt från den mappen som betrodd rotcertifikatutfärdare.");
}

const scheme = http ? "http" : "https";
console.log(`\nSamkalk startar på ${scheme}://localhost:${port}/`);
console.log(`  Fristående sida:        ${scheme}://localhost:${port}/`);
console.log(`  Aktivitetsfönster:      ${scheme}://localhost:${port}/taskpane.html`);
console.log(`  Manifest (för Excel):   ${scheme}://localhost:${port}/manifest.xml   (Excel kräver https)`);
console.log("Avsluta med Ctrl+C.\n");

const webpackCli = require.resolve("webpack-cli/bin/cli.js");
const child = spawn(process.execPath, [webpackCli, "serve", "--mode", "development", "--env", `port=${port}`, ...(http ? ["--env", "http"] : [])], { stdio: "inherit", cwd: root });
child.on("exit", (code) => process.exit(code ?? 0));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
