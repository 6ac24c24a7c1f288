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
