import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";
import { DomainError } from "../core/errors";
import { ZipEntry, readZipDirectory, unpackBudget, zipBombError } from "./zipDirectory";
import { checkFileSize } from "./fileSize";

/**
 * A zip archive (an xlsx package) opened for editing in place: parts are unpacked on demand,
 * with a cap on the bytes actually inflated whatever the headers claim, and a rewritten archive
 * copies every part that was not replaced byte for byte, packed data included.
 */
export class ZipArchive {
  private readonly byName = new Map<string, ZipEntry>();
  private readonly replaced = new Map<string, Uint8Array>();
  private readonly removed = new Set<string>();
  private unpacked = 0;
  /** Parts the caller has already unpacked from these bytes: each is used once, then let go. */
  private readonly given: Map<string, Uint8Array>;

  private constructor(private readonly bytes: Uint8Array, readonly entries: readonly ZipEntry[], private readonly file: string, given: ReadonlyMap<string, Uint8Array>) {
    for (const e of entries) this.byName.set(e.name, e);
    this.given = new Map(given);
  }

  /**
   * `unpacked`: parts already inflated from the same bytes (the CLI's main thread inflates the
   * worksheets to estimate a recalculation's memory and hands them over). They are checked like
   * any other part; one of the wrong size (a buffer handed on elsewhere) is inflated again.
   */
  static open(bytes: Uint8Array, file: string, unpacked: ReadonlyMap<string, Uint8Array> = new Map()): ZipArchive {
    checkFileSize(bytes.length, file);
    return new ZipArchive(bytes, readZipDirectory(bytes, file), file, unpacked);
  }

  has(name: string): boolean {
    return this.byName.has(name) && !this.removed.has(name);
  }

  /** A part's bytes, inflated under the archive's remaining budget and checked against its CRC. */
  read(name: string): Uint8Array {
    const entry = this.byName.get(name);
    if (!entry) throw new DomainError("INVALID_ARGUMENT", `xlsx-filen saknar delen ${name}; öppna den i Excel och spara den igen`, { file: this.file });
    const packed = this.bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
    const budget = unpackBudget(this.bytes.length) - this.unpacked;
    let data: Uint8Array;
    const given = this.given.get(name);
    this.given.delete(name);
    if (given && given.length === entry.size) data = given;
    else if (entry.method === 0) data = packed;
    else if (entry.method === 8) {
      try {
        data = inflateRawSync(packed, { maxOutputLength: Math.max(1, budget) });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || error instanceof RangeError) throw zipBombError(this.unpacked + budget + 1, this.bytes.length, this.file);
        throw new DomainError("INVALID_ARGUMENT", `xlsx-filen är skadad (delen ${name} kan inte packas upp); öppna den i Excel och spara den igen`, { file: this.file });
      }
    } else throw new DomainError("INVALID_ARGUMENT", `delen ${name} är packad med en metod som inte stöds (${entry.method})`, { file: this.file });
    this.unpacked += data.length;
    if (this.unpacked > unpackBudget(this.bytes.length)) throw zipBombError(this.unpacked, this.bytes.length, this.file);
    if (data.length !== entry.size || crc32(data) !== entry.crc) {
      throw new DomainError("INVALID_ARGUMENT", `xlsx-filen är skadad (delen ${name} stämmer inte med sin storlek eller kontrollsumma); öppna den i Excel och spara den igen`, { file: this.file });
    }
    return data;
  }

  text(name: string): string {
    return new TextDecoder("utf-8").decode(this.read(name));
  }

  replace(name: string, data: Uint8Array | string): void {
    if (!this.byName.has(name)) throw new Error(`${name} finns inte i arkivet`);
    this.replaced.set(name, typeof data === "string" ? new TextEncoder().encode(data) : data);
  }

  remove(name: string): void {
    this.removed.add(name);
  }

  /** The archive with its replacements: same order, names, dates and attributes; unchanged parts copied packed. */
  toBytes(): Uint8Array {
    const chunks: Uint8Array[] = [];
    const central: Uint8Array[] = [];
    let offset = 0;
    for (const entry of this.entries) {
      if (this.removed.has(entry.name)) continue;
      const data = this.replaced.get(entry.name);
      // Level 3: twice as fast as the default on a 30 MB sheet, for a part about 15 % larger.
      const packed = data ? deflateRawSync(data, { level: 3 }) : this.bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
      const out: ZipEntry = data
        ? { ...entry, method: 8, crc: crc32(data), compressedSize: packed.length, size: data.length, versionNeeded: Math.max(entry.versionNeeded, 20) }
        : entry;
      // Sizes and CRC go in the local header, so no data descriptor follows (flag bit 3 off).
      const flags = out.flags & ~0x0008;
      const local = new Uint8Array(30 + out.nameBytes.length);
      const lv = new DataView(local.buffer);
      lv.setUint32(0, 0x04034b50, true);
      writeEntryFields(lv, 4, out, flags);
      local.set(out.nameBytes, 30);
      const header = new Uint8Array(46 + out.nameBytes.length);
      const cv = new DataView(header.buffer);
      cv.setUint32(0, 0x02014b50, true);
      cv.setUint16(4, out.versionMadeBy, true);
      writeEntryFields(cv, 6, out, flags);
      cv.setUint16(36, out.internalAttributes, true);
      cv.setUint32(38, out.externalAttributes, true);
      cv.setUint32(42, offset, true);
      header.set(out.nameBytes, 46);
      chunks.push(local, packed);
      central.push(header);
      offset += local.length + packed.length;
    }
    const centralSize = central.reduce((n, c) => n + c.length, 0);
    const end = new Uint8Array(22);
    const ev = new DataView(end.buffer);
    ev.setUint32(0, 0x06054b50, true);
    ev.setUint16(8, central.length, true);
    ev.setUint16(10, central.length, true);
    ev.setUint32(12, centralSize, true);
    ev.setUint32(16, offset, true);
    const result = new Uint8Array(offset + centralSize + 22);
    let at = 0;
    for (const c of [...chunks, ...central, end]) {
      result.set(c, at);
      at += c.length;
    }
    return result;
  }
}

/**
 * The fields a local header and a central directory entry share, in the same order (from
 * "version needed" to the name's length): at offset 4 in the one, 6 in the other.
 */
function writeEntryFields(view: DataView, at: number, entry: ZipEntry, flags: number): void {
  view.setUint16(at, entry.versionNeeded, true);
  view.setUint16(at + 2, flags, true);
  view.setUint16(at + 4, entry.method, true);
  view.setUint16(at + 6, entry.time, true);
  view.setUint16(at + 8, entry.date, true);
  view.setUint32(at + 10, entry.crc, true);
  view.setUint32(at + 14, entry.compressedSize, true);
  view.setUint32(at + 18, entry.size, true);
  view.setUint16(at + 22, entry.nameBytes.length, true);
}
