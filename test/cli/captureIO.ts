import { CliIO, nodeIO } from "../../src/cli/io";

/** The real file system with stdout and stderr captured, for CLI tests on real files. */
export function captureIO(): { out: { stdout: string; stderr: string }; io: CliIO } {
  const out = { stdout: "", stderr: "" };
  return { out, io: { ...nodeIO, stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t) } };
}
