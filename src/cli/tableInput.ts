import { basename } from "node:path";
import { RowError, SourceTable } from "../core/cells";
import { ImportResult } from "../model/records";
import { readSourceFileInWorker } from "./isolated";
import { CliIO, readInputFile } from "./io";
import { rowErrorLines } from "../core/rowErrors";

/** A table file with row errors: the command lists them (file, row, column) and exits 2. */
export class InputErrors extends Error {
  constructor(readonly errors: RowError[]) {
    super("indata går inte att läsa");
  }
}

/** Reads a CSV or xlsx table in the worker and maps its rows; any row error throws InputErrors. */
export async function readTableFile<R>(io: CliIO, path: string, read: (s: SourceTable) => ImportResult<R>): Promise<ImportResult<R> & { source: SourceTable }> {
  const source = await readSourceFileInWorker(readInputFile(io, path), basename(path));
  const result = read(source);
  if (result.errors.length > 0) throw new InputErrors(result.errors);
  return { ...result, source };
}

/** The first 20 row errors, one a line, for stderr. */
export function inputErrorLines(errors: readonly RowError[]): string {
  return rowErrorLines(errors);
}
