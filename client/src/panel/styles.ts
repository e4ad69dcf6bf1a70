// The panel's stylesheet: only VS Code theme variables for colour, so it follows light, dark and
// high-contrast themes; visible focus on every row. Codicons take the colour of their text; the
// status ones use the theme's own problem and test-result icon colours.

export const PANEL_STYLES = `
:root { color-scheme: light dark; }
body {
  font-family: var(--vscode-font-family); font-size: var(--vscode-font-size);
  color: var(--vscode-foreground); background: var(--vscode-editor-background);
  padding: 0 16px 24px; line-height: 1.45;
}
h1 { font-size: 1.3em; margin: 16px 0 4px; font-weight: 600; }
h2 { font-size: 1em; margin: 20px 0 6px; font-weight: 600; text-transform: uppercase; letter-spacing: .04em;
  color: var(--vscode-descriptionForeground); }
p { margin: 4px 0; }
ul, ol { list-style: none; margin: 0; padding: 0; }
.muted, .detail, .count, .evidence { color: var(--vscode-descriptionForeground); }
.big { font-size: 1.8em; font-weight: 600; margin-right: 6px; }
.badge { background: var(--vscode-badge-background); color: var(--vscode-badge-foreground);
  border-radius: 8px; padding: 1px 7px; font-size: .85em; }
button { font: inherit; color: inherit; cursor: pointer; }
button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
.row { display: grid; grid-template-columns: minmax(90px, 1.2fr) minmax(90px, 1fr) 90px minmax(80px, 1.4fr);
  align-items: center; gap: 10px; width: 100%; text-align: left; background: none; border: 0;
  padding: 4px 6px; border-radius: 3px; }
.row:hover { background: var(--vscode-list-hoverBackground); }
.row:focus-visible { background: var(--vscode-list-focusBackground, var(--vscode-list-hoverBackground)); }
.platform-row .name { font-weight: 600; }
.capabilities .row { padding-left: 22px; }
.range { font-variant-numeric: tabular-nums; text-align: right; }
.count, .range { white-space: nowrap; }
.file { font-family: var(--vscode-editor-font-family); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.files .row { grid-template-columns: minmax(160px, 2fr) minmax(90px, auto) minmax(60px, 1fr); }
.file .folder { display: block; font-family: var(--vscode-font-family); font-size: .85em;
  color: var(--vscode-descriptionForeground); overflow: hidden; text-overflow: ellipsis; }
.platforms-of { color: var(--vscode-descriptionForeground); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.bar { display: flex; height: 8px; background: var(--vscode-editorWidget-background, transparent);
  border: 1px solid var(--vscode-widget-border, transparent); border-radius: 2px; overflow: hidden; }
.bar .span { background: var(--vscode-charts-blue); border-radius: 2px; }
.legend { display: flex; align-items: center; gap: 8px; margin: 0 0 6px; font-size: .9em; }
.legend .bar { width: 60px; flex: none; }
.why { margin: 2px 0 6px; }
.why ul { margin: 4px 0 0 20px; }
.why li { margin: 2px 0; }
.why .range { display: inline-block; min-width: 80px; text-align: right; margin-right: 8px; }
.security { display: flex; align-items: center; gap: 12px; margin-top: 12px; }
.security-row { grid-template-columns: 18px auto auto; width: auto; border: 1px solid var(--vscode-editorWarning-foreground);
  padding: 6px 10px; }
.security-row .codicon { color: var(--vscode-problemsWarningIcon-foreground, var(--vscode-editorWarning-foreground)); }
.security-row.has-errors .codicon { color: var(--vscode-problemsErrorIcon-foreground, var(--vscode-errorForeground)); }
.security-row .name { font-weight: 600; }
.row-static { display: flex; align-items: center; gap: 6px; }
.row-static.ok .codicon, .status-ok .sym { color: var(--vscode-testing-iconPassed, var(--vscode-charts-green)); }
.status-attention .sym { color: var(--vscode-problemsWarningIcon-foreground, var(--vscode-editorWarning-foreground)); }
.status-ask .sym { color: var(--vscode-problemsInfoIcon-foreground, var(--vscode-charts-blue)); }
.status-todo .sym, .status-estimate .sym { color: var(--vscode-descriptionForeground); }
.checklist .answer { display: grid; grid-template-columns: 22px 1fr; gap: 6px; padding: 6px 0;
  border-bottom: 1px solid var(--vscode-widget-border, transparent); }
/* Lines the 16px icon up with the first line of the question. */
.checklist .sym { text-align: center; padding-top: 2px; }
.question { font-weight: 600; }
.link, .primary, .secondary { display: inline-flex; align-items: center; gap: 4px; }
.link { background: none; border: 0; padding: 2px 0; color: var(--vscode-textLink-foreground); }
.link:hover { color: var(--vscode-textLink-activeForeground); text-decoration: underline; }
.assumptions { margin-top: 16px; color: var(--vscode-descriptionForeground); }
/* A codicon chevron in place of the browser's marker, turned down when open, as in VS Code's trees. */
details summary { cursor: pointer; list-style: none; display: flex; align-items: center; gap: 4px; }
details summary::-webkit-details-marker { display: none; }
details[open] summary .codicon { transform: rotate(90deg); }
details summary:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
.assumptions ul { list-style: disc; padding-left: 20px; }
/* Medium panels: platforms | checklist, files below the checklist; wide ones: three columns. */
@media (min-width: 860px) {
  .columns { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); column-gap: 32px; }
  .columns > div:first-child { grid-row: span 2; }
  .columns > div:nth-child(3) { grid-column: 2; }
}
@media (min-width: 1280px) {
  .columns { grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr) minmax(0, 1fr); }
  .columns > div:first-child { grid-row: auto; }
  .columns > div:nth-child(3) { grid-column: auto; }
}
footer { display: flex; gap: 8px; margin-top: 20px; }
.primary, .secondary { border: 1px solid var(--vscode-button-border, transparent); border-radius: 2px; padding: 4px 12px; }
.primary { background: var(--vscode-button-background); color: var(--vscode-button-foreground); }
.primary:hover { background: var(--vscode-button-hoverBackground); }
.secondary { background: var(--vscode-button-secondaryBackground); color: var(--vscode-button-secondaryForeground); }
.secondary:hover { background: var(--vscode-button-secondaryHoverBackground); }
`;
