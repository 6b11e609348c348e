import { useCallback, useRef, useState } from "react";
import { isDomainError, locatedMessage } from "../core/errors";
import { WriteValidationError } from "../workbook/validation";
import { describeOfficeError } from "../workbook/officeErrorMessages";

export interface Status {
  intent: "success" | "error" | "warning" | "info";
  title: string;
  body?: string;
}

/** A Swedish explanation of what went wrong and what to do next; nothing is swallowed. */
export function describeFailure(error: unknown): Status {
  if (error instanceof DOMException && error.name === "AbortError") return { intent: "info", title: "Avbrutet", body: "Inget skrevs till arbetsboken." };
  if (isDomainError(error)) return { intent: "error", title: "Det gick inte", body: `${locatedMessage(error)}. Rätta uppgiften och försök igen.` };
  if (error instanceof WriteValidationError) return { intent: "error", title: "Inget skrevs", body: `${error.message}. Arbetsboken är oförändrad.` };
  const office = describeOfficeError(error);
  if (office) return { intent: office.code === "InvalidOperationInCellEditMode" ? "warning" : "error", title: office.title, body: office.body };
  const message = error instanceof Error ? error.message : String(error);
  return { intent: "error", title: "Oväntat fel", body: `${message}. Arbetsboken är oförändrad om felet kom före skrivningen; försök igen eller kontakta support.` };
}

/** Runs one long operation at a time with a progress label, cancellation and a status message. */
export function useOperation() {
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const controller = useRef<AbortController | null>(null);

  const run = useCallback(async (label: string, operation: (signal: AbortSignal) => Promise<Status | void>) => {
    controller.current = new AbortController();
    setBusy(label);
    setStatus(null);
    try {
      const result = await operation(controller.current.signal);
      if (result) setStatus(result);
    } catch (error) {
      setStatus(describeFailure(error));
    } finally {
      setBusy(null);
      controller.current = null;
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { busy, status, setStatus, run, cancel };
}
