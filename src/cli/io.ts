import { closeSync, fstatSync, fsyncSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { basename, dirname, join, resolve } from "node:path";
import { DomainError } from "../core/errors";
import { LIMITS } from "../core/limits";
import { checkFileSize, megabytes } from "../io/fileSize";
import { CsvTable, parseCsvBytes } from "../io/csv";

/** What a command needs from the outside world; tests pass their own. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => Uint8Array;
  writeFile: (path: string, bytes: Uint8Array) => void;
  today: () => Date;
}

export const nodeIO: CliIO = {
  stdout: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  stderr: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
  readFile: (path) => readCapped(path, LIMITS.fileBytes),
  writeFile: (path, bytes) => writeAtomically(path, bytes),
  today: () => new Date(),
};

/** Bad command-line usage: exit code 2 with the message on stderr. */
export class UsageError extends Error {}

/** Thrown when a file is larger than the limit: found before or while reading, never after. */
class TooLarge extends Error {
  constructor(readonly size: number | null) {
    super("för stor");
  }
}

/**
 * Reads at most `limit` bytes, in chunks: a file that is larger (or a device like /dev/zero that
 * never ends) is refused as soon as the limit is passed, before it fills the memory.
 */
export function readCapped(path: string, limit: number): Uint8Array {
  const fd = openSync(path, "r");
  try {
    const stat = fstatSync(fd);
    if (stat.isFile() && stat.size > limit) throw new TooLarge(stat.size);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, limit + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > limit) throw new TooLarge(null); // a device or pipe that does not end
    }
    return new Uint8Array(Buffer.concat(chunks, total));
  } finally {
    closeSync(fd);
  }
}

export function readInputFile(io: CliIO, path: string): Uint8Array {
  try {
    return io.readFile(path);
  } catch (error) {
    if (error instanceof TooLarge) {
      if (error.size !== null) checkFileSize(error.size, basename(path));
      throw new DomainError("OUT_OF_RANGE", `filen är större än ${megabytes(LIMITS.fileBytes)}, som är största tillåtna storlek; dela upp den i flera filer`, { file: path });
    }
    const code = (error as NodeJS.ErrnoException).code;
    throw new DomainError("INVALID_ARGUMENT", code === "ENOENT" ? "filen finns inte" : `filen kan inte läsas (${code ?? String(error)})`, { file: path });
  }
}

export function readCsvFile(io: CliIO, path: string): CsvTable {
  return parseCsvBytes(readInputFile(io, path), basename(path));
}

const PATH_ERRORS: Record<string, string> = {
  ENOENT: "mappen finns inte",
  ENOTDIR: "en del av sökvägen är ingen mapp",
  EACCES: "saknar rättighet att skriva där",
  EPERM: "saknar rättighet att skriva där",
  EROFS: "filsystemet går bara att läsa",
  ENAMETOOLONG: "sökvägen eller filnamnet är för långt",
  ENOSPC: "disken är full",
  EDQUOT: "diskkvoten är slut",
  EISDIR: "det är en mapp, inte en fil",
};

/** A file-system error on an output path as a Swedish message naming the file (exit 2). */
export function pathError(error: unknown, path: string): DomainError {
  const code = (error as NodeJS.ErrnoException).code ?? "";
  return new DomainError("INVALID_ARGUMENT", `kan inte skriva filen: ${PATH_ERRORS[code] ?? `fel ${code || String(error)}`}; inget skrevs`, { file: path });
}

/**
 * Writes a file whole or not at all: to a temporary file in the same folder, flushed to disk,
 * then renamed over the target. A kill or a full disk midway leaves the old file as it was.
 */
export function writeAtomically(path: string, bytes: Uint8Array): void {
  const temp = join(dirname(resolve(path)), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, "wx", 0o644);
    for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, path);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      rmSync(temp, { force: true });
    } catch {
      // the temporary file could not even be made (too long a name): nothing to remove
    }
    throw pathError(error, path);
  }
}

/** Whether two paths are the same file, through any symbolic or hard link (device and inode). */
export function sameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return resolve(a) === resolve(b);
  }
}
