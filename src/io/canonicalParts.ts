import JSZip from "jszip";
import { parseAttributes } from "./sheetXml";
import { relativeTarget, relsPathOf, resolveTarget } from "./partNames";

/**
 * An xlsx package renamed to the part names Excel itself writes, before exceljs reads it.
 *
 * The standard (ECMA-376 part 2, Open Packaging Conventions) lets a package name its parts freely
 * and point at them with relative targets (`../worksheets/data.xml`, `./sheet1.xml`) or absolute
 * ones (`/xl/worksheets/sheet1.xml`, as openpyxl writes them): only the relationships say which
 * part is the workbook, a sheet or a table. exceljs finds parts by Excel's own names
 * (`xl/workbook.xml`, `xl/worksheets/sheetN.xml`, …) and matches targets as text, so a valid file
 * laid out otherwise read as a workbook "without sheets". Here every part reached from the
 * package's relationships gets Excel's name for its kind, every internal target becomes the
 * relative path Excel writes, and [Content_Types].xml follows. A package already in that form is
 * returned as it was, byte for byte.
 */

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

/** Excel's name for a part of each kind exceljs looks for; `n` numbers parts of the same kind. */
const CANONICAL: Record<string, { name: (n: number, ext: string) => string; pattern: RegExp }> = {
  officeDocument: { name: () => "xl/workbook.xml", pattern: /^xl\/workbook\.xml$/ },
  worksheet: { name: (n) => `xl/worksheets/sheet${n}.xml`, pattern: /^xl\/worksheets\/sheet(\d+)\.xml$/ },
  sharedStrings: { name: () => "xl/sharedStrings.xml", pattern: /^xl\/sharedStrings\.xml$/ },
  styles: { name: () => "xl/styles.xml", pattern: /^xl\/styles\.xml$/ },
  theme: { name: (n) => `xl/theme/theme${n}.xml`, pattern: /^xl\/theme\/theme(\d+)\.xml$/ },
  drawing: { name: (n) => `xl/drawings/drawing${n}.xml`, pattern: /^xl\/drawings\/drawing(\d+)\.xml$/ },
  vmlDrawing: { name: (n) => `xl/drawings/vmlDrawing${n}.vml`, pattern: /^xl\/drawings\/vmlDrawing(\d+)\.vml$/ },
  comments: { name: (n) => `xl/comments${n}.xml`, pattern: /^xl\/comments(\d+)\.xml$/ },
  table: { name: (n) => `xl/tables/table${n}.xml`, pattern: /^xl\/tables\/table(\d+)\.xml$/ },
  image: { name: (n, ext) => `xl/media/image${n}${ext}`, pattern: /^xl\/media\/image(\d+)\.\w{3,4}$/ },
};

interface Relationship {
  /** The whole `<Relationship …/>` element as written. */
  element: string;
  kind: string;
  target: string;
  /** The part it points at, as named in the archive; null for an external or a missing target. */
  part: string | null;
}

const escapeAttribute = (text: string) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

export async function canonicalXlsx(bytes: Uint8Array): Promise<Uint8Array> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return bytes; // not a zip JSZip can read: exceljs's own refusal stands
  }
  // Part names are compared without case (OPC §6.2.2.3).
  const byLowerName = new Map(Object.keys(zip.files).filter((n) => !zip.files[n].dir).map((n) => [n.toLowerCase(), n]));
  const find = (name: string) => byLowerName.get(name.toLowerCase()) ?? null;

  const relsOf = new Map<string, Relationship[]>();
  const kindOf = new Map<string, string>();
  const pending = [""];
  while (pending.length > 0) {
    const source = pending.pop()!;
    const relsName = find(source === "" ? "_rels/.rels" : relsPathOf(source));
    if (!relsName || relsOf.has(source)) continue;
    const xml = await zip.file(relsName)!.async("string");
    const rels: Relationship[] = [...xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*?\/?>/g)].map((m) => {
      const a = parseAttributes(m[0]);
      const kind = (a.Type ?? "").startsWith(REL_NS) ? a.Type.slice(REL_NS.length) : a.Type ?? "";
      const part = a.TargetMode === "External" || !a.Target ? null : find(resolveTarget(source, a.Target));
      return { element: m[0], kind, target: a.Target ?? "", part };
    });
    relsOf.set(source, rels);
    for (const r of rels) {
      if (!r.part || kindOf.has(r.part)) continue;
      kindOf.set(r.part, r.kind);
      pending.push(r.part);
    }
  }

  const rename = new Map<string, string>();
  const taken = new Set(byLowerName.keys());
  const used: Record<string, Set<number>> = {};
  for (const [part, kind] of kindOf) {
    const canonical = CANONICAL[kind];
    if (!canonical) continue;
    const match = canonical.pattern.exec(part);
    if (match && !(used[kind] ??= new Set()).has(Number(match[1] ?? 0))) {
      used[kind].add(Number(match[1] ?? 0));
      continue;
    }
    if (match) continue;
    let n = 1;
    while (used[kind]?.has(n) || taken.has(canonical.name(n, extension(part)).toLowerCase())) n++;
    (used[kind] ??= new Set()).add(n);
    const name = canonical.name(n, extension(part));
    taken.add(name.toLowerCase());
    rename.set(part, name);
  }
  const nameOf = (part: string) => rename.get(part) ?? part;

  const rewrittenRels = new Map<string, string>();
  for (const [source, rels] of relsOf) {
    const newSource = nameOf(source);
    let changed = false;
    const replacements = rels.map((r) => {
      if (!r.part) return r.element;
      const target = relativeTarget(newSource, nameOf(r.part));
      if (target === r.target) return r.element;
      changed = true;
      return r.element.replace(/\bTarget\s*=\s*(?:"[^"]*"|'[^']*')/, `Target="${escapeAttribute(target)}"`);
    });
    const relsName = find(source === "" ? "_rels/.rels" : relsPathOf(source))!;
    const newRelsName = source === "" ? relsName : relsPathOf(newSource);
    if (!changed && newRelsName === relsName) continue;
    let xml = await zip.file(relsName)!.async("string");
    rels.forEach((r, i) => (xml = xml.replace(r.element, replacements[i])));
    rewrittenRels.set(relsName, xml);
    if (newRelsName !== relsName) rename.set(relsName, newRelsName);
  }
  if (rename.size === 0 && rewrittenRels.size === 0) return bytes;

  const out = new JSZip();
  for (const name of Object.keys(zip.files)) {
    const entry = zip.files[name];
    if (entry.dir) continue;
    const data = rewrittenRels.get(name) ?? (await entry.async("uint8array"));
    out.file(rename.get(name) ?? name, data, { date: entry.date });
  }
  const typesName = find("[Content_Types].xml");
  if (typesName) {
    let types = await zip.file(typesName)!.async("string");
    for (const [from, to] of rename) types = types.replace(new RegExp(`(PartName\\s*=\\s*["'])/${escapeRegExp(from)}(["'])`, "i"), `$1/${to}$2`);
    out.file(typesName, types);
  }
  return out.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 3 } });
}

function extension(part: string): string {
  return /\.\w+$/.exec(part)?.[0] ?? "";
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
