import { inflateRawSync } from "node:zlib";
import { readZipDirectory, unpackBudget } from "../io/zipDirectory";

/**
 * The heap a recalculation's worker is given, estimated from the file before it starts, so that
 * it never has to run twice. The XML costs about 4 × its unpacked size (a 100 000-row sheet of
 * values); each formula costs the engine's dependency graph about 1,5 kB on top, and those cannot
 * be told from the packed size: a running total of 100 000 rows is 18 MB unpacked, as many values
 * as formulas, and needs 450 MB where 256 + 4 × 18 MB gave 326 MB and ran out. The formulas are
 * counted in the worksheets as the main thread inflates them, under the archive's budget (the
 * worker checks the archive again), and the inflated worksheets are moved to the worker, which
 * would otherwise inflate them a second time. A cap a little above the need returns memory
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

/** A part's bytes in a buffer of their own, so that handing them to the worker moves nothing else with them. */
function ownBuffer(data: Buffer): Uint8Array {
  return data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? new Uint8Array(data.buffer) : new Uint8Array(data);
}

/**
 * The heap for a recalculation, and the worksheets inflated to count their formulas: the worker is
 * handed them (moved, not copied) instead of inflating them again. A damaged or oversized part is
 * left for the worker to refuse, with its own message.
 */
export function recalcHeapMb(bytes: Uint8Array, file: string): { heapMb: number; formulas: number; uncached: number; unpacked: Map<string, Uint8Array> } {
  const entries = readZipDirectory(bytes, file);
  const unpackedMb = entries.reduce((sum, e) => sum + e.size, 0) / 2 ** 20;
  let formulas = 0;
  let uncached = 0;
  let budget = unpackBudget(bytes.length);
  const unpacked = new Map<string, Uint8Array>();
  for (const e of entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(e.name) || (e.method !== 8 && e.method !== 0)) continue;
    const packed = Buffer.from(bytes.buffer, bytes.byteOffset + e.dataOffset, e.compressedSize);
    let xml: Buffer;
    try {
      // Into one buffer of the size the directory gives: no chunks left behind for the idle main
      // thread to hold while the worker runs (30 MB of them put a peak 40 MB higher). A size the
      // directory understates gets chunks of 16 kB at least, never of a few bytes.
      const oneChunk = e.size <= budget ? { chunkSize: Math.max(16 * 1024, e.size) } : {};
      xml = e.method === 0 ? packed : inflateRawSync(packed, { maxOutputLength: Math.max(1, budget), ...oneChunk });
    } catch {
      break;
    }
    budget -= xml.length;
    const counted = formulaCount(xml);
    formulas += counted.formulas;
    uncached += Math.min(counted.uncached, counted.formulas);
    if (e.method === 8) unpacked.set(e.name, ownBuffer(xml));
  }
  const kb = FORMULA_KB * (formulas - uncached) + UNCACHED_KB * uncached;
  return { heapMb: Math.round(256 + 4 * unpackedMb + kb / 1024), formulas, uncached, unpacked };
}
