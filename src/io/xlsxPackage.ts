import { declaresDate1904 } from "./workbookDateSystem";
import { DomainError, isDomainError } from "../core/errors";
import { ZipArchive } from "./zipArchive";
import { relsPathOf, resolveTarget } from "./partNames";
import { parseAttributes, readSheetXml, richText, SheetXml, unescapeXml } from "./sheetXml";

/**
 * An xlsx file as its parts (ECMA-376 / ISO 29500): the workbook part with its sheets, defined
 * names and calculation settings, the shared strings and each worksheet's XML. Only what a
 * recalculation reads is parsed; the archive keeps every other part as it was.
 */

export interface PackageSheet {
  name: string;
  /** Part name inside the archive, e.g. xl/worksheets/sheet1.xml. */
  path: string;
  state: string;
  /** Parsed on first use. */
  xml?: SheetXml;
}

export interface DefinedName {
  name: string;
  /** The sheet a local name belongs to; null for a workbook-wide name. */
  sheet: string | null;
  formula: string;
}

/**
 * The attributes of a start tag, up to its ">" or "/>": quoted values in double or single quotes,
 * which may themselves hold ">" or "/" (a regular-expression source to put inside a group).
 */
const ATTRIBUTES = `(?:[^>"'/]|"[^"]*"|'[^']*'|/(?!>))*`;

/** The elements `<name …/>` or `<name …>` in `xml`, with their attribute text and whether they close themselves. */
function tags(xml: string, name: string): { index: number; text: string; attributes: string; selfClosing: boolean }[] {
  return [...xml.matchAll(new RegExp(`<${name}\\b(${ATTRIBUTES})(/?)>`, "g"))].map((m) => ({ index: m.index!, text: m[0], attributes: m[1], selfClosing: m[2] === "/" }));
}

/** `xml` without the first element `<name …/>` whose attributes satisfy `match`. */
function withoutEmptyElement(xml: string, name: string, match: (attributes: Record<string, string>) => boolean): string {
  const tag = tags(xml, name).find((t) => t.selfClosing && match(parseAttributes(t.attributes)));
  return tag ? xml.slice(0, tag.index) + xml.slice(tag.index + tag.text.length) : xml;
}

interface Relationship {
  id: string;
  type: string;
  target: string;
}

function relationships(archive: ZipArchive, part: string): Relationship[] {
  const path = relsPathOf(part);
  if (!archive.has(path)) return [];
  return tags(archive.text(path), "(?:\\w+:)?Relationship").map((t) => {
    const a = parseAttributes(t.attributes);
    return { id: a.Id, type: a.Type ?? "", target: a.Target ?? "" };
  });
}

export class XlsxPackage {
  readonly sheets: PackageSheet[] = [];
  readonly names: DefinedName[] = [];
  readonly date1904: boolean;
  private sharedStringList: string[] | null = null;
  private workbookXml: string;

  private constructor(readonly archive: ZipArchive, readonly workbookPath: string, private readonly file: string) {
    this.workbookXml = archive.text(workbookPath);
    const rels = new Map(relationships(archive, workbookPath).map((r) => [r.id, r]));
    const prefix = /<(\w+:)?workbook\b/.exec(this.workbookXml)?.[1] ?? "";
    const sheetTags = tags(this.workbookXml, prefix + "sheet");
    for (const t of sheetTags) {
      const a = parseAttributes(t.attributes);
      const idKey = Object.keys(a).find((k) => k === "r:id" || k.endsWith(":id"));
      const rel = idKey ? rels.get(a[idKey]) : undefined;
      if (!rel || !/\/worksheet$/.test(rel.type)) continue; // chart and dialog sheets hold no cells
      this.sheets.push({ name: a.name, path: resolveTarget(workbookPath, rel.target), state: a.state ?? "visible" });
    }
    const allSheets = sheetTags.map((t) => parseAttributes(t.attributes).name);
    // <definedName name="Tom"/> closes itself: it has no formula and is left out, and the next
    // name's formula stays the next name's.
    for (const m of this.workbookXml.matchAll(new RegExp(`<${prefix}definedName\\b(${ATTRIBUTES})(?:/>|>([^]*?)</${prefix}definedName>)`, "g"))) {
      const a = parseAttributes(m[1]);
      const formula = unescapeXml(m[2] ?? "");
      if (a.name === undefined || formula.trim() === "") continue;
      const local = a.localSheetId !== undefined ? allSheets[Number(a.localSheetId)] ?? null : null;
      this.names.push({ name: a.name, sheet: local, formula });
    }
    this.date1904 = declaresDate1904(this.workbookXml);
    if (this.sheets.length === 0) throw new DomainError("MISSING_VALUE", "arbetsboken har inga blad", { file });
  }

  /** `unpacked`: parts already inflated from these bytes (see ZipArchive.open). */
  static open(bytes: Uint8Array, file: string, unpacked?: ReadonlyMap<string, Uint8Array>): XlsxPackage {
    const archive = ZipArchive.open(bytes, file, unpacked);
    const office = relationships(archive, "").find((r) => /\/officeDocument$/.test(r.type));
    const workbookPath = office ? resolveTarget("", office.target) : "xl/workbook.xml";
    if (!archive.has(workbookPath)) throw new DomainError("INVALID_ARGUMENT", "filen är ett zip-arkiv men ingen Excel-arbetsbok (xl/workbook.xml saknas); spara den som Excel-arbetsbok (.xlsx)", { file });
    return new XlsxPackage(archive, workbookPath, file);
  }

  sheetXml(sheet: PackageSheet): SheetXml {
    try {
      sheet.xml ??= readSheetXml(this.archive.text(sheet.path), this.sheets.indexOf(sheet));
    } catch (error) {
      throw isDomainError(error) ? error.at({ file: this.file, sheet: sheet.name }) : error;
    }
    return sheet.xml;
  }

  sharedStrings(): string[] {
    if (this.sharedStringList) return this.sharedStringList;
    const rel = relationships(this.archive, this.workbookPath).find((r) => /\/sharedStrings$/.test(r.type));
    const path = rel ? resolveTarget(this.workbookPath, rel.target) : null;
    if (!path || !this.archive.has(path)) return (this.sharedStringList = []);
    const xml = this.archive.text(path);
    const prefix = /<(\w+:)?sst\b/.exec(xml)?.[1] ?? "";
    this.sharedStringList = [...xml.matchAll(new RegExp(`<${prefix}si\\b[^>]*?(?:/>|>([^]*?)</${prefix}si>)`, "g"))].map((m) => richText(m[1] ?? "", prefix));
    return this.sharedStringList;
  }

  /** Asks Excel to recalculate every formula when the file is opened (calcPr fullCalcOnLoad). */
  requestFullCalculationOnLoad(): void {
    const prefix = /<(\w+:)?workbook\b/.exec(this.workbookXml)?.[1] ?? "";
    const calcPr = tags(this.workbookXml, prefix + "calcPr")[0];
    if (calcPr) {
      // Either quote style, spaces around "=" allowed; a value never holds its own quote.
      const existing = /(\s)fullCalcOnLoad\s*=\s*(?:"[^"]*"|'[^']*')/;
      const attrs = existing.test(calcPr.attributes) ? calcPr.attributes.replace(existing, '$1fullCalcOnLoad="1"') : `${calcPr.attributes} fullCalcOnLoad="1"`;
      this.workbookXml = this.workbookXml.slice(0, calcPr.index) + `<${prefix}calcPr${attrs}${calcPr.selfClosing ? "/" : ""}>` + this.workbookXml.slice(calcPr.index + calcPr.text.length);
    } else {
      // calcPr comes after definedNames and before these, in the schema's order.
      const after = new RegExp(`<${prefix}(oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|webPublishing|fileRecoveryPr|webPublishObjects|extLst)\\b|</${prefix}workbook>`).exec(this.workbookXml)!;
      this.workbookXml = this.workbookXml.slice(0, after.index) + `<${prefix}calcPr fullCalcOnLoad="1"/>` + this.workbookXml.slice(after.index);
    }
    this.archive.replace(this.workbookPath, this.workbookXml);
  }

  /**
   * Drops the calculation chain, which lists the cells holding formulas: after formulas are
   * replaced by values it would name cells without one, and Excel would "repair" the file.
   * Excel rebuilds the chain on its own.
   */
  dropCalculationChain(): void {
    const rel = relationships(this.archive, this.workbookPath).find((r) => /\/calcChain$/.test(r.type));
    if (!rel) return;
    const path = resolveTarget(this.workbookPath, rel.target);
    this.archive.remove(path);
    const relsFile = relsPathOf(this.workbookPath);
    this.archive.replace(relsFile, withoutEmptyElement(this.archive.text(relsFile), "(?:\\w+:)?Relationship", (a) => a.Id === rel.id));
    if (this.archive.has("[Content_Types].xml")) {
      // Part names compare without regard to ASCII case (ECMA-376 part 2, 9.1.1.1).
      const partName = `/${path}`.toLowerCase();
      this.archive.replace("[Content_Types].xml", withoutEmptyElement(this.archive.text("[Content_Types].xml"), "(?:\\w+:)?Override", (a) => a.PartName?.toLowerCase() === partName));
    }
  }

  replaceSheet(sheet: PackageSheet, xml: string | Uint8Array): void {
    this.archive.replace(sheet.path, xml);
  }

  toBytes(): Uint8Array {
    return this.archive.toBytes();
  }
}
