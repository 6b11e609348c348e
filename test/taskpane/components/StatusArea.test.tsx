/** @jest-environment jsdom */
import { screen } from "@testing-library/react";
import { StatusArea } from "../../../src/taskpane/components/StatusArea";
import { renderPane } from "../render";

describe("the status area", () => {
  it("announces the outcome politely and scrolls it into view once it is there", () => {
    const scrolled: Element[] = [];
    Element.prototype.scrollIntoView = function (this: Element) { scrolled.push(this); };
    const { rerender } = renderPane(<StatusArea busy="Räknar" status={null} onCancel={() => undefined} />);
    expect(scrolled).toEqual([]);
    expect(screen.getByRole("progressbar", { name: "Räknar" })).toBeTruthy();
    rerender(<StatusArea busy={null} status={{ intent: "success", title: "Klart", body: "Bladet är skrivet." }} onCancel={() => undefined} />);
    const title = screen.getByText("Klart");
    const live = title.closest("[aria-live]")!;
    expect(live.getAttribute("aria-live")).toBe("polite");
    expect(scrolled).toEqual([live]);
  });
});
