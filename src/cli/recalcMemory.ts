import { createInflateRaw } from "node:zlib";
import { readZipDirectory, unpackBudget } from "../io/zipDirectory";

/**
 * The heap a recalculation's worker is given, estimated from the file before it starts, so that
 * it never has to run twice. The XML costs about 4 × its unpacked size (a 100 000-row sheet of
 * values); each formula costs the engine's dependency graph about 1,5 kB on top, and those cannot
 * be told from the packed size: a running total of 100 000 rows is 18 MB unpacked, as many values
 * as formulas, and needs 450 MB where 256 + 4 × 18 MB gave 326 MB and ran out. The formulas are
 * counted in the worksheets as the main thread inflates them, in chunks and under the archive's
 * budget (the worker checks the archive again). A cap a little above the need returns memory
 * early; the uncapped run stays only as a safety net.
 */
const FORMULA_KB = 1.5;
/**
 * A formula without a cached value is one more the engine computes with --values-only, and its
 * share of the heap is doubled: 1,5 kB left the worker at its limit, collecting garbage a third
 * of the time (100 000 such rows: 8,6 s at 473 MB, 6,0 s at 750 MB, peak 565 and 690 MB).
 */
const UNCACHED_KB = 3;
const latin1 = (patterns: string[]) => patterns.map((p) => Buffer.from(p, "latin1"));
const FORMULA = latin1(["<f>", "<f ", "<x:f>", "<x:f "]);
/** A formula element closing its cell without a <v>: no cached value. */
const UNCACHED = latin1(["</f></c>", "/></c>", "</x:f></x:c>", "/></x:c>"]);

function count(xml: Buffer, patterns: Buffer[]): number {
  let n = 0;
  for (const p of patterns) for (let at = xml.indexOf(p); at >= 0; at = xml.indexOf(p, at + p.length)) n++;
  return n;
}

export function formulaCount(xml: Buffer): { formulas: number; uncached: number } {
  return { formulas: count(xml, FORMULA), uncached: count(xml, UNCACHED) };
}

const LONGEST = Math.max(...[...FORMULA, ...UNCACHED].map((p) => p.length));

/** Counts in one part, inflated in chunks (a 29 MB sheet is never held whole in the main thread). */
async function countPart(packed: Buffer, stored: boolean, budget: number): Promise<{ formulas: number; uncached: number; bytes: number } | null> {
  const counted = { formulas: 0, uncached: 0, bytes: 0 };
  let tail = Buffer.alloc(0);
  const take = (chunk: Buffer) => {
    counted.bytes += chunk.length;
    const joined = tail.length > 0 ? Buffer.concat([tail, chunk]) : chunk;
    // A match that lies wholly in the carried tail was counted with the chunk before.
    const inNew = (patterns: Buffer[]) => {
      let n = 0;
      for (const p of patterns) for (let at = joined.indexOf(p); at >= 0; at = joined.indexOf(p, at + p.length)) if (at + p.length > tail.length) n++;
      return n;
    };
    counted.formulas += inNew(FORMULA);
    counted.uncached += inNew(UNCACHED);
    tail = Buffer.from(joined.subarray(Math.max(0, joined.length - (LONGEST - 1))));
  };
  if (stored) {
    for (let at = 0; at < packed.length; at += 1 << 16) take(packed.subarray(at, at + (1 << 16)));
    return counted;
  }
  const inflater = createInflateRaw();
  inflater.end(packed);
  try {
    for await (const chunk of inflater) {
      take(chunk as Buffer);
      if (counted.bytes > budget) {
        inflater.destroy();
        return null;
      }
    }
  } catch {
    return null;
  }
  return counted;
}

export async function recalcHeapMb(bytes: Uint8Array, file: string): Promise<{ heapMb: number; formulas: number; uncached: number }> {
  const entries = readZipDirectory(bytes, file);
  const unpackedMb = entries.reduce((sum, e) => sum + e.size, 0) / 2 ** 20;
  let formulas = 0;
  let uncached = 0;
  let budget = unpackBudget(bytes.length);
  for (const e of entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(e.name) || (e.method !== 8 && e.method !== 0)) continue;
    const packed = Buffer.from(bytes.buffer, bytes.byteOffset + e.dataOffset, e.compressedSize);
    const counted = await countPart(packed, e.method === 0, budget);
    // A damaged or oversized part: the worker says what is wrong with it.
    if (!counted) break;
    budget -= counted.bytes;
    formulas += counted.formulas;
    uncached += Math.min(counted.uncached, counted.formulas);
  }
  const kb = FORMULA_KB * (formulas - uncached) + UNCACHED_KB * uncached;
  return { heapMb: Math.round(256 + 4 * unpackedMb + kb / 1024), formulas, uncached };
}
