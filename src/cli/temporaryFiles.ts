import { rmSync } from "node:fs";

/**
 * Temporary files and folders the CLI has on disk, removed when the process is interrupted
 * (Ctrl-C, SIGTERM). Node's default for these signals ends the process at once, leaving them
 * behind; with a handler installed the signal waits for the synchronous write under way, then
 * the temporaries go and the signal is raised again, so the process still ends as interrupted.
 */
const pending = new Set<string>();
let installed = false;

function onSignal(signal: NodeJS.Signals): void {
  for (const path of pending) rmSync(path, { recursive: true, force: true });
  pending.clear();
  process.removeListener("SIGINT", onSignal);
  process.removeListener("SIGTERM", onSignal);
  process.kill(process.pid, signal);
}

/**
 * Installs the handlers; called before the first temporary is made, so that no signal can end the
 * process between making one and registering it. Once installed they stay: a signal that arrived
 * during a write is handled after it.
 */
export function handleSignals(): void {
  if (installed) return;
  installed = true;
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
}

/** Registers a temporary path; the returned function unregisters it (once it is gone or moved). */
export function removeOnSignal(path: string): () => void {
  handleSignals();
  pending.add(path);
  return () => void pending.delete(path);
}
