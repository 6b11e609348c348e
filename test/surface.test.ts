import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The add-in's attack surface: strict CSP on every page, no extra domains in the manifest. */
const ROOT = join(__dirname, "..");
const PAGES = ["src/taskpane/taskpane.html", "src/standalone/standalone.html", "src/help/hjalp.html"];

function csp(html: string): Record<string, string[]> {
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
  if (!content) throw new Error("no Content-Security-Policy");
  return Object.fromEntries(content.split(";").map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values]));
}

describe.each(PAGES)("%s", (page) => {
  const html = readFileSync(join(ROOT, page), "utf-8");
  const policy = csp(html);

  it("has a Content-Security-Policy without inline script or eval", () => {
    const scripts = policy["script-src"] ?? policy["default-src"];
    expect(scripts).toBeDefined();
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(policy["default-src"]).toEqual(expect.arrayContaining([expect.stringMatching(/^'(self|none)'$/)]));
    expect(policy["object-src"] ?? policy["default-src"]).toEqual(["'none'"]);
  });

  it("has no inline scripts", () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc="https:\/\/|src="[^"]/);
      expect(body.trim()).toBe("");
    }
  });

  it("connects only to itself, and to SCB's open API for the population figures", () => {
    for (const s of (policy["connect-src"] ?? policy["default-src"]).filter((x) => !x.startsWith("'"))) expect(s).toBe("https://statistikdatabasen.scb.se");
  });

  it("frames nothing but office.js's own logging frame (which it opens outside Office and in Excel for Windows)", () => {
    for (const s of policy["frame-src"] ?? []) expect(s).toBe("https://telemetryservice.firstpartyapps.oaspapps.com");
    if (policy["frame-src"]) expect(page).toBe("src/taskpane/taskpane.html");
  });

  it("loads scripts only from itself or Office's own CDN", () => {
    const sources = (policy["script-src"] ?? []).filter((s) => !s.startsWith("'"));
    for (const s of sources) expect(s).toBe("https://appsforoffice.microsoft.com");
  });
});

describe("manifest.xml surface", () => {
  const xml = readFileSync(join(ROOT, "manifest.xml"), "utf-8");
  it("names no AppDomains: everything is served from the add-in's own origin", () => {
    expect(xml).not.toMatch(/<AppDomain>/);
  });
  it("uses https only", () => {
    expect(xml.match(/http:\/\/(?!schemas\.microsoft\.com|www\.w3\.org)/g)).toBeNull();
  });
});
