import type { DateSystem } from "../core/dates";
import { isDomainError } from "../core/errors";
import { readZipDirectory, unpackBudget, zipBombError } from "./zipDirectory";

/**
 * Which date system an xlsx workbook counts in, read from its workbook part (workbookPr
 * date1904). exceljs reads only date1904="1"; LibreOffice writes date1904="true", which exceljs
 * takes for the 1900 system, so every date of such a file came out four years and a day early.
 */

/** Whether a workbook part's XML declares the 1904 system ("1" or "true", any namespace prefix). */
export function declaresDate1904(workbookXml: string): boolean {
  return /<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["'](?:1|true)["']/.test(workbookXml);
}

/**
 * The date system of an xlsx file, or null where the platform cannot unpack the workbook part
 * (no DecompressionStream with deflate-raw): then exceljs's own reading stands.
 */
export async function workbookDateSystem(bytes: Uint8Array, file: string): Promise<DateSystem | null> {
  const entries = readZipDirectory(bytes, file);
  const entry = entries.find((e) => e.name === "xl/workbook.xml") ?? entries.find((e) => /(^|\/)workbook\d*\.xml$/.test(e.name));
  if (!entry) return null;
  const packed = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  let xml: Uint8Array;
  if (entry.method === 0) xml = packed;
  else if (entry.method === 8) {
    const unpacked = await inflate(packed, unpackBudget(bytes.length), bytes.length, file);
    if (!unpacked) return null;
    xml = unpacked;
  } else return null;
  return declaresDate1904(new TextDecoder("utf-8").decode(xml)) ? "1904" : "1900";
}

async function inflate(packed: Uint8Array, budget: number, fileSize: number, file: string): Promise<Uint8Array | null> {
  let stream: ReadableStream<Uint8Array>;
  try {
    stream = new Blob([packed as BlobPart]).stream().pipeThrough(new DecompressionStream("deflate-raw" as CompressionFormat));
  } catch {
    return null;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > budget) {
        await reader.cancel();
        throw zipBombError(size, fileSize, file);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (isDomainError(error)) throw error;
    // A damaged workbook part: exceljs reports it in its own words.
    return null;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
