// SalesCrm browser helpers, imported by Blazor components through IJSRuntime ("./lib/app/app.js").
const THEME_KEY = "salescrm.darkMode";

/** Returns the saved dark-mode choice: true, false, or null when the user never chose. */
export function getDarkMode() {
  const value = window.localStorage.getItem(THEME_KEY);
  return value === null ? null : value === "true";
}

/** Remembers the dark-mode choice in this browser. */
export function setDarkMode(enabled) {
  window.localStorage.setItem(THEME_KEY, enabled ? "true" : "false");
}

/** Copies text to the clipboard (API keys are shown once). */
export async function copyText(text) {
  await navigator.clipboard.writeText(text);
  return true;
}
export * from "./voice.js";
export * from "./geolocation.js";
export * from "./reports.js";

// The board's drop point: MudBlazor's drop zone inserts a card after the card it is dropped on, whichever half; the
// page asks where the pointer last was, so a drop on a card's upper half goes before it.
let lastBoardDrop = null;

/** Starts following drags over board cards (once per page). */
export function trackBoardDrops() {
  if (window.__crmBoardDrops) return;
  window.__crmBoardDrops = true;
  document.addEventListener("dragover", e => {
    const card = e.target instanceof Element ? e.target.closest(".lead-card[data-lead-id]") : null;
    if (!card) { lastBoardDrop = null; return; }
    const box = card.getBoundingClientRect();
    lastBoardDrop = { leadId: card.dataset.leadId, upper: e.clientY < box.top + box.height / 2 };
  }, true);
  document.addEventListener("dragstart", () => { lastBoardDrop = null; }, true);
}

/** The card under the pointer at the last dragover and whether it was its upper half, or null. */
export function lastBoardDropTarget() {
  return lastBoardDrop;
}
