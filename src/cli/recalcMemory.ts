import { inflateRawSync } from "node:zlib";
import { readZipDirectory, unpackBudget } from "../io/zipDirectory";

/**
 * The heap a recalculation's worker is given, estimated from the file before it starts, so that
 * it never has to run twice. The XML costs about 4 × its unpacked size (a 100 000-row sheet of
 * values); each formula costs the engine's dependency graph about 1,5 kB on top, and those cannot
 * be told from the packed size: a running total of 100 000 rows is 18 MB unpacked, as many values
 * as formulas, and needs 450 MB where 256 + 4 × 18 MB gave 326 MB and ran out. The formulas are
 * counted in the inflated worksheets (the main thread inflates them once, under the archive's
 * budget; the worker checks the archive again). A cap a little above the need returns memory
 * early; the uncapped run stays only as a safety net.
 */
const FORMULA_KB = 1.5;
const PATTERNS = ["<f>", "<f ", ":f>", ":f "].map((p) => Buffer.from(p, "latin1"));

export function formulaCount(xml: Buffer): number {
  let n = 0;
  for (const p of PATTERNS) for (let at = xml.indexOf(p); at >= 0; at = xml.indexOf(p, at + p.length)) n++;
  return n;
}

export function recalcHeapMb(bytes: Uint8Array, file: string): { heapMb: number; formulas: number } {
  const entries = readZipDirectory(bytes, file);
  const unpackedMb = entries.reduce((sum, e) => sum + e.size, 0) / 2 ** 20;
  let formulas = 0;
  let budget = unpackBudget(bytes.length);
  for (const e of entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(e.name) || (e.method !== 8 && e.method !== 0)) continue;
    const packed = Buffer.from(bytes.buffer, bytes.byteOffset + e.dataOffset, e.compressedSize);
    let xml: Buffer;
    try {
      xml = e.method === 0 ? packed : inflateRawSync(packed, { maxOutputLength: Math.max(1, budget) });
    } catch {
      // A damaged or oversized part: the worker says what is wrong with it.
      break;
    }
    budget -= xml.length;
    formulas += formulaCount(xml);
  }
  return { heapMb: Math.round(256 + 4 * unpackedMb + (FORMULA_KB * formulas) / 1024), formulas };
}
