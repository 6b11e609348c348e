import { DomainError } from "../core/errors";
import { LIMITS } from "../core/limits";

/** A file size for messages: "100 MB", "7,3 MB". */
export function megabytes(bytes: number): string {
  const tenths = Math.round((bytes / (1024 * 1024)) * 10);
  return `${Math.floor(tenths / 10)}${tenths % 10 ? `,${tenths % 10}` : ""} MB`;
}

/** Refuses files larger than the documented maximum before any parsing. */
export function checkFileSize(size: number, file: string): void {
  if (size > LIMITS.fileBytes) {
    throw new DomainError("OUT_OF_RANGE", `filen är ${megabytes(size)}; största tillåtna storlek är ${megabytes(LIMITS.fileBytes)}. Dela upp den i flera filer`, { file });
  }
}
