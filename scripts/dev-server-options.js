// The development server: HTTPS on localhost with a self-signed certificate made locally by
// office-addin-dev-certs (no network needed), or plain HTTP with `--env http` where no
// certificate can be made.
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const CERT_DIR = path.join(os.homedir(), ".office-addin-dev-certs");

function httpsOptions() {
  const read = (name) => fs.readFileSync(path.join(CERT_DIR, name));
  return { key: read("localhost.key"), cert: read("localhost.crt"), ca: read("ca.crt") };
}

function devServerOptions(env = {}) {
  const port = Number(env.port || process.env.PORT || 3000);
  return {
    port,
    host: "localhost",
    hot: false,
    liveReload: false,
    client: false,
    headers: { "Access-Control-Allow-Origin": "*" },
    static: false,
    server: env.http ? { type: "http" } : { type: "https", options: httpsOptions() },
  };
}

module.exports = { devServerOptions, CERT_DIR };
