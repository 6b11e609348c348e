/** @jest-environment jsdom */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App, SCREENS } from "../../src/taskpane/App";
import { EmbeddedWorkbook } from "../../src/workbook/embeddedWorkbook";

const SCREEN_FILES = readdirSync(join(__dirname, "..", "..", "src", "taskpane", "screens")).filter((f) => f.endsWith("Screen.tsx")).map((f) => f.replace(/\.tsx$/, ""));

describe("the pane's screen table", () => {
  it("renders every screen file from some tab, and each tab once", () => {
    const app = readFileSync(join(__dirname, "..", "..", "src", "taskpane", "App.tsx"), "utf8");
    for (const name of SCREEN_FILES) expect(app).toContain(`<${name} `);
    expect(new Set(SCREENS.map((s) => s.id)).size).toBe(SCREENS.length);
    expect(new Set(SCREENS.map((s) => s.label)).size).toBe(SCREENS.length);
  });

  it("shows each tab's screen when it is chosen", async () => {
    const user = userEvent.setup();
    render(<App workbook={new EmbeddedWorkbook(["Blad1"])} today={() => new Date(2026, 10, 2)} />);
    for (const { label } of SCREENS) {
      await user.click(screen.getByRole("tab", { name: label }));
      expect(screen.getByRole("tab", { name: label }).getAttribute("aria-selected")).toBe("true");
      expect(document.querySelector("main.samkalk-screen section")).not.toBeNull();
    }
  }, 30_000);
});
