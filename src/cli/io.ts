import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { DomainError } from "../core/errors";
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
  readFile: (path) => readFileSync(path),
  writeFile: (path, bytes) => writeFileSync(path, bytes),
  today: () => new Date(),
};

/** Bad command-line usage: exit code 2 with the message on stderr. */
export class UsageError extends Error {}

export function readInputFile(io: CliIO, path: string): Uint8Array {
  try {
    return io.readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DomainError("INVALID_ARGUMENT", code === "ENOENT" ? "filen finns inte" : `filen kan inte läsas (${code ?? String(error)})`, { file: path });
  }
}

export function readCsvFile(io: CliIO, path: string): CsvTable {
  return parseCsvBytes(readInputFile(io, path), basename(path));
}
