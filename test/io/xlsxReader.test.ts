import { readTableXlsx, readWorkbookXlsx } from "../../src/io/xlsxReader";
import { DomainError, isDomainError, locatedMessage } from "../../src/core/errors";

/** The page's side of the xlsx worker: time limit, errors carried back, the worker always stopped. */
function fakeWorker(reply?: (post: (data: unknown) => void) => void) {
  const worker = {
    terminated: false,
    onmessage: null as null | ((e: { data: unknown }) => void),
    onerror: null as null | ((e: { message: string }) => void),
    postMessage() {
      if (reply) setTimeout(() => reply((data) => worker.onmessage?.({ data })), 0);
    },
    terminate() {
      worker.terminated = true;
    },
  };
  return worker;
}

describe("reading xlsx in a worker", () => {
  it("stops a worker that does not answer in time, with a Swedish message naming the file", async () => {
    const worker = fakeWorker();
    const error = await readWorkbookXlsx(new Uint8Array(4), "haenger.xlsx", { seconds: 0.02, createWorker: () => worker as unknown as Worker }).catch((e: unknown) => e);
    expect(isDomainError(error) && locatedMessage(error as DomainError)).toBe("fil haenger.xlsx: läsningen av filen tog mer än 0,02 s och avbröts; filen kan vara skadad eller för stor. Öppna och spara den i Excel, eller dela upp den");
    expect(worker.terminated).toBe(true);
  });

  it("carries a domain error back as one, and stops the worker after an answer", async () => {
    const worker = fakeWorker((post) => post({ ok: false, error: { domain: true, code: "OUT_OF_RANGE", message: "filen skulle packas upp till 60 MB", location: { file: "b.xlsx" } } }));
    const error = await readTableXlsx(new Uint8Array(4), "b.xlsx", { createWorker: () => worker as unknown as Worker }).catch((e: unknown) => e);
    expect(isDomainError(error) && locatedMessage(error as DomainError)).toBe("fil b.xlsx: filen skulle packas upp till 60 MB");
    expect(worker.terminated).toBe(true);
    const ok = fakeWorker((post) => post({ ok: true, result: { file: "t.xlsx", headers: ["Medlem"], rows: [], rowNumbers: [] } }));
    await expect(readTableXlsx(new Uint8Array(4), "t.xlsx", { createWorker: () => ok as unknown as Worker })).resolves.toMatchObject({ headers: ["Medlem"] });
  });
});
