import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/**
 * The house's rules, read from the imports themselves: dependencies point inward (hosts → app →
 * model, workbook → io, functions → core), a host never imports another host (the standalone
 * page embeds the task pane), and no two files import each other, directly or round about.
 */
const SRC = join(__dirname, "..", "..", "src");

/** What each folder may import besides itself. */
const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  io: ["core"],
  functions: ["core"],
  model: ["core", "io"],
  workbook: ["core", "io", "functions"],
  app: ["core", "io", "model", "workbook", "functions"],
  taskpane: ["core", "io", "model", "workbook", "functions", "app"],
  cli: ["core", "io", "model", "workbook", "functions", "app"],
  demo: ["core", "io", "model", "workbook", "functions", "app"],
  standalone: ["core", "io", "model", "workbook", "functions", "app", "demo", "taskpane"],
  types: [],
};

function filesIn(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesIn(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

const FILES = filesIn(SRC);
const folderOf = (file: string) => relative(SRC, file).split(/[\\/]/)[0];

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith(".")) return null;
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return null;
}

/** Every import, type-only ones too: a type that points outward or round about is a design bug as well. */
function importsOf(file: string): { target: string; spec: string }[] {
  const text = readFileSync(file, "utf8");
  const specs = [
    ...[...text.matchAll(/^\s*(?:import|export)\s+(?:[^'";]*?\s+from\s+)?["']([^"']+)["']/gm)].map((m) => m[1]),
    ...[...text.matchAll(/\bimport\(\s*(?:\/\*[^*]*\*\/\s*)?["']([^"']+)["']\s*\)/g)].map((m) => m[1]),
    ...[...text.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]),
  ];
  return specs.flatMap((spec) => {
    const target = resolveImport(file, spec);
    return target && !/\.(css|json|html)$/.test(target) ? [{ target, spec }] : [];
  });
}

const GRAPH = new Map(FILES.map((f) => [f, importsOf(f)]));

describe("the dependency rules of the house", () => {
  it("every src folder is one the rules know", () => {
    expect([...new Set(FILES.map(folderOf))].filter((f) => !(f in ALLOWED))).toEqual([]);
  });

  it("points inward only: no import from an outer folder", () => {
    const outward = FILES.flatMap((file) => GRAPH.get(file)!.flatMap(({ target, spec }) => {
      const from = folderOf(file);
      const to = folderOf(target);
      return from === to || ALLOWED[from]?.includes(to) ? [] : [`${relative(SRC, file)} imports ${spec} (${from} → ${to})`];
    }));
    expect(outward).toEqual([]);
  });

  it("has no file-level cycle", () => {
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, "open");
      stack.push(file);
      for (const { target } of GRAPH.get(file) ?? []) {
        if (state.get(target) === "open") cycles.push([...stack.slice(stack.indexOf(target)), target].map((f) => relative(SRC, f)).join(" → "));
        else if (!state.has(target)) visit(target);
      }
      stack.pop();
      state.set(file, "done");
    };
    for (const file of FILES) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });
});
