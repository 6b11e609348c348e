import { DomainError } from "../core/errors";
import { columnLetters, tryParseA1 } from "../core/a1";

/**
 * The cells of a worksheet part (xl/worksheets/sheetN.xml) read straight from its XML, and the
 * same XML with some cells replaced: every byte outside the replaced cells stays as it was.
 * Writers differ (Excel, LibreOffice, Google Sheets, exceljs, the OpenXML SDK's "x:" prefix),
 * so rows and cells may lack their r attribute and elements may carry a namespace prefix.
 */

export interface XmlFormula {
  /** The formula text, unescaped; null for a cell that shares its master's formula. */
  text: string | null;
  type?: string;
  ref?: string;
  si?: string;
  /** The <f> element as written, kept byte for byte when the formula does not change. */
  element: string;
}

export interface XmlCell {
  row: number;
  col: number;
  /** Which sheet of the workbook the cell is on (its index), so no lookup table is needed. */
  sheet: number;
  /** The cell's type (t): n, s, str, b, e, inlineStr, d. */
  type: string;
  /** The <v> text, unescaped; null when there is none. */
  value: string | null;
  /** Inline string text (<is>). */
  inline: string | undefined;
  formula: XmlFormula | undefined;
  start: number;
  end: number;
}

export interface XmlRow {
  row: number;
  start: number;
  /** Where the row's content starts and ends (for <row/>, both at the end of the tag). */
  contentStart: number;
  contentEnd: number;
  end: number;
  attributes: string;
  selfClosing: boolean;
  /** The row's cells: cells[firstCell … firstCell + cellCount − 1] of the sheet. */
  firstCell: number;
  cellCount: number;
}

export interface SheetXml {
  xml: string;
  prefix: string;
  rows: XmlRow[];
  cells: XmlCell[];
  /** Where <sheetData> content starts and ends, for rows that must be added. */
  dataStart: number;
  dataEnd: number;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function unescapeXml(text: string): string {
  if (!text.includes("&") && !text.includes("_x")) return text;
  return text
    .replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => (e.startsWith("#x") ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith("#") ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e]))
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}_`);
}

export function parseAttributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]] = unescapeXml(m[2] ?? m[3]);
  return out;
}

/** Text of the <t> runs of an <is> or <si> element, phonetic runs left out. */
export function richText(xml: string, prefix: string): string {
  const withoutPhonetic = xml.replace(new RegExp(`<${prefix}rPh\\b[^]*?</${prefix}rPh>`, "g"), "");
  let text = "";
  for (const m of withoutPhonetic.matchAll(new RegExp(`<${prefix}t(?:\\s[^>]*)?(?:/>|>([^]*?)</${prefix}t>)`, "g"))) text += unescapeXml(m[1] ?? "");
  return text;
}

const ATTRIBUTE_R = /\sr\s*=\s*["']([^"']*)["']/;
const ATTRIBUTE_T = /\st\s*=\s*["']([^"']*)["']/;

/** The 0-based column of a cell reference such as "AB12" starting at `at`, or -1. */
function columnOf(text: string, at: number): number {
  let col = 0;
  let i = at;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i) | 0x20; // lower case
    if (code < 97 || code > 122) break;
    col = col * 26 + (code - 96);
  }
  return i === at || i - at > 3 ? -1 : col - 1;
}

const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;

function damagedXml(what: string): DomainError {
  return new DomainError("INVALID_ARGUMENT", `xlsx-filen är skadad (${what}); öppna den i Excel och spara den igen`);
}

/** A cell or row the file places outside any sheet: a damaged (or hostile) file. */
function outsideSheet(what: string): DomainError {
  return damagedXml(`${what} ligger utanför bladet`);
}

/** A start tag found in the XML: where it starts and ends, its attributes' text, whether it closes itself. */
interface Tag {
  index: number;
  end: number;
  attributes: string;
  selfClosing: boolean;
}

/**
 * The next <name …> or <name …/> at or after `from`, the name followed by no word character, into
 * `tag` (one object reused for 300 000 cells); false when there is none. The same tags as the
 * expression <name\b([^>]*?)(\/?)> finds.
 */
function nextTag(xml: string, open: string, from: number, tag: Tag): boolean {
  for (let at = xml.indexOf(open, from); at >= 0; at = xml.indexOf(open, at + 1)) {
    const next = xml.charCodeAt(at + open.length);
    const word = (next >= 48 && next <= 57) || (next >= 65 && next <= 90) || (next >= 97 && next <= 122) || next === 95;
    if (word) continue;
    const close = xml.indexOf(">", at);
    if (close < 0) return false;
    tag.index = at;
    tag.end = close + 1;
    tag.selfClosing = xml.charCodeAt(close - 1) === 47 && close - 1 >= at + open.length;
    tag.attributes = xml.slice(at + open.length, tag.selfClosing ? close - 1 : close);
    return true;
  }
  return false;
}

/** Reads every cell of a worksheet part. */
export function readSheetXml(xml: string, sheetIndex = 0): SheetXml {
  const open = /<(\w+:)?sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!open) return { xml, prefix: "", rows: [], cells: [], dataStart: xml.length, dataEnd: xml.length };
  const prefix = open[1] ?? "";
  const dataStart = open.index + open[0].length;
  const dataEnd = open[2] === "/" ? dataStart : xml.indexOf(`</${prefix}sheetData>`, dataStart);
  if (dataEnd < 0) throw damagedXml("bladets celler avslutas aldrig");
  const rows: XmlRow[] = [];
  const cells: XmlCell[] = [];
  const [rowOpen, cellOpen] = [`<${prefix}row`, `<${prefix}c`];
  const r: Tag = { index: 0, end: 0, attributes: "", selfClosing: false };
  const c: Tag = { index: 0, end: 0, attributes: "", selfClosing: false };
  const closeRow = `</${prefix}row>`;
  const closeCell = `</${prefix}c>`;
  const element = (tag: string) => new RegExp(`<${prefix}${tag}(?:\\s[^>]*)?(?:/>|>([^]*?)</${prefix}${tag}>)`);
  const [valueElement, formulaElement, inlineElement] = [element("v"), element("f"), element("is")];
  const formulaOpen = `<${prefix}f`;
  const formulaClose = `</${prefix}f>`;
  const [valueOpen, valueClose] = [`<${prefix}v>`, `</${prefix}v>`];
  let rowNumber = -1;
  let rowFrom = dataStart;
  while (nextTag(xml, rowOpen, rowFrom, r) && r.index < dataEnd) {
    const rowRef = ATTRIBUTE_R.exec(r.attributes);
    rowNumber = rowRef ? Number(rowRef[1]) - 1 : rowNumber + 1;
    if (!(rowNumber >= 0 && rowNumber <= MAX_ROW) || !Number.isInteger(rowNumber)) throw outsideSheet(`rad ${rowRef?.[1] ?? rowNumber + 1}`);
    const selfClosing = r.selfClosing;
    const contentStart = r.end;
    const contentEnd = selfClosing ? contentStart : xml.indexOf(closeRow, contentStart);
    if (contentEnd < 0 || contentEnd > dataEnd) throw damagedXml(`rad ${rowNumber + 1} avslutas aldrig`);
    const end = selfClosing ? contentStart : contentEnd + closeRow.length;
    const xmlRow: XmlRow = { row: rowNumber, start: r.index, contentStart, contentEnd, end, attributes: r.attributes, selfClosing, firstCell: cells.length, cellCount: 0 };
    rows.push(xmlRow);
    let col = -1;
    let cellFrom = contentStart;
    while (nextTag(xml, cellOpen, cellFrom, c) && c.index < contentEnd) {
      const attributeText = c.attributes;
      const refAt = attributeText.indexOf(' r="');
      const refOther = refAt >= 0 ? null : ATTRIBUTE_R.exec(attributeText); // r after a tab or newline
      const at = refAt >= 0 ? columnOf(attributeText, refAt + 4) : refOther ? columnOf(refOther[1], 0) : -1;
      col = at >= 0 ? at : col + 1;
      if (col > MAX_COL) throw outsideSheet(`kolumn ${col + 1} på rad ${rowNumber + 1}`);
      const close = c.selfClosing ? c.index : xml.indexOf(closeCell, c.index);
      if (close < 0 || close > contentEnd) throw damagedXml(`en cell på rad ${rowNumber + 1} avslutas aldrig`);
      const cellEnd = c.selfClosing ? c.end : close + closeCell.length;
      const content = c.selfClosing ? "" : xml.slice(c.end, cellEnd - closeCell.length);
      const typeAt = attributeText.indexOf(' t="');
      const typeOther = typeAt >= 0 ? null : ATTRIBUTE_T.exec(attributeText);
      const cell: XmlCell = { row: rowNumber, col, sheet: sheetIndex, type: typeAt >= 0 ? attributeText.slice(typeAt + 4, attributeText.indexOf('"', typeAt + 4)) : typeOther?.[1] ?? "n", value: null, start: c.index, end: cellEnd, formula: undefined, inline: undefined };
      if (content) {
        // <v>…</v> without attributes is what every writer produces; anything else takes the pattern.
        const plain = content.indexOf(valueOpen);
        if (plain >= 0) cell.value = unescapeXml(content.slice(plain + valueOpen.length, content.indexOf(valueClose, plain)));
        else {
          const v = valueElement.exec(content);
          if (v) cell.value = unescapeXml(v[1] ?? "");
        }
        // An empty <v></v> (openpyxl writes one after every formula) holds no value, except in a
        // formula's text result, where it is the empty string.
        if (cell.value === "" && cell.type !== "str") cell.value = null;
        const formulaAt = content.indexOf(formulaOpen);
        if (formulaAt >= 0) cell.formula = plainFormula(content, formulaAt, formulaOpen.length, formulaClose) ?? readFormula(content, formulaElement);
        if (cell.type === "inlineStr") {
          const is = inlineElement.exec(content);
          cell.inline = is ? richText(is[0], prefix) : "";
        }
      }
      cells.push(cell);
      cellFrom = cellEnd;
    }
    xmlRow.cellCount = cells.length - xmlRow.firstCell;
    rowFrom = end;
  }
  return { xml, prefix, rows, cells, dataStart, dataEnd };
}

/** A cell's <f> element by the general expression. */
function readFormula(content: string, formulaElement: RegExp): XmlFormula | undefined {
  const f = formulaElement.exec(content);
  if (!f) return undefined;
  const fa = parseAttributes(f[0].slice(0, f[0].indexOf(">")).replace(/^<[\w:]+/, "").replace(/\/$/, ""));
  return { text: f[1] !== undefined && f[1] !== "" ? unescapeXml(f[1]) : fa.t === "shared" ? null : "", element: f[0], ...(fa.t ? { type: fa.t } : {}), ...(fa.ref ? { ref: fa.ref } : {}), ...(fa.si !== undefined ? { si: fa.si } : {}) };
}

/**
 * A plain <f>text</f>, or one whose attributes say nothing of its kind (LibreOffice's aca="false"),
 * read with indexOf: the same formula as readFormula gives, without an expression and an attribute
 * object for each of 100 000 formulas. Undefined for anything else (t, ref, si, a self-closing tag).
 */
function plainFormula(content: string, at: number, openLength: number, close: string): XmlFormula | undefined {
  const next = content.charCodeAt(at + openLength);
  let textStart: number;
  if (next === 62) textStart = at + openLength + 1; // ">"
  else {
    if (next !== 32) return undefined;
    const tagEnd = content.indexOf(">", at);
    if (tagEnd < 0 || content.charCodeAt(tagEnd - 1) === 47) return undefined;
    const attributes = content.slice(at + openLength, tagEnd);
    if (/\b(?:t|ref|si)\s*=/.test(attributes)) return undefined;
    textStart = tagEnd + 1;
  }
  const end = content.indexOf(close, textStart);
  if (end < 0) return undefined;
  const text = content.slice(textStart, end);
  if (text.includes("<")) return undefined;
  return { text: unescapeXml(text), element: content.slice(at, end + close.length) };
}

/** The error values a cell may hold in a file; an engine's own (#CYCLE!, #ERROR!) are not among them. */
const EXCEL_ERRORS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"]);

/** What a recalculation writes into one cell. */
export interface CellPatch {
  row: number;
  col: number;
  /** The value; undefined clears it (a cell left by a shrunken spill). */
  value?: number | string | boolean | { error: string };
  /** The new <f> element (already XML), "keep" the cell's own, or "remove" to leave a value only. */
  formula: string | "keep" | "remove";
}

/** A number as a file holds it: the shortest text that reads back as the same double. */
function numberText(n: number): string {
  return Object.is(n, -0) ? "0" : String(n);
}

/** Plain attributes, name="value" with nothing to unescape: what every writer puts on a cell. */
const PLAIN_ATTRIBUTES = /^(?:\s+[\w:.-]+="[^"&]*")*\s*\/?$/;

/**
 * A cell's attributes as written (r, s, t, cm …), read again only for a cell being rewritten, as
 * name and value pairs in their order. Plain ones are split by hand: a recalculation rewrites
 * 200 000 cells, and the general reader's expressions were a tenth of writing them.
 */
function cellAttributes(xml: string, cell: XmlCell): [string, string][] {
  const tagEnd = xml.indexOf(">", cell.start);
  let at = cell.start + 1;
  while (at < tagEnd && xml.charCodeAt(at) > 32 && xml[at] !== "/") at++; // past the element's name
  const text = xml.slice(at, tagEnd);
  if (!PLAIN_ATTRIBUTES.test(text)) return Object.entries(parseAttributes(text.replace(/\/$/, "")));
  const pairs: [string, string][] = [];
  for (let i = 0; ; ) {
    const equals = text.indexOf('="', i);
    if (equals < 0) break;
    const close = text.indexOf('"', equals + 2);
    pairs.push([text.slice(i, equals).trim(), text.slice(equals + 2, close)]);
    i = close + 1;
  }
  return pairs;
}

function cellXml(prefix: string, patch: CellPatch, existing: XmlCell | undefined, xml: string): string {
  const formula = patch.formula === "keep" ? existing?.formula?.element ?? "" : patch.formula === "remove" ? "" : patch.formula;
  const v = patch.value;
  let content = formula;
  let type: string | undefined;
  if (typeof v === "number") content += `<${prefix}v>${numberText(v)}</${prefix}v>`;
  else if (typeof v === "boolean") {
    type = "b";
    content += `<${prefix}v>${v ? 1 : 0}</${prefix}v>`;
  } else if (typeof v === "string") {
    if (formula) {
      type = "str";
      content += `<${prefix}v>${escapeXml(v)}</${prefix}v>`;
    } else {
      type = "inlineStr";
      content += `<${prefix}is><${prefix}t xml:space="preserve">${escapeXml(v)}</${prefix}t></${prefix}is>`;
    }
  } else if (v && typeof v === "object" && EXCEL_ERRORS.has(v.error)) {
    type = "e";
    content += `<${prefix}v>${escapeXml(v.error)}</${prefix}v>`;
  }
  // r first, then the rest in their original order, and t, the new value's type, last.
  let attrText = `r="${columnLetters(patch.col)}${patch.row + 1}"`;
  for (const [name, value] of existing ? cellAttributes(xml, existing) : []) {
    if (name === "r" || name === "t" || (!formula && (name === "cm" || name === "vm"))) continue;
    attrText += ` ${name}="${escapeXml(value)}"`;
  }
  if (type !== undefined) attrText += ` t="${type}"`;
  return content ? `<${prefix}c ${attrText}>${content}</${prefix}c>` : `<${prefix}c ${attrText}/>`;
}

/** The sheet's XML with the patched cells replaced or added in order; everything else as it was. */
export function patchSheetXml(sheet: SheetXml, patches: readonly CellPatch[]): string {
  return patchSheetXmlPieces(sheet, patches).join("");
}

/**
 * The same as pieces, for encodePieces (which joins only small pieces, 64 K characters at a time):
 * a 100 000-row sheet is 30 MB of text, and joining it whole first would hold it twice.
 */
export function patchSheetXmlPieces(sheet: SheetXml, patches: readonly CellPatch[]): string[] {
  if (patches.length === 0) return [sheet.xml];
  const { xml, prefix } = sheet;
  const { sorted, rows: pendingRows, starts } = rowRuns(patches);
  const runOf = (r: number) => sorted.slice(starts[r], starts[r + 1]);
  const out: string[] = [];
  let at = 0;
  const newRow = (r: number) => `<${prefix}row r="${pendingRows[r] + 1}">${runOf(r).map((p) => cellXml(prefix, p, undefined, xml)).join("")}</${prefix}row>`;
  let next = 0;
  for (const row of sheet.rows) {
    // Rows that do not exist yet go before the first existing row below them.
    while (next < pendingRows.length && pendingRows[next] < row.row) {
      out.push(xml.slice(at, row.start), newRow(next));
      at = row.start;
      next++;
    }
    const run = runIndex(pendingRows, row.row);
    if (run < 0) continue;
    if (next < pendingRows.length && pendingRows[next] === row.row) next++;
    // Merge the row's cells (in column order, as files hold them) with its patches (in column order too).
    const [from, to] = [starts[run], starts[run + 1]];
    const first = row.firstCell;
    const last = row.firstCell + row.cellCount;
    const lowCol = sorted[from].col;
    const highCol = sorted[to - 1].col;
    let attributes = row.attributes;
    const spans = attributes.includes("spans=") ? /\bspans="(\d+):(\d+)"/.exec(attributes) : null;
    if (spans && (lowCol + 1 < Number(spans[1]) || highCol + 1 > Number(spans[2]))) {
      attributes = attributes.replace(spans[0], `spans="${Math.min(Number(spans[1]), lowCol + 1)}:${Math.max(Number(spans[2]), highCol + 1)}"`);
    }
    let ordered = true;
    for (let j = first + 1; j < last; j++) if (sheet.cells[j].col <= sheet.cells[j - 1].col) ordered = false;
    if (!ordered || row.cellCount === 0) {
      // An empty row (<row/> too), or cells out of column order: the row is written again whole.
      const cellsText = mergeUnordered(sheet, row, runOf(run));
      const between = row.cellCount === 0 ? xml.slice(row.contentStart, row.contentEnd) : xml.slice(row.contentStart, sheet.cells[first].start) + xml.slice(sheet.cells[last - 1].end, row.contentEnd);
      out.push(xml.slice(at, row.start), `<${prefix}row${attributes}>${cellsText}${between.trim() ? between : ""}</${prefix}row>`);
      at = row.end;
      continue;
    }
    // Cells in order: each patch goes in where its column is, and everything between stays as written.
    if (attributes !== row.attributes) {
      out.push(xml.slice(at, row.start), `<${prefix}row${attributes}>`);
      at = row.contentStart;
    }
    let i = first;
    for (let k = from; k < to; k++) {
      const p = sorted[k];
      while (i < last && sheet.cells[i].col < p.col) i++;
      const c = i < last ? sheet.cells[i] : undefined;
      if (c && c.col === p.col) {
        out.push(xml.slice(at, c.start), cellXml(prefix, p, c, xml));
        at = c.end;
        i++;
      } else {
        const before = c ? c.start : sheet.cells[last - 1].end;
        out.push(xml.slice(at, before), cellXml(prefix, p, undefined, xml));
        at = before;
      }
    }
  }
  const existingRows = next < pendingRows.length ? new Set(sheet.rows.map((r) => r.row)) : new Set<number>();
  const remaining: number[] = [];
  for (let r = next; r < pendingRows.length; r++) if (!existingRows.has(pendingRows[r])) remaining.push(r);
  if (remaining.length > 0) {
    if (sheet.dataStart === sheet.dataEnd && /<(\w+:)?sheetData\b[^>]*\/>/.test(xml.slice(0, sheet.dataStart))) {
      // <sheetData/>: open it up.
      const tag = /<(\w+:)?sheetData\b[^>]*\/>/.exec(xml)!;
      out.push(xml.slice(at, tag.index), tag[0].replace(/\/>$/, ">"), ...remaining.map(newRow), `</${prefix}sheetData>`);
      at = tag.index + tag[0].length;
    } else {
      out.push(xml.slice(at, sheet.dataEnd), ...remaining.map(newRow));
      at = sheet.dataEnd;
    }
  }
  out.push(xml.slice(at));
  // <dimension> sits before <sheetData>, so in the first piece.
  out[0] = widenDimension(out[0], patches);
  return out;
}

/**
 * The patches in row order and, within a row, in column order (a stable counting sort by row: no
 * list per row for the 100 000 rows of a large recalculation), with each row's number and where
 * its run starts (`starts` ends with the total).
 */
function rowRuns(patches: readonly CellPatch[]): { sorted: CellPatch[]; rows: number[]; starts: number[] } {
  let lastRow = 0;
  for (const p of patches) if (p.row > lastRow) lastRow = p.row;
  const position = new Int32Array(lastRow + 2);
  for (const p of patches) position[p.row + 1]++;
  for (let r = 1; r < position.length; r++) position[r] += position[r - 1];
  const sorted = new Array<CellPatch>(patches.length);
  for (const p of patches) sorted[position[p.row]++] = p;
  const rows: number[] = [];
  const starts: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && sorted[i].row === sorted[i - 1].row) continue;
    rows.push(sorted[i].row);
    starts.push(i);
  }
  starts.push(sorted.length);
  for (let r = 0; r < rows.length; r++) {
    const [from, to] = [starts[r], starts[r + 1]];
    let ordered = true;
    for (let i = from + 1; i < to; i++) if (sorted[i].col < sorted[i - 1].col) ordered = false;
    if (!ordered) sorted.splice(from, to - from, ...sorted.slice(from, to).sort((a, b) => a.col - b.col));
  }
  return { sorted, rows, starts };
}

/** Which run of `rows` (ascending) is this row's, or −1. */
function runIndex(rows: readonly number[], row: number): number {
  let low = 0;
  let high = rows.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (rows[middle] === row) return middle;
    if (rows[middle] < row) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** A row whose cells a writer stored out of column order: put in order with its patches. */
function mergeUnordered(sheet: SheetXml, row: XmlRow, list: readonly CellPatch[]): string {
  const { xml, prefix } = sheet;
  const existing = sheet.cells.slice(row.firstCell, row.firstCell + row.cellCount);
  const patchByCol = new Map(list.map((p) => [p.col, p]));
  const parts = existing.map((c) => {
    const p = patchByCol.get(c.col);
    patchByCol.delete(c.col);
    return { col: c.col, text: p ? cellXml(prefix, p, c, xml) : xml.slice(c.start, c.end) };
  });
  for (const p of patchByCol.values()) parts.push({ col: p.col, text: cellXml(prefix, p, undefined, xml) });
  return parts.sort((a, b) => a.col - b.col).map((p) => p.text).join("");
}

/**
 * UTF-8 bytes of text given in pieces, written into one buffer. A sheet's XML is mostly ASCII, one
 * byte a character: the buffer is sized for that and grown when a piece needs more, so that the
 * 200 000 pieces of a large recalculation are not measured before they are written. Small pieces
 * are joined into runs of 64 K characters first: one write for each, not one for each piece.
 */
export function encodePieces(pieces: readonly string[]): Uint8Array {
  const RUN = 1 << 16;
  let characters = 0;
  for (const p of pieces) characters += p.length;
  let bytes = Buffer.allocUnsafe(characters + 4096);
  let at = 0;
  const write = (text: string) => {
    // Up to three bytes a character (a surrogate pair is two characters and four bytes).
    if (bytes.length - at < text.length * 3) {
      const needed = at + Buffer.byteLength(text, "utf-8");
      if (needed > bytes.length) {
        const grown = Buffer.allocUnsafe(Math.max(needed, Math.ceil(bytes.length * 1.25)) + 4096);
        bytes.copy(grown, 0, 0, at);
        bytes = grown;
      }
    }
    at += bytes.write(text, at, "utf-8");
  };
  let run = "";
  for (const p of pieces) {
    if (p.length >= RUN) {
      if (run) write(run);
      run = "";
      write(p);
      continue;
    }
    run += p;
    if (run.length >= RUN) {
      write(run);
      run = "";
    }
  }
  if (run) write(run);
  return bytes.subarray(0, at);
}

/** The <dimension ref> grown to cover added cells. */
function widenDimension(xml: string, patches: readonly CellPatch[]): string {
  const m = /<(\w+:)?dimension\s+ref="([A-Z]+\d+)(?::([A-Z]+\d+))?"/.exec(xml);
  if (!m) return xml;
  const a = tryParseA1(m[2]);
  const b = m[3] ? tryParseA1(m[3]) : a;
  if (!a || !b) return xml; // an unreadable dimension is only a hint: Excel works it out again
  let [top, left, bottom, right] = [a.row, a.col, b.row, b.col];
  for (const p of patches) {
    if (p.value === undefined) continue;
    top = Math.min(top, p.row);
    left = Math.min(left, p.col);
    bottom = Math.max(bottom, p.row);
    right = Math.max(right, p.col);
  }
  const ref = top === bottom && left === right ? `${columnLetters(left)}${top + 1}` : `${columnLetters(left)}${top + 1}:${columnLetters(right)}${bottom + 1}`;
  return xml.slice(0, m.index) + m[0].replace(/ref="[^"]*"/, `ref="${ref}"`) + xml.slice(m.index + m[0].length);
}

/** A formula element for a rewritten cell: the original's attributes, some replaced, and new text. */
export function formulaElement(prefix: string, original: XmlFormula, text: string, attributes: Record<string, string | undefined> = {}): string {
  const attrs = { ...parseAttributes(original.element.slice(0, original.element.indexOf(">")).replace(/^<[\w:]+/, "").replace(/\/$/, "")), ...attributes };
  const attrText = Object.entries(attrs).filter(([, v]) => v !== undefined).map(([k, v]) => ` ${k}="${escapeXml(v!)}"`).join("");
  return `<${prefix}f${attrText}>${escapeXml(text)}</${prefix}f>`;
}
