// What a browser has and jsdom lacks, for component tests of the task pane.
import { TextDecoder, TextEncoder } from "node:util";

if (typeof window !== "undefined") {
  Object.assign(globalThis, { TextDecoder, TextEncoder });
  class ResizeObserverStub {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver ??= ResizeObserverStub;
}
