// The manifest in the repo points at the development server; a deployment build points it at the
// organisation's own HTTPS host instead (SAMKALK_BASE_URL, see README "Driftsättning").
"use strict";

const DEV_BASE_URL = "https://localhost:3000/";

function normaliseBaseUrl(url) {
  if (!/^https:\/\/[^\s/]+/.test(url)) throw new Error(`SAMKALK_BASE_URL must be an https:// address, not ${url}`);
  return url.endsWith("/") ? url : `${url}/`;
}

function rebaseManifest(xml, baseUrl = DEV_BASE_URL) {
  return xml.split(DEV_BASE_URL).join(normaliseBaseUrl(baseUrl));
}

module.exports = { DEV_BASE_URL, rebaseManifest, normaliseBaseUrl };
