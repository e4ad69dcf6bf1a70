// The webview document: a Content Security Policy that allows only this page's nonce and the
// extension's own files (no remote resources, no inline handlers), theme colours through VS Code's
// CSS variables, and a small script that swaps in rendered HTML, keeps keyboard focus across updates
// and turns clicks into messages.

import { esc } from './render';
import { PANEL_STYLES } from './styles';

/**
 * `cspSource` is the webview's origin for extension files; `codiconsHref` is the codicon
 * stylesheet's webview URI. Both come from the caller so this file needs no `vscode` import.
 */
export function panelDocument(nonce: string, cspSource: string, codiconsHref: string): string {
  // style-src names cspSource for the codicon stylesheet, font-src for the font it loads.
  const csp = [`default-src 'none'`, `style-src 'nonce-${nonce}' ${cspSource}`, `script-src 'nonce-${nonce}'`, `img-src ${cspSource} data:`, `font-src ${cspSource}`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Lock-in Lens</title>
<link rel="stylesheet" href="${esc(codiconsHref)}">
<style nonce="${nonce}">${PANEL_STYLES}</style>
</head>
<body>
<main id="root" aria-live="polite"><p class="muted" role="status">Loading…</p></main>
<script nonce="${nonce}">${PANEL_SCRIPT}</script>
</body>
</html>`;
}

/** Runs inside the webview (plain browser JavaScript; it cannot import anything). */
const PANEL_SCRIPT = `
(function () {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('root');
  // Whether the codicon font loaded (an empty list means the stylesheet did not; a rejection, that
  // the font was blocked). Every render reports it, so the extension tests see a broken icon setup.
  // The timeout keeps a font load that never settles from holding back the acknowledgements.
  const iconFont = Promise.race([
    document.fonts.load('16px codicon').then((faces) => faces.length > 0, () => false),
    new Promise((resolve) => setTimeout(() => resolve(false), 5000)),
  ]);
  function applyWidths() {
    for (const el of root.querySelectorAll('[data-w]')) el.style.width = el.dataset.w + '%';
  }
  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || message.type !== 'render') return;
    const active = document.activeElement;
    const focusedKey = active && active.dataset ? active.dataset.key : undefined;
    // A section the user opened or closed stays so across updates.
    const folded = new Map(Array.from(root.querySelectorAll('details[data-key]'), (el) => [el.dataset.key, el.open]));
    root.innerHTML = message.html;
    for (const el of root.querySelectorAll('details[data-key]')) if (folded.has(el.dataset.key)) el.open = folded.get(el.dataset.key);
    applyWidths();
    if (focusedKey) {
      const again = root.querySelector('[data-key="' + CSS.escape(focusedKey) + '"]');
      if (again) again.focus();
    }
    const platforms = Array.from(root.querySelectorAll('[data-platform]'), (el) => el.dataset.platform);
    iconFont.then((loaded) => vscode.postMessage({ type: 'rendered', version: message.version, platforms, iconFont: loaded }));
  });
  root.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-action]') : null;
    if (!target) return;
    const d = target.dataset;
    vscode.postMessage({ type: d.action, uri: d.uri, line: Number(d.line), column: Number(d.column) });
  });
  vscode.postMessage({ type: 'ready' });
})();
`;
