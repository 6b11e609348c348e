import { DomainError } from "../core/errors";
import { LIMITS } from "../core/limits";
import { megabytes } from "./fileSize";

/** One file of a zip archive as its central directory describes it. */
export interface ZipEntry {
  /** The name's bytes as stored, so a rewritten archive names the file exactly as before. */
  nameBytes: Uint8Array;
  name: string;
  versionMadeBy: number;
  versionNeeded: number;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  /** The size the archive claims; the inflater never trusts it. */
  size: number;
  internalAttributes: number;
  externalAttributes: number;
  /** Where the packed bytes start (after the local header). */
  dataOffset: number;
}

const notZip = (file: string) => new DomainError("INVALID_ARGUMENT", "filen är ingen xlsx-fil (den är inte ett zip-arkiv); spara den som Excel-arbetsbok (.xlsx)", { file });
const damaged = (file: string, why: string) => new DomainError("INVALID_ARGUMENT", `xlsx-filen är skadad (${why}); öppna den i Excel och spara den igen`, { file });

/** Reads the central directory of a zip archive (no zip64: an xlsx within our limits never needs it). */
export function readZipDirectory(bytes: Uint8Array, file: string): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const minEnd = Math.max(0, bytes.length - 22 - 65_535);
  let end = -1;
  for (let i = bytes.length - 22; i >= minEnd; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw notZip(file);
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  // The values that mean "see the zip64 record" say zip64 only when that record is there;
  // otherwise the end of the archive is simply damaged (a cut or garbled file).
  const zip64 = end >= 20 && view.getUint32(end - 20, true) === 0x07064b50;
  if (count === 0xffff || offset === 0xffffffff) throw damaged(file, zip64 ? "zip64-arkiv stöds inte" : "arkivets innehållsförteckning är trasig");
  const decoder = new TextDecoder("utf-8");
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) throw notZip(file);
    const nameLength = view.getUint16(offset + 28, true);
    const nameBytes = bytes.subarray(offset + 46, offset + 46 + nameLength);
    const local = view.getUint32(offset + 42, true);
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw damaged(file, `posten ${decoder.decode(nameBytes)} saknas`);
    const entry: ZipEntry = {
      nameBytes,
      name: decoder.decode(nameBytes),
      versionMadeBy: view.getUint16(offset + 4, true),
      versionNeeded: view.getUint16(offset + 6, true),
      flags: view.getUint16(offset + 8, true),
      method: view.getUint16(offset + 10, true),
      time: view.getUint16(offset + 12, true),
      date: view.getUint16(offset + 14, true),
      crc: view.getUint32(offset + 16, true),
      compressedSize: view.getUint32(offset + 20, true),
      size: view.getUint32(offset + 24, true),
      internalAttributes: view.getUint16(offset + 36, true),
      externalAttributes: view.getUint32(offset + 38, true),
      dataOffset: local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) {
      const extra = bytes.subarray(offset + 46 + nameLength, offset + 46 + nameLength + view.getUint16(offset + 30, true));
      throw damaged(file, hasZip64Extra(extra) ? "zip64-arkiv stöds inte" : `posten ${entry.name} har en ogiltig storlek`);
    }
    if (names.has(entry.name.toLowerCase())) throw damaged(file, `delen ${entry.name} finns två gånger, och det går inte att veta vilken som gäller`);
    names.add(entry.name.toLowerCase()); // part names are compared without case (OPC)
    if (entry.dataOffset + entry.compressedSize > bytes.length) throw damaged(file, `posten ${entry.name} slutar efter filens slut`);
    entries.push(entry);
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return entries;
}

/** Whether a central directory entry's extra field holds a zip64 record (header id 1). */
function hasZip64Extra(extra: Uint8Array): boolean {
  const view = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  for (let at = 0; at + 4 <= extra.length; at += 4 + view.getUint16(at + 2, true)) if (view.getUint16(at, true) === 0x0001) return true;
  return false;
}

/** How much an archive may unpack to: the documented maximum, and at most LIMITS.xlsxRatio × its size. */
export function unpackBudget(packedBytes: number): number {
  return Math.min(LIMITS.xlsxUnpackedBytes, Math.max(packedBytes, 1) * LIMITS.xlsxRatio);
}

export function zipBombError(unpacked: number, packed: number, file: string): DomainError {
  return new DomainError(
    "OUT_OF_RANGE",
    `filen skulle packas upp till ${Number.isFinite(unpacked) ? megabytes(unpacked) : "mer än 4 GB"} från ${megabytes(packed)}; det liknar en zip-bomb och öppnas inte (högst ${megabytes(LIMITS.xlsxUnpackedBytes)} uppackat)`,
    { file },
  );
}

/**
 * Checks an xlsx (zip) file's central directory before anything is unpacked: a file that claims
 * to unpack to more than the documented maximum, or far more than its own size, is refused.
 * These are the sizes the archive declares; the Node inflater (zipArchive.ts) also caps what it
 * actually unpacks, whatever the headers say.
 */
export function checkZipArchive(bytes: Uint8Array, file: string): void {
  const unpacked = readZipDirectory(bytes, file).reduce((sum, e) => sum + e.size, 0);
  if (unpacked > unpackBudget(bytes.length)) throw zipBombError(unpacked, bytes.length, file);
}
