/**
 * jsdom lays nothing out, so the virtualised grid would render no cell. This gives the grid
 * (and only the element with role="grid") a 1000 × 600 px size for the tests of one file, which
 * puts rows 1–38 and columns A–N in the page, as a browser would.
 */
export function giveTheGridASize(): void {
  const size = (value: number) => ({ configurable: true, get(this: HTMLElement) { return this.getAttribute("role") === "grid" ? value : 0; } });
  beforeAll(() => {
    Object.defineProperty(HTMLElement.prototype, "clientWidth", size(1000));
    Object.defineProperty(HTMLElement.prototype, "clientHeight", size(600));
  });
  afterAll(() => {
    delete (HTMLElement.prototype as { clientWidth?: number }).clientWidth;
    delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
  });
}
