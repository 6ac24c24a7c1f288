// The workflow designer's keyboard shortcuts (Ctrl+S, Ctrl+Z, Ctrl+Y, Ctrl+Shift+Z, Ctrl+C, Ctrl+V, Ctrl+D): the
// browser's own meaning of Ctrl+S (save the page) and Ctrl+D (bookmark) must be prevented before it happens, which Blazor
// cannot decide per key. Inside a text box, undo/redo/copy/paste stay the box's own, and so does Ctrl+C while text on the
// page is selected.
export function watchShortcuts(element, dotnet) {
    const handler = e => {
        if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
        const key = e.key.toLowerCase();
        const typing = e.target.closest('input, textarea, [contenteditable="true"]');
        const textSelected = key === 'c' && String(window.getSelection() ?? '').length > 0;
        if (key === 's' || (!typing && !textSelected && ['z', 'y', 'c', 'v', 'd'].includes(key))) {
            e.preventDefault();
            dotnet.invokeMethodAsync('OnShortcut', key === 'z' && e.shiftKey ? 'y' : key);
        }
    };
    document.addEventListener('keydown', handler);
    return { dispose: () => document.removeEventListener('keydown', handler) };
}

// Export: hands the browser a JSON file to save.
export function download(fileName, text) {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// Keyboard use: after a step is added from the side panel, focus goes to the step's first setting, not back to the page.
export function focusFirstField(container) {
    const field = container?.querySelector('input:not([type=hidden]):not([disabled]), textarea:not([disabled]), select:not([disabled])');
    field?.focus();
}
