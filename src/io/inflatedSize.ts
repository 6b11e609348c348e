import { DomainError } from "../core/errors";
import { readZipDirectory, unpackBudget, zipBombError } from "./zipDirectory";

/**
 * Unpacks every part of an xlsx file in the browser, counting the bytes it really produces and
 * stopping at the archive's budget whatever its headers claim, before exceljs (which would
 * inflate it all) sees the file. Uses the platform's DecompressionStream; where a browser lacks
 * "deflate-raw", only the declared sizes are checked (zipDirectory.ts).
 */
export async function checkInflatedSizes(bytes: Uint8Array, file: string): Promise<void> {
  if (typeof DecompressionStream === "undefined") return;
  let format: CompressionFormat;
  try {
    format = "deflate-raw" as CompressionFormat;
    new DecompressionStream(format);
  } catch {
    return;
  }
  const budget = unpackBudget(bytes.length);
  let unpacked = 0;
  for (const entry of readZipDirectory(bytes, file)) {
    if (entry.method === 0) unpacked += entry.compressedSize;
    if (entry.method !== 8) continue;
    const stream = new Blob([bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize) as BlobPart]).stream().pipeThrough(new DecompressionStream(format));
    const reader = stream.getReader();
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch {
        // The browser's own words ("TypeError: The compressed data was not valid") say nothing to a user.
        throw new DomainError("INVALID_ARGUMENT", `xlsx-filen är skadad (delen ${entry.name} kan inte packas upp); öppna den i Excel och spara den igen`, { file });
      }
      const { done, value } = chunk;
      if (done) break;
      unpacked += value.length;
      if (unpacked > budget) {
        await reader.cancel();
        throw zipBombError(unpacked, bytes.length, file);
      }
    }
  }
}
