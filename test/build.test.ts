import { readFileSync } from "node:fs";
import { join } from "node:path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require("../webpack.config.js");
const manifest = readFileSync(join(__dirname, "..", "manifest.xml"), "utf-8");

/** The manifest the production build would write, through the build's own copy transform. */
function productionManifest(): string {
  const built = config({}, { mode: "production" });
  const copy = built.plugins.find((p: { constructor: { name: string } }) => p.constructor.name === "CopyPlugin");
  const pattern = copy.patterns.find((p: { from: string }) => p.from === "manifest.xml");
  return pattern.transform(Buffer.from(manifest)).toString();
}

describe("the production build", () => {
  const saved = process.env.SAMKALK_BASE_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.SAMKALK_BASE_URL;
    else process.env.SAMKALK_BASE_URL = saved;
  });

  it("refuses to build without the organisation's https address, in Swedish", () => {
    delete process.env.SAMKALK_BASE_URL;
    expect(() => config({}, { mode: "production" })).toThrow(/sätt SAMKALK_BASE_URL=https/);
    process.env.SAMKALK_BASE_URL = "http://samkalk.example.se/";
    expect(() => config({}, { mode: "production" })).toThrow(/måste vara en https-adress/);
    process.env.SAMKALK_BASE_URL = "https://localhost:3000/";
    expect(() => config({}, { mode: "production" })).toThrow(/måste vara en https-adress på er egen server/);
  });

  it("writes a manifest with no localhost, every URL on the given host", () => {
    process.env.SAMKALK_BASE_URL = "https://it.example.se/samkalk";
    const xml = productionManifest();
    expect(xml).not.toMatch(/localhost/i);
    const urls = [...xml.matchAll(/(?:DefaultValue|Url)="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) expect(url.startsWith("https://it.example.se/samkalk/")).toBe(true);
  });

  it("keeps the localhost development build for npm start and build:dev", () => {
    delete process.env.SAMKALK_BASE_URL;
    expect(() => config({}, { mode: "development" })).not.toThrow();
  });

  it("compiles TypeScript to ES modules for webpack, so Fluent UI can be tree-shaken", () => {
    const built = config({}, { mode: "development" });
    const ts = built.module.rules.find((r: { test: RegExp }) => r.test.test("a.tsx"));
    expect(ts.use.options.compilerOptions).toEqual({ module: "esnext", moduleResolution: "bundler" });
  });
});

describe("the rules page beside the help page", () => {
  it("is docs/regler.md as HTML, and the help page links to it", () => {
    const built = config({}, { mode: "development" });
    const copy = built.plugins.find((p: { constructor: { name: string } }) => p.constructor.name === "CopyPlugin");
    const pattern = copy.patterns.find((p: { from: string }) => p.from === "docs/regler.md");
    expect(pattern.to).toBe("regler.html");
    const page = pattern.transform(readFileSync(join(__dirname, "..", "docs", "regler.md"))).toString();
    expect(page).toContain("<h1>Samkalks regler</h1>");
    expect(page).toContain("<h2>Belopp och avrundning</h2>");
    expect(page).toContain("<strong>Det som fördelas summerar alltid exakt.</strong>");
    expect(page).toContain("Content-Security-Policy");
    expect(page).not.toMatch(/\.\.\/shared|DOMAIN\.md/);
    expect(readFileSync(join(__dirname, "..", "src", "help", "hjalp.html"), "utf-8")).toContain('<a href="regler.html">');
  });
});
