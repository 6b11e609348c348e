import { run } from "../../src/cli/main";
import { CliIO, nodeIO } from "../../src/cli/io";

/** The real file system with stdout and stderr captured, for CLI tests on real files. */
export function captureIO(): { out: { stdout: string; stderr: string }; io: CliIO } {
  const out = { stdout: "", stderr: "" };
  return { out, io: { ...nodeIO, stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t) } };
}

/**
 * Runs one CLI invocation that reads files through `readFile` and must write none; returns its
 * exit code and what it printed (a line break after each write, as the terminal shows it).
 */
export async function runReading(args: string[], readFile: CliIO["readFile"], today = new Date(2026, 10, 23)): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: (t) => (stdout += `${t}\n`),
    stderr: (t) => (stderr += `${t}\n`),
    readFile,
    writeFiles: () => {
      throw new Error("no writes expected");
    },
    today: () => today,
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}
