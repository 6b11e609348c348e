/**
 * The error a SAMKALK function gave Excel, as code and message; fails the test when it threw
 * anything but a CustomFunctions.Error, or returned.
 */
export function errorOf(call: () => unknown): { code: string; message: string } {
  try {
    call();
  } catch (error) {
    const e = error as { code: string; message: string; name: string };
    if (e.name !== "CustomFunctions.Error") throw error;
    return { code: e.code, message: e.message };
  }
  throw new Error("expected a CustomFunctions.Error");
}
