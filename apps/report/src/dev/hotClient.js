// @ts-check
/// <reference types="vite/client" />
// The development page's hot client (served by `lslab dev` through Vite; the
// report's page has no such script). A rebuilt notebook worker arrives on
// Vite's websocket as the custom event `lslab:worker`; it is handed to the
// page script as a DOM event of the same name on window, detail { source },
// and the page runs its cells again on it. A build error's overlay, if one
// is open, is closed: the new worker is the fix.
if (import.meta.hot) {
  import.meta.hot.on('lslab:worker', (/** @type {{ source: string }} */ data) => {
    document.querySelectorAll('vite-error-overlay').forEach((overlay) => {
      /** @type {HTMLElement & { close?: () => void }} */ (overlay).close?.();
    });
    window.dispatchEvent(new CustomEvent('lslab:worker', { detail: { source: data.source } }));
  });
}
