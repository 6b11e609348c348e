/** @jest-environment jsdom */
import { act, renderHook, waitFor } from "@testing-library/react";
import { Status, describeFailure, useOperation } from "../../src/taskpane/useOperation";
import { DomainError } from "../../src/core/errors";
import { WriteValidationError } from "../../src/workbook/validation";

/** A promise settled from outside, to look at the hook while an operation runs. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

describe("what the pane says about a failure", () => {
  it("calls a cancelled operation cancelled, with nothing written", () => {
    expect(describeFailure(new DOMException("stopped", "AbortError"))).toEqual({ intent: "info", title: "Avbrutet", body: "Inget skrevs till arbetsboken." });
  });

  it("gives a domain error with its location and what to do", () => {
    const error = new DomainError("NOT_A_NUMBER", "texten 'tolv' är inget tal", { sheet: "Utfall", row: 3, column: "Fakturerat" });
    expect(describeFailure(error)).toEqual({ intent: "error", title: "Det gick inte", body: "blad Utfall, rad 3, kolumn Fakturerat: texten 'tolv' är inget tal. Rätta uppgiften och försök igen." });
  });

  it("says that a write refused before it began left the workbook as it was", () => {
    expect(describeFailure(new WriteValidationError("'Min tabell' är inget giltigt tabellnamn"))).toEqual({
      intent: "error", title: "Inget skrevs", body: "'Min tabell' är inget giltigt tabellnamn. Arbetsboken är oförändrad.",
    });
  });

  it("keeps the message of an unexpected error, also when something else than an Error is thrown", () => {
    expect(describeFailure(new TypeError("x is undefined")).body).toMatch(/^x is undefined\. Arbetsboken är oförändrad om felet kom före skrivningen/);
    expect(describeFailure("trasig")).toMatchObject({ intent: "error", title: "Oväntat fel", body: expect.stringMatching(/^trasig\. /) });
  });
});

describe("one operation at a time", () => {
  it("is busy with the label while it runs, then shows the status it returned", async () => {
    const { result } = renderHook(() => useOperation());
    const step = deferred<Status>();
    let running!: Promise<void>;
    act(() => { running = result.current.run("Läser modellen", () => step.promise); });
    expect(result.current.busy).toBe("Läser modellen");
    expect(result.current.status).toBeNull();
    await act(async () => { step.resolve({ intent: "success", title: "Klart" }); await running; });
    expect(result.current.busy).toBeNull();
    expect(result.current.status).toEqual({ intent: "success", title: "Klart" });
  });

  it("clears the last status when the next run starts, and leaves it empty when the run returns none", async () => {
    const { result } = renderHook(() => useOperation());
    await act(() => result.current.run("Först", async () => ({ intent: "warning", title: "Varning" })));
    expect(result.current.status?.title).toBe("Varning");
    const step = deferred<void>();
    let running!: Promise<void>;
    act(() => { running = result.current.run("Sedan", () => step.promise); });
    expect(result.current.status).toBeNull();
    await act(async () => { step.resolve(); await running; });
    expect(result.current.status).toBeNull();
    expect(result.current.busy).toBeNull();
  });

  it("turns a thrown error into its Swedish status and is no longer busy", async () => {
    const { result } = renderHook(() => useOperation());
    await act(() => result.current.run("Räknar", async () => { throw new DomainError("MISSING_VALUE", "värde saknas", { table: "Budget" }); }));
    expect(result.current.busy).toBeNull();
    expect(result.current.status).toEqual({ intent: "error", title: "Det gick inte", body: "tabell Budget: värde saknas. Rätta uppgiften och försök igen." });
  });

  it("aborts the running operation's signal on cancel, which then reads Avbrutet", async () => {
    const { result } = renderHook(() => useOperation());
    let seen!: AbortSignal;
    let running!: Promise<void>;
    act(() => {
      running = result.current.run("Skriver", (signal) => {
        seen = signal;
        return new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason)));
      });
    });
    expect(seen.aborted).toBe(false);
    await act(async () => { result.current.cancel(); await running; });
    expect(seen.aborted).toBe(true);
    expect(result.current.status).toMatchObject({ intent: "info", title: "Avbrutet" });
  });

  it("does nothing on cancel when nothing runs", async () => {
    const { result } = renderHook(() => useOperation());
    act(() => result.current.cancel());
    expect(result.current.busy).toBeNull();
    let seen!: AbortSignal;
    await act(() => result.current.run("Räknar", async (signal) => { seen = signal; }));
    act(() => result.current.cancel());
    expect(seen.aborted).toBe(false);
  });

  it("lets the caller set a status of its own", async () => {
    const { result } = renderHook(() => useOperation());
    act(() => result.current.setStatus({ intent: "info", title: "Egen" }));
    await waitFor(() => expect(result.current.status?.title).toBe("Egen"));
  });
});
