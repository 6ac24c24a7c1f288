// The reports pages' browser helpers: a file built on the server handed to the browser as a download, and printing.

/** Saves base64 bytes as a file named `name` (a report's CSV or XLSX). */
export function downloadFile(name, type, base64) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** Opens the browser's print dialog (the print stylesheet leaves out the menu, filters and buttons). */
export function printPage() {
  window.print();
}
