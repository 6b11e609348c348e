import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { ManifestInfo } from "office-addin-manifest/lib/manifestInfo";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rebaseManifest } = require("../scripts/manifest-base-url");

/**
 * The official validator needs an online service, so the manifest is checked here offline against
 * what Office requires of it.
 */
const ROOT = join(__dirname, "..");
const BASE = "https://localhost:3000/";
const xml = readFileSync(join(ROOT, "manifest.xml"), "utf-8");

type Node = Record<string, unknown>;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", removeNSPrefix: false, isArray: (_name, _path, _leaf, isAttribute) => !isAttribute });
const doc = parser.parse(xml) as Node;

/** Every element in document order, with its tag name. */
function walk(node: unknown, visit: (tag: string, el: Node) => void, tag = ""): void {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, visit, tag));
  if (typeof node === "string" || typeof node === "number") return tag ? visit(tag, { "#text": String(node) }) : undefined;
  if (node === null || typeof node !== "object") return;
  if (tag) visit(tag, node as Node);
  for (const [key, value] of Object.entries(node)) if (!key.startsWith("@") && key !== "#text") walk(value, visit, key);
}

const elements: { tag: string; el: Node }[] = [];
walk(doc, (tag, el) => elements.push({ tag, el }));
const attr = (el: Node, name: string) => el[`@${name}`] as string | undefined;
const resources = new Map<string, { tag: string; el: Node }>();
for (const e of elements) {
  const id = attr(e.el, "id");
  if (id && ["bt:Image", "bt:Url", "bt:String"].includes(e.tag)) resources.set(id, e);
}
const first = (tag: string) => elements.find((e) => e.tag === tag)!.el;
const resid = (tag: string) => elements.filter((e) => e.tag === tag).map((e) => attr(e.el, "resid"));

describe("manifest.xml", () => {
  it("is well-formed XML with a GUID id, the Workbook host and the SAMKALK namespace", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(first("Id")["#text"]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(attr(first("Host"), "Name")).toBe("Workbook");
    const ns = resid("Namespace")[0]!;
    expect(attr(resources.get(ns)!.el, "DefaultValue")).toBe("SAMKALK");
  });

  it("resolves every resid to a resource", () => {
    const missing = elements.map((e) => attr(e.el, "resid")).filter((r): r is string => !!r && !resources.has(r));
    expect(missing).toEqual([]);
    expect(elements.filter((e) => attr(e.el, "resid")).length).toBeGreaterThan(10);
  });

  it("uses only https URLs under the base URL", () => {
    const urls: string[] = [];
    for (const e of elements) for (const a of ["DefaultValue", "Value"]) {
      const v = attr(e.el, a);
      if (v && /^[a-z]+:\/\//i.test(v)) urls.push(v);
    }
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(url.startsWith(BASE)).toBe(true);
  });

  it("points at icons that exist in assets/ with the sizes named", () => {
    const icons = elements.filter((e) => e.tag === "bt:Image" && attr(e.el, "id")).map((e) => attr(e.el, "DefaultValue")!);
    icons.push(attr(first("IconUrl"), "DefaultValue")!, attr(first("HighResolutionIconUrl"), "DefaultValue")!);
    for (const url of icons) {
      const file = url.slice(BASE.length);
      const png = readFileSync(join(ROOT, file));
      expect(png.subarray(1, 4).toString()).toBe("PNG");
      const size = Number(/icon-(\d+)\.png$/.exec(file)![1]);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
    for (const e of elements.filter((x) => x.tag === "bt:Image" && attr(x.el, "size"))) {
      expect(attr(resources.get(attr(e.el, "resid")!)!.el, "DefaultValue")).toContain(`icon-${attr(e.el, "size")}.png`);
    }
  });

  it("runs the task pane and the custom functions in one shared runtime", () => {
    expect(elements.some((e) => e.tag === "Set" && attr(e.el, "Name") === "SharedRuntime")).toBe(true);
    const runtime = resid("Runtime");
    expect(runtime).toHaveLength(1);
    expect(attr(elements.find((e) => e.tag === "Runtime")!.el, "lifetime")).toBe("long");
    const page = (first("Page").SourceLocation as Node[])[0];
    expect(attr(page, "resid")).toBe(runtime[0]);
    const action = elements.find((e) => e.tag === "Action")!.el;
    expect(attr((action.SourceLocation as Node[])[0], "resid")).toBe(runtime[0]);
    expect(resid("FunctionFile")).toEqual(runtime);
  });

  it("gives the functions metadata a Swedish override", () => {
    const metadata = (first("Metadata").SourceLocation as Node[])[0];
    const url = resources.get(attr(metadata, "resid")!)!.el;
    expect(attr(url, "DefaultValue")).toBe(`${BASE}functions.json`);
    const override = (url["bt:Override"] as Node[])[0];
    expect([attr(override, "Locale"), attr(override, "Value")]).toEqual(["sv-se", `${BASE}functions-sv.json`]);
  });

  it("asks for no more than ReadWriteDocument", () => {
    expect(["Restricted", "ReadDocument", "ReadWriteDocument"]).toContain(first("Permissions")["#text"]);
  });

  it("is rebased to the production URL at build time, and refuses http", () => {
    const rebased: string = rebaseManifest(xml, "https://samkalk.example.se/addin");
    expect(rebased).not.toContain(BASE);
    expect(rebased).toContain("https://samkalk.example.se/addin/functions-sv.json");
    expect(() => rebaseManifest(xml, "http://insecure.example.se/")).toThrow("https://");
  });
});

describe("manifest.xml as Office's own tools read it (office-addin-manifest)", () => {
  /**
   * readManifestFile from the package's main entry, in plain Node: its JSON-manifest half pulls
   * ESM-only packages, which Node 20 requires but Jest's module loader (before Node 24.9) does not.
   */
  function readManifestFile(path: string): ManifestInfo {
    const script = "require('office-addin-manifest').OfficeAddinManifest.readManifestFile(process.argv[1]).then((i) => process.stdout.write(JSON.stringify(i)))";
    return JSON.parse(execFileSync(process.execPath, ["-e", script, path], { cwd: ROOT, encoding: "utf-8" })) as ManifestInfo;
  }
  const info = readManifestFile(join(ROOT, "manifest.xml"));
  const packageVersion = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf-8")) as { version: string }).version;

  it("is an Excel task pane add-in with our Id, name, permissions and start page", () => {
    expect(info).toMatchObject({
      manifestType: "xml",
      id: "1d681442-e044-41fe-80b0-b6b64a86c8c1",
      displayName: "Samkalk",
      providerName: "Samkalk",
      officeAppType: "TaskPaneApp",
      permissions: "ReadWriteDocument",
      hosts: ["Workbook"],
      defaultLocale: "en-US",
      appDomains: [],
      iconUrl: `${BASE}assets/icon-32.png`,
      highResolutionIconUrl: `${BASE}assets/icon-64.png`,
      defaultSettings: { sourceLocation: `${BASE}taskpane.html` },
    });
  });

  it("carries the package's version, so a release bumps both (README, Släpp en ny version)", () => {
    expect(info.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(info.version!.split(".").slice(0, 3).join(".")).toBe(packageVersion);
  });
});
