/** @jest-environment jsdom */
import { getByRole, getByText } from "@testing-library/dom";
import { showOutsideExcel } from "../../src/taskpane/outsideExcel";

describe("the task pane page opened outside Excel", () => {
  const root = () => {
    const element = document.createElement("div");
    element.innerHTML = "<p>Laddar…</p>";
    document.body.replaceChildren(element);
    return element;
  };

  it("replaces what the page showed with a heading that says Samkalk runs in Excel", () => {
    const element = root();
    showOutsideExcel(element);
    expect(element.textContent).not.toContain("Laddar");
    expect(element.children).toHaveLength(1);
    const main = getByRole(element, "main");
    expect(getByRole(main, "heading", { level: 1 }).textContent).toBe("Samkalk körs i Excel");
  });

  it("says how to add the add-in, in Swedish", () => {
    const element = root();
    showOutsideExcel(element);
    expect(getByText(element, /Lägg till Samkalk i Excel via Infoga → Tillägg/)).toBeTruthy();
  });

  it("links to the standalone page beside it by default, or where it is told", () => {
    const element = root();
    showOutsideExcel(element);
    expect(getByRole(element, "link", { name: "Öppna den fristående sidan" }).getAttribute("href")).toBe("./");
    showOutsideExcel(element, "https://example.org/samkalk/");
    const links = element.querySelectorAll("a");
    expect(links).toHaveLength(1);
    expect(links[0].getAttribute("href")).toBe("https://example.org/samkalk/");
  });
});
