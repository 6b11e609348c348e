import { Amount } from "../core/money";
import { DomainError } from "../core/errors";
import { parseNumberText } from "../core/numberText";
import { PopulationFigure, PopulationTable, figureDate } from "../core/population";
import { identityText } from "../core/memberIdentity";
import { decodeBytes, parseCsvText } from "./csv";

/**
 * SCB's population tables as its statistical database (PxWebApi 2.0) exports them: JSON-stat2
 * (the API's default output) and CSV. Only the region, time and one content (Folkmängd) are
 * read; a table that still has another dimension with more than one value (age, sex) is refused,
 * since its figures would be added up by nobody's decision.
 */
export function readScbPopulation(bytes: Uint8Array, file: string): PopulationTable {
  const { text } = decodeBytes(bytes, file);
  const trimmed = text.replace(/^\uFEFF/, "").trimStart();
  return trimmed.startsWith("{") ? readJsonStat2(trimmed, file) : readScbCsv(trimmed, file);
}

interface JsonStatDimension {
  label?: string;
  category: { index?: Record<string, number> | string[]; label?: Record<string, string> };
}

interface JsonStat2 {
  version?: string;
  class?: string;
  label?: string;
  source?: string;
  id: string[];
  size: number[];
  role?: { time?: string[]; geo?: string[]; metric?: string[] };
  dimension: Record<string, JsonStatDimension>;
  value: (number | null)[] | Record<string, number | null>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The shape JSON-stat 2.0 prescribes, checked before anything is read from it. */
function checkJsonStat2(data: unknown, file: string): asserts data is JsonStat2 {
  const refuse = (what: string) => new DomainError("INVALID_ARGUMENT", `filen är inte JSON-stat2: ${what}`, { file });
  if (!isObject(data) || data.class !== "dataset") throw refuse('class ska vara "dataset" med id, size, dimension och value');
  const { id, size, dimension, value } = data;
  if (!Array.isArray(id) || !id.every((d) => typeof d === "string")) throw refuse("id ska vara en lista med dimensionernas namn");
  if (!Array.isArray(size) || size.length !== id.length || !size.every((n) => Number.isSafeInteger(n) && n >= 0)) throw refuse("size ska ha ett heltal per dimension i id");
  if (!isObject(dimension)) throw refuse("dimension saknas");
  id.forEach((d, i) => {
    const dim = dimension[d];
    if (!isObject(dim) || !isObject(dim.category)) throw refuse(`dimensionen ${d} saknar category`);
    const { index, label } = dim.category;
    if (index !== undefined && !(Array.isArray(index) && index.every((c) => typeof c === "string")) && !(isObject(index) && Object.values(index).every((n) => Number.isSafeInteger(n)))) throw refuse(`category.index för ${d} är varken en lista eller ett objekt med positioner`);
    if (label !== undefined && !(isObject(label) && Object.values(label).every((l) => typeof l === "string"))) throw refuse(`category.label för ${d} ska ge en text per kod`);
    if (index === undefined && label === undefined) throw refuse(`dimensionen ${d} har varken index eller label`);
    if (categories(dim as unknown as JsonStatDimension).length !== size[i]) throw refuse(`dimensionen ${d} har ${categories(dim as unknown as JsonStatDimension).length} värden men size säger ${size[i]}`);
  });
  if (!Array.isArray(value) && !isObject(value)) throw refuse("value ska vara en lista eller ett objekt");
  if (data.label !== undefined && typeof data.label !== "string") throw refuse("label ska vara text");
  if (data.source !== undefined && typeof data.source !== "string") throw refuse("source ska vara text");
  if (data.role !== undefined && !isObject(data.role)) throw refuse("role ska vara ett objekt");
  for (const r of Object.values(isObject(data.role) ? data.role : {})) if (!Array.isArray(r) || !r.every((d) => typeof d === "string")) throw refuse("role ska lista dimensioner med namn");
}

function categories(dim: JsonStatDimension): string[] {
  const index = dim.category.index;
  if (Array.isArray(index)) return index;
  if (index) return Object.entries(index).sort((a, b) => a[1] - b[1]).map(([code]) => code);
  return Object.keys(dim.category.label ?? {});
}

/** JSON-stat 2.0: values in row-major order over `id` (the last dimension varies fastest). */
export function readJsonStat2(text: string, file: string): PopulationTable {
  let data: JsonStat2;
  try {
    data = JSON.parse(text);
  } catch {
    throw new DomainError("INVALID_ARGUMENT", "filen är ingen giltig JSON", { file });
  }
  checkJsonStat2(data, file);
  const lower = data.id.map((d) => d.toLowerCase());
  const geo = data.role?.geo?.[0] ?? data.id[lower.findIndex((d) => d === "region")];
  const time = data.role?.time?.[0] ?? data.id[lower.findIndex((d) => d === "tid" || d === "år")];
  if (!geo || !data.dimension[geo]) throw new DomainError("MISSING_VALUE", "tabellen har ingen regiondimension (Region)", { file });
  if (!time || !data.dimension[time]) throw new DomainError("MISSING_VALUE", "tabellen har ingen tidsdimension (Tid)", { file });
  const codes = data.id.map((d) => categories(data.dimension[d]));
  data.id.forEach((d, i) => {
    if (d !== geo && d !== time && codes[i].length > 1) {
      throw new DomainError("AMBIGUOUS_COLUMN", `tabellen har ${codes[i].length} värden för ${data.dimension[d].label ?? d}; hämta bara totalen (en enda ${data.dimension[d].label ?? d})`, { file });
    }
  });
  const metric = data.role?.metric?.[0];
  const contents = metric && data.dimension[metric] ? Object.values(data.dimension[metric].category.label ?? {})[0] : undefined;
  const title = contents && !(data.label ?? "").toLowerCase().includes(contents.toLowerCase()) ? `${data.label ?? ""} (${contents})`.trim() : data.label ?? contents ?? "Folkmängd";
  const total = data.size.reduce((p, s) => p * s, 1);
  const values = Array.isArray(data.value) ? data.value : Array.from({ length: total }, (_, i) => (data.value as Record<string, number | null>)[String(i)] ?? null);
  if (values.length !== total) throw new DomainError("INVALID_ARGUMENT", `tabellen har ${values.length} värden men dimensionerna ger ${total}`, { file });
  const gi = data.id.indexOf(geo);
  const ti = data.id.indexOf(time);
  const figures: PopulationFigure[] = [];
  for (let flat = 0; flat < total; flat++) {
    const value = values[flat];
    if (value === null || value === undefined) continue;
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) throw new DomainError("NOT_A_NUMBER", `värde ${flat + 1} i tabellen (${String(value)}) är inget invånartal`, { file });
    let rest = flat;
    const at = new Array<number>(data.id.length);
    for (let d = data.id.length - 1; d >= 0; d--) {
      at[d] = rest % data.size[d];
      rest = Math.floor(rest / data.size[d]);
    }
    const code = codes[gi][at[gi]];
    const timeCode = codes[ti][at[ti]];
    figures.push({ code, region: data.dimension[geo].category.label?.[code] ?? code, time: timeCode, date: figureDate(timeCode, title), value: new Amount(String(value)) });
  }
  return { title, source: data.source ?? "SCB", figures };
}

const REGION = /^(\d{2,4})\s+(.+)$/;
const TIME = /(?:^|\s)(\d{4}(?:M\d{2}|K[1-4])?)$/i;

/**
 * SCB's CSV: an optional title line, a header row, then one row per region ("2183 Bollnäs").
 * Time is either in the headers ("2024", "Folkmängd 2024", "2024M10") or in a column of its own
 * ("år", "tid", "månad") beside a value column.
 */
export function readScbCsv(text: string, file: string): PopulationTable {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  let start = 0;
  let title = "";
  // A title line is one quoted field on its own, followed by a blank line.
  while (start < lines.length && !/[,;\t]/.test(lines[start])) {
    if (lines[start].trim() !== "") title = lines[start].trim().replace(/^"|"$/g, "");
    start++;
  }
  const table = parseCsvText(lines.slice(start).join("\n"), file);
  const at = (row: number) => ({ file, row: table.rowNumbers[row] + start });
  const headers = table.headers.map((h) => h.trim());
  const ids = headers.map(identityText);
  const regionCol = Math.max(0, ids.findIndex((h) => h === "region" || h === "kommun"));
  const timeCol = ids.findIndex((h) => h === "år" || h === "tid" || h === "månad" || h === "kvartal");
  const timeHeaders = headers.map((h, i) => (i !== regionCol && i !== timeCol ? TIME.exec(h)?.[1] ?? null : null));
  const valueCols = headers.map((_, i) => i).filter((i) => i !== regionCol && i !== timeCol && (timeCol >= 0 || timeHeaders[i] !== null));
  const others = headers.map((_, i) => i).filter((i) => i !== regionCol && i !== timeCol && !valueCols.includes(i));
  if (valueCols.length === 0) throw new DomainError("MISSING_VALUE", "hittar ingen kolumn med invånartal (rubrik med år, t.ex. \"2024\", eller kolumnerna år och folkmängd)", { file });
  if (timeCol >= 0 && valueCols.length > 1) throw new DomainError("AMBIGUOUS_COLUMN", `flera kolumner kan vara invånartalet: ${valueCols.map((i) => headers[i]).join(", ")}`, { file });
  if (!title) title = timeCol >= 0 ? headers[valueCols[0]] : headers[valueCols[0]].replace(TIME, "").trim() || "Folkmängd";
  const figures: PopulationFigure[] = [];
  const seenOther = others.map(() => new Set<string>());
  table.rows.forEach((row, r) => {
    others.forEach((c, k) => seenOther[k].add(row[c].trim()));
    const name = row[regionCol].trim();
    const m = REGION.exec(name);
    const [code, region] = m ? [m[1], m[2].trim()] : ["", name];
    for (const c of valueCols) {
      const time = timeCol >= 0 ? row[timeCol].trim() : timeHeaders[c]!;
      // ".." is SCB's "no figure": nothing to take, and never a zero.
      if (/^(\.\.|)$/.test(row[c].trim())) continue;
      const parsed = parseNumberText(row[c]);
      if (parsed.kind !== "number") continue;
      if (!parsed.value.isInteger() || parsed.value.isNegative()) throw new DomainError("NOT_A_NUMBER", `${row[c]} är inget invånartal`, { ...at(r), column: headers[c] });
      figures.push({ code, region, time, date: figureDate(time, title), value: parsed.value });
    }
  });
  others.forEach((c, k) => {
    if (seenOther[k].size > 1) throw new DomainError("AMBIGUOUS_COLUMN", `tabellen har flera värden för ${headers[c]}; hämta bara totalen`, { file });
  });
  return { title, source: "SCB", figures };
}
