import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { basename } from "node:path";
import { DomainError } from "../core/errors";
import { LIMITS } from "../core/limits";
import { checkFileSize, megabytes } from "../io/fileSize";
import { CsvTable, parseCsvBytes } from "../io/csv";
import { readError } from "./fileErrors";
import { OutputFile, writeOutputs } from "./outputFiles";

/** What a command needs from the outside world; tests pass their own. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => Uint8Array;
  /** Writes every output or none; none of them may be one of `inputs` (the files the command read). */
  writeFiles: (outputs: readonly OutputFile[], inputs: readonly string[]) => void;
  today: () => Date;
}

export const nodeIO: CliIO = {
  stdout: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  stderr: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
  readFile: (path) => readCapped(path, LIMITS.fileBytes),
  writeFiles: (outputs, inputs) => writeOutputs(outputs, inputs),
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
    throw readError(error, path);
  }
}

export function readCsvFile(io: CliIO, path: string): CsvTable {
  return parseCsvBytes(readInputFile(io, path), basename(path));
}
