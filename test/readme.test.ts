import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The README and the docs a user who clones the repository has: the sections deployers need are
 * there, every link into the repository points at a file that exists, and nothing points at
 * material outside it.
 */
const ROOT = join(__dirname, "..");
const readme = readFileSync(join(ROOT, "README.md"), "utf-8");
const docs = ["docs/regler.md", "docs/acceptans.md", "CONTRIBUTING.md"].map((f) => [f, readFileSync(join(ROOT, f), "utf-8")] as const);

describe("the README", () => {
  it("has the sections a deployer needs: support matrix, sharing across organisations, release steps", () => {
    for (const heading of ["### Vad fungerar var", "### Dela mellan organisationer", "### Släpp en ny version"]) expect(readme).toContain(heading);
    // The release steps name what bites in practice: the version in two places, the 24-hour metadata cache, a separate Id for tests.
    const release = readme.slice(readme.indexOf("### Släpp en ny version"), readme.indexOf("## Aktivitetsfönstret"));
    for (const step of ["<Version>", "24 hours", "--guid", "docs/acceptans.md"]) expect(release).toContain(step);
    for (const host of ["Excel på webben", "Microsoft 365 för Windows", "Microsoft 365 för Mac", "Office LTSC 2021 / 2024"]) expect(readme).toContain(host);
  });

  it("links only to files in the repository, never to ../shared or a file that is not there", () => {
    for (const [name, text] of [["README.md", readme] as const, ...docs]) {
      expect(`${name}: ${/\.\.\/shared|DOMAIN\.md|ARCHITECTURE\.md|TOOLCHAIN\.md/.exec(text)?.[0] ?? "ok"}`).toBe(`${name}: ok`);
      const dir = join(ROOT, name, "..");
      for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        if (/^[a-z]+:/i.test(target)) continue; // https:, mailto:
        expect(`${name} → ${target}: ${existsSync(join(dir, target)) ? "finns" : "saknas"}`).toBe(`${name} → ${target}: finns`);
      }
    }
  });

  it("has an acceptance checklist of numbered steps, each with the result to expect", () => {
    const checklist = docs.find(([f]) => f === "docs/acceptans.md")![1];
    const steps = [...checklist.matchAll(/^\| (\d+\.\d+) \|[^|]+\|([^|]+)\|/gm)];
    expect(steps.length).toBeGreaterThanOrEqual(15);
    for (const [, , expected] of steps) expect(expected.trim().length).toBeGreaterThan(5);
  });
});
