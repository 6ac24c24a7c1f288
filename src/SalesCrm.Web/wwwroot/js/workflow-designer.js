// The workflow designer's keyboard shortcuts (Ctrl+S, Ctrl+Z, Ctrl+Y, Ctrl+Shift+Z): the browser's own meaning of
// Ctrl+S (save the page) must be prevented before it happens, which Blazor cannot decide per key. Inside a text box,
// undo/redo stay the box's own.
export function watchShortcuts(element, dotnet) {
    const handler = e => {
        if (!(e.ctrlKey || e.metaKey)) return;
        const key = e.key.toLowerCase();
        const typing = e.target.closest('input, textarea, [contenteditable="true"]');
        if (key === 's' || (!typing && (key === 'z' || key === 'y'))) {
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
