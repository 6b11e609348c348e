import { Stats, chmodSync, closeSync, copyFileSync, linkSync, fchmodSync, fchownSync, fsyncSync, lstatSync, mkdirSync, mkdtempSync, openSync, renameSync, rmSync, rmdirSync, statSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { DomainError } from "../core/errors";
import { errorCode, writeError } from "./fileErrors";
import { handleSignals, removeOnSignal } from "./temporaryFiles";

/**
 * The CLI's outputs, whole or not at all. Every target is checked before anything is written: it
 * must be a regular file or not exist yet (never a device, a FIFO, a folder or a symbolic link),
 * and it must not be one of the inputs (device and inode, so no link leads back to one). The files
 * are then written into a temporary folder beside their targets, flushed, and moved in; if a move
 * fails, the ones already moved are put back. A file that is replaced keeps its mode and owner.
 */
export interface OutputFile {
  path: string;
  bytes: Uint8Array;
}

const refused = (path: string, what: string) => new DomainError("INVALID_ARGUMENT", `${what}; ange en vanlig fil (eller ett nytt filnamn). Inget skrevs`, { file: path });

/** What stands at the target now: nothing (null) or a regular file; anything else is refused. */
export function existingTarget(path: string): Stats | null {
  let stat: Stats;
  try {
    stat = lstatSync(path);
  } catch (error) {
    if (errorCode(error) === "ENOENT") return null;
    throw writeError(error, path);
  }
  if (stat.isFile()) return stat;
  if (stat.isSymbolicLink()) throw refused(path, "utfilen är en symbolisk länk, och Samkalk skriver inte genom länkar");
  if (stat.isFIFO()) throw refused(path, "utfilen är en namngiven pipe (FIFO), inte en vanlig fil");
  if (stat.isCharacterDevice() || stat.isBlockDevice()) throw refused(path, "utfilen är en enhet (som /dev/null), inte en vanlig fil");
  if (stat.isDirectory()) throw refused(path, "utfilen är en mapp, inte en fil");
  throw refused(path, "utfilen är ingen vanlig fil (t.ex. en socket)");
}

interface Planned extends OutputFile {
  target: string;
  existing: Stats | null;
}

/** Checks every target against every input and its own kind, before anything is written. */
function plan(outputs: readonly OutputFile[], inputs: readonly string[]): Planned[] {
  const inputIds = inputs.flatMap((input) => {
    try {
      const s = statSync(input);
      return [{ input, id: `${s.dev}:${s.ino}` }];
    } catch {
      return [];
    }
  });
  const seen = new Set<string>();
  return outputs.map((output) => {
    const target = resolve(output.path);
    if (seen.has(target)) throw new DomainError("INVALID_ARGUMENT", "samma utfil skulle skrivas två gånger; inget skrevs", { file: output.path });
    seen.add(target);
    if (inputs.some((input) => resolve(input) === target)) throw sameAsInput(output.path, inputs.find((input) => resolve(input) === target)!);
    let followed: Stats | null = null;
    try {
      followed = statSync(target);
    } catch {
      // nothing there (or a dangling link, refused below)
    }
    const input = followed && inputIds.find((i) => i.id === `${followed!.dev}:${followed!.ino}`);
    if (input) throw sameAsInput(output.path, input.input);
    const existing = existingTarget(target);
    return { ...output, target, existing };
  });
}

/** The same checks, early: before a long computation whose result could not be written anyway. */
export function checkOutputTargets(paths: readonly string[], inputs: readonly string[]): void {
  plan(paths.map((path) => ({ path, bytes: new Uint8Array() })), inputs);
}

function sameAsInput(path: string, input: string): DomainError {
  return new DomainError("INVALID_ARGUMENT", `utfilen är samma fil som infilen ${basename(input)} (direkt eller genom en länk), och infilen ändras aldrig; välj ett annat namn eller en annan mapp. Inget skrevs`, { file: path });
}

/** Writes one file whole, flushed to disk, with the mode and owner of the file it will replace. */
function writeStaged(path: string, bytes: Uint8Array, existing: Stats | null): void {
  const fd = openSync(path, "wx", existing ? 0o600 : 0o666);
  try {
    if (existing) {
      fchmodSync(fd, existing.mode & 0o7777);
      const uid = process.getuid?.();
      const gid = process.getgid?.();
      if (existing.uid !== uid || existing.gid !== gid) {
        try {
          fchownSync(fd, existing.uid, existing.gid);
        } catch {
          // Replacing someone else's file with one of our own would change who may read it.
          throw new DomainError("INVALID_ARGUMENT", `filen ägs av en annan användare (uid ${existing.uid}, gid ${existing.gid}), och en ny fil kan inte få samma ägare; skriv till ett nytt filnamn. Inget skrevs`, { file: path });
        }
      }
    }
    for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** How files are moved; a test passes one that fails midway, as a full disk or a crash would. */
export type Rename = (from: string, to: string) => void;

/** Writes all outputs or none; `inputs` are the files the command read, which are never replaced. */
export function writeOutputs(outputs: readonly OutputFile[], inputs: readonly string[] = [], rename: Rename = renameSync): void {
  const planned = plan(outputs, inputs);
  const folders = [...new Set(planned.map((p) => dirname(p.target)))];
  const stages = new Map<string, string>();
  const release: (() => void)[] = [];
  const cleanUp = () => {
    for (const stage of stages.values()) rmSync(stage, { recursive: true, force: true });
    for (const r of release) r();
  };
  let current = planned[0]?.path ?? "";
  handleSignals();
  try {
    for (const folder of folders) {
      current = planned.find((p) => dirname(p.target) === folder)!.path;
      const stage = mkdtempSync(join(folder, ".samkalk-"));
      stages.set(folder, stage);
      release.push(removeOnSignal(stage));
    }
    for (const p of planned) {
      current = p.path;
      writeStaged(join(stages.get(dirname(p.target))!, basename(p.target)), p.bytes, p.existing);
    }
  } catch (error) {
    cleanUp();
    throw error instanceof DomainError ? error.at({ file: current }) : writeError(error, current);
  }
  try {
    moveIn(planned, stages, rename);
  } finally {
    for (const r of release) r();
  }
  for (const stage of stages.values()) rmSync(stage, { recursive: true, force: true });
}

/** Moves the staged files over their targets; on a failure the targets already moved are put back. */
function moveIn(planned: readonly Planned[], stages: Map<string, string>, rename: Rename): void {
  const moved: { p: Planned; backup: string | null }[] = [];
  for (const p of planned) {
    const stage = stages.get(dirname(p.target))!;
    const staged = join(stage, basename(p.target));
    const backup = p.existing ? join(stage, `${basename(p.target)}.före`) : null;
    try {
      // Checked again at the last moment: what stands there now must still be what was planned.
      const now = existingTarget(p.target);
      if ((now === null) !== (p.existing === null) || (now && p.existing && now.ino !== p.existing.ino)) throw Object.assign(new Error("changed"), { code: "EEXIST" });
      // The old file is kept under a second name (a hard link) and the new one renamed over it:
      // the target is the old file or the new one at every moment, never missing.
      if (backup) keepOld(p.target, backup, p.existing!);
      rename(staged, p.target);
      moved.push({ p, backup });
    } catch (error) {
      const failed: string[] = [];
      for (const m of moved.reverse()) {
        try {
          if (m.backup) renameSync(m.backup, m.p.target);
          else unlinkSync(m.p.target);
        } catch {
          failed.push(m.p.path);
        }
      }
      // The staging folder holds the old files that could not be put back: it stays, and is named.
      if (failed.length === 0) for (const stage of stages.values()) rmSync(stage, { recursive: true, force: true });
      const rest = failed.length === 0 ? "inget skrevs" : `${failed.join(", ")} kunde inte återställas; de gamla filerna ligger i ${[...stages.values()].join(", ")}`;
      throw error instanceof DomainError ? error : writeError(error, p.path, rest);
    }
  }
}

/** A second name for the old file, to put it back; a copy where the file system has no hard links. */
function keepOld(target: string, backup: string, existing: Stats): void {
  try {
    linkSync(target, backup);
  } catch {
    copyFileSync(target, backup);
    chmodSync(backup, existing.mode & 0o7777);
  }
}

/** One file, whole or not at all. */
export function writeAtomically(path: string, bytes: Uint8Array, inputs: readonly string[] = []): void {
  writeOutputs([{ path, bytes }], inputs);
}

/** Removes a folder the CLI made for outputs if nothing ended up in it. */
export function removeIfEmpty(folder: string): void {
  try {
    rmdirSync(folder);
  } catch {
    // not empty, or already gone: leave it
  }
}

/** Makes the output folder (and its parents); a failure names the folder in Swedish. */
export function makeFolder(folder: string): boolean {
  try {
    const existed = (() => {
      try {
        return statSync(folder).isDirectory();
      } catch {
        return false;
      }
    })();
    mkdirSync(folder, { recursive: true });
    return !existed;
  } catch (error) {
    throw writeError(error, folder);
  }
}
