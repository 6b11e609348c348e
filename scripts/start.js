#!/usr/bin/env node
// npm start: builds and serves the add-in files and the standalone page on https://localhost:3000/
// with a self-signed development certificate made locally (no network). `npm start -- --http`
// serves plain HTTP where no certificate can be made; `--port N` picks another port.
"use strict";
const { spawn } = require("node:child_process");
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

async function main() {
  if (!http && !certificatesExist()) {
    console.log("Skapar ett självsignerat utvecklingscertifikat för localhost (görs en gång)…");
    // Only made, never installed: installing would run sudo to trust it, which is the user's call.
    try {
      const { generateCertificates } = require("office-addin-dev-certs/lib/generate");
      fs.mkdirSync(CERT_DIR, { recursive: true });
      await generateCertificates(path.join(CERT_DIR, "ca.crt"), path.join(CERT_DIR, "localhost.crt"), path.join(CERT_DIR, "localhost.key"));
    } catch (error) {
      console.error(`Certifikatet kunde inte skapas: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!certificatesExist()) {
      console.error(`Inget certifikat kunde skapas i ${CERT_DIR}. Starta med HTTP i stället: npm start -- --http`);
      process.exit(1);
    }
    console.log(`Certifikatet finns nu i ${CERT_DIR}. För att Excel ska lita på det: installera ca.crt därifrån som betrodd rotcertifikatutfärdare (Windows: dubbelklicka och välj "Betrodda rotcertifikatutfärdare"; macOS: Nyckelhanten, "Lita alltid på"; Linux: kopiera till /usr/local/share/ca-certificates och kör update-ca-certificates).`);
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
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
