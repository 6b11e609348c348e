/**
 * What the task pane page says when it is opened outside Excel: it is written without React so
 * that the page stays small, and points to the standalone page, which runs the same pane on an
 * embedded workbook.
 */
export function showOutsideExcel(root: HTMLElement, standaloneHref = "./"): void {
  const box = document.createElement("main");
  box.setAttribute("role", "main");
  box.style.cssText = "font-family: 'Segoe UI', sans-serif; max-width: 32rem; margin: 2rem auto; line-height: 1.5";
  const title = document.createElement("h1");
  title.textContent = "Samkalk körs i Excel";
  const text = document.createElement("p");
  text.textContent =
    "Den här sidan är tilläggets aktivitetsfönster och fungerar bara inne i Excel (på webben, i Windows eller på Mac). Lägg till Samkalk i Excel via Infoga → Tillägg, eller prova verktyget direkt i webbläsaren på den fristående sidan.";
  const link = document.createElement("a");
  link.href = standaloneHref;
  link.textContent = "Öppna den fristående sidan";
  box.append(title, text, link);
  root.replaceChildren(box);
}
