// Start GOV.UK Frontend's components once the page has loaded (no inline scripts: see CSP).
import { initAll } from "../dist/govuk-frontend.min.js";
initAll();

// Copy buttons (e.g. citations): shown only where the clipboard can be used.
for (const button of document.querySelectorAll("[data-copy]")) {
  if (!navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener("click", async () => {
    const source = document.getElementById(button.dataset.copy);
    await navigator.clipboard.writeText(source.value || source.textContent);
    button.dataset.label ??= button.textContent;
    button.textContent = button.dataset.copied || "✓";
    setTimeout(() => { button.textContent = button.dataset.label; }, 2000);
  });
}
