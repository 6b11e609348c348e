import { DomainError } from "../core/errors";

/**
 * The file system's error codes (EACCES, ENOSPC, …) as Swedish words; a user never reads a raw
 * code. Shared by what the CLI reads and what it writes.
 */
const REASONS: Record<string, string> = {
  ENOENT: "mappen finns inte",
  ENOTDIR: "en del av sökvägen är ingen mapp",
  EACCES: "saknar rättighet till filen eller mappen",
  EPERM: "saknar rättighet till filen eller mappen",
  EROFS: "filsystemet går bara att läsa",
  ENAMETOOLONG: "sökvägen eller filnamnet är för långt",
  ENOSPC: "disken är full",
  EDQUOT: "diskkvoten är slut",
  EISDIR: "det är en mapp, inte en fil",
  EBUSY: "filen används av ett annat program; stäng den (t.ex. i Excel) och försök igen",
  ETXTBSY: "filen används av ett annat program; stäng den och försök igen",
  EEXIST: "det finns redan en fil eller mapp med det namnet",
  ENOTEMPTY: "mappen är inte tom",
  ELOOP: "sökvägen har för många symboliska länkar i rad (en länk som pekar på sig själv?)",
  EMFILE: "för många öppna filer; stäng andra program och försök igen",
  ENFILE: "för många öppna filer; stäng andra program och försök igen",
  EIO: "läs- eller skrivfel på disken",
  EXDEV: "filen och mappen ligger på olika filsystem",
  EFBIG: "filen blir större än filsystemet tillåter",
};

export function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? "";
}

export function reasonOf(error: unknown): string {
  const code = errorCode(error);
  return REASONS[code] ?? (code ? `systemfel ${code}` : String(error instanceof Error ? error.message : error));
}

/** An output that could not be written, naming the file (exit 2); `rest` says what is left. */
export function writeError(error: unknown, path: string, rest = "inget skrevs"): DomainError {
  return new DomainError("INVALID_ARGUMENT", `kan inte skriva filen: ${reasonOf(error)}; ${rest}`, { file: path });
}

/** An input that could not be read, naming the file (exit 2). */
export function readError(error: unknown, path: string): DomainError {
  const code = errorCode(error);
  return new DomainError("INVALID_ARGUMENT", code === "ENOENT" ? "filen finns inte" : `filen kan inte läsas: ${reasonOf(error)}`, { file: path });
}
