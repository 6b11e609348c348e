import { DomainError } from "../core/errors";
import { LIMITS } from "../core/limits";
import { megabytes } from "./fileSize";

/**
 * Checks an xlsx (zip) file's central directory before anything is unpacked: a file that would
 * unpack to more than the documented maximum, or far more than its own size (a zip bomb), is
 * refused. Sizes are the ones the archive declares; exceljs then unpacks only such a file.
 */
export function checkZipArchive(bytes: Uint8Array, file: string): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const notZip = () => new DomainError("INVALID_ARGUMENT", "filen är ingen xlsx-fil (den är inte ett zip-arkiv); spara den som Excel-arbetsbok (.xlsx)", { file });
  const minEnd = Math.max(0, bytes.length - 22 - 65_535);
  let end = -1;
  for (let i = bytes.length - 22; i >= minEnd; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw notZip();
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  let unpacked = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) throw notZip();
    const size = view.getUint32(offset + 24, true);
    if (size === 0xffffffff) unpacked = Infinity;
    unpacked += size;
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  if (unpacked > LIMITS.xlsxUnpackedBytes || unpacked > Math.max(bytes.length, 1) * LIMITS.xlsxRatio) {
    throw new DomainError(
      "OUT_OF_RANGE",
      `filen skulle packas upp till ${Number.isFinite(unpacked) ? megabytes(unpacked) : "mer än 4 GB"} från ${megabytes(bytes.length)}; det liknar en zip-bomb och öppnas inte (högst ${megabytes(LIMITS.xlsxUnpackedBytes)} uppackat)`,
      { file },
    );
  }
}
