// The panel's body as HTML, from the model alone (no `vscode` import, so it is unit-testable).
// Every clickable row is a <button> carrying what to open in data attributes; the webview script
// turns clicks into messages. Bars get their widths from `data-w` (inline styles are blocked by
// the Content Security Policy). Icons are codicons, always beside text or inside a labelled element,
// so a screen reader hears the same as the icons show.

import type {
  ChecklistAnswer,
  ChecklistStatus,
  CostView,
  HoursRange,
  SourceLocation,
} from '../../../server/src/protocol';
import type { PanelModel } from './model';

/** Codicon names (see dist/codicons/codicon.css) and the words read out in their place. */
const STATUS_ICON: Record<ChecklistStatus, { icon: string; label: string }> = {
  ok: { icon: 'pass', label: 'Yes, from the evidence' },
  attention: { icon: 'warning', label: 'Needs attention' },
  ask: { icon: 'question', label: 'Ask the team' },
  todo: { icon: 'circle-large-outline', label: 'Not done yet' },
  estimate: { icon: 'graph', label: 'Estimated, not known' },
};

export function renderPanel(model: PanelModel | undefined): string {
  if (!model) return '<p class="muted" role="status">Lock-in Lens is indexing the workspace…</p>';
  // Three columns on a wide panel, two on a medium one, one when narrow (see styles.ts).
  const columns = [
    platforms(model.cost),
    checklist(model.checklist),
    `${topFiles(model.cost)}${assumptions(model.cost)}`,
  ];
  return [
    header(model),
    security(model),
    `<div class="columns">${columns.map((c) => `<div>${c}</div>`).join('')}</div>`,
    footer(),
  ].join('\n');
}

/** Shown while the server has edits of an open document still to check. */
export const STALE_NOTE = 'Checking your latest edits: these figures are from the version last checked.';

function header(model: PanelModel): string {
  const cost = model.cost;
  const lines = [
    `<h1>Lock-in Lens</h1>`,
    `<p class="total"><span class="big">${headline(cost)}</span> estimated migration ` +
      `effort${cost.provisional ? ' <span class="badge">provisional</span>' : ''}</p>`,
  ];
  for (const reason of cost.provisionalReasons ?? []) lines.push(`<p class="muted">${esc(reason)}.</p>`);
  if (cost.widest.length > 0 || (cost.width ?? []).length > 0) lines.push(whyThisWide(cost));
  if (cost.calendar)
    lines.push(
      `<p class="calendar">Calendar time ${range(cost.calendar.range)} ` +
        `${esc(cost.calendar.unit)}${cost.calendar.note ? ` <span class="muted">(${esc(cost.calendar.note)})</span>` : ''}</p>`,
    );
  if (cost.money) lines.push(`<p class="money">≈ ${range(cost.money.range)} ${esc(cost.money.currency)}</p>`);
  lines.push(`<p class="muted">${model.lockin} lock-in touch points; ${model.files} files scanned.</p>`);
  if (model.stale) lines.push(`<p class="muted stale" role="status">${STALE_NOTE}</p>`);
  if (model.baseline) lines.push(baselineLine(model.baseline));
  return `<header>${lines.join('\n')}</header>`;
}

/** The figure to plan with first, then its range: "about 78 h (63–94 h)". */
function headline(cost: CostView): string {
  return cost.likely !== undefined
    ? `about ${esc(String(cost.likely))} h <span class="range">(${hours(cost.total)})</span>`
    : hours(cost.total);
}

/** The named uncertainties that make the range as wide as it is, then the widest terms. */
function whyThisWide(cost: CostView): string {
  const names = (cost.width ?? [])
    .filter((u) => u.share >= 0.01)
    .map((u) => `${esc(u.name)} ${Math.round(u.share * 100)} %`);
  const named = names.length > 0 ? `<p class="muted">Share of the width: ${names.join(', ')}.</p>` : '';
  const platformOf = (id: string) => cost.platforms.find((p) => p.platform === id);
  const items = cost.widest.map((t) => {
    const platform = platformOf(t.platform);
    const capability = platform?.capabilities.find((c) => c.category === t.category)?.name ?? t.category;
    return `<li><span class="range">${hours(t.range)}</span> ${esc(t.label)} <span ` +
      `class="muted">(${esc(platform?.name ?? t.platform)} ${esc(capability)})</span></li>`;
  });
  return `<details class="why" data-key="why" open><summary>${icon('chevron-right')}Why this wide</summary>${named}<p ` +
    `class="muted">The terms that spread the most:</p><ul>${items.join('')}</ul></details>`;
}

/** "Against the baseline: +6–9 h (3 new findings) — +6–9 h of Supabase coupling". */
function baselineLine(b: NonNullable<PanelModel['baseline']>): string {
  const moved = b.summary.length > 0 ? ` — ${esc(b.summary.join('; '))}` : '';
  const total = b.total.low === 0 && b.total.high === 0 ? '±0 h' : `${b.total.low >= 0 ? '+' : ''}${range(b.total)} h`;
  return `<p class="baseline">Against the baseline: ${esc(total)} (${b.newFindings} new ` +
    `${plural(b.newFindings, 'finding')}, ${b.gone} gone)${moved}</p>`;
}

function security(model: PanelModel): string {
  const s = model.security;
  if (s.total === 0)
    return `<section aria-label="Security"><p class="row-static ok">${icon('pass')} No open security findings</p></section>`;
  const detail = `${s.errors} ${plural(s.errors, 'error')}, ${s.warnings} ${plural(s.warnings, 'warning')}`;
  // Errors turn the shield the theme's error colour; the detail text says the same in words.
  const className = s.errors > 0 ? 'row security-row has-errors' : 'row security-row';
  return `<section aria-label="Security" class="security">
  ${button('security', s.at, `${icon('shield')}<span class="name">${s.total} security ` +
    `${plural(s.total, 'finding')}</span><span class="detail">${detail}</span>`, className)}
  <button class="link" data-action="problems" data-key="problems">Show all in Problems</button>
</section>`;
}

function platforms(cost: CostView): string {
  if (cost.platforms.length === 0)
    return `<section aria-labelledby="h-platforms"><h2 id="h-platforms">By platform</h2><p class="muted">No platform ` +
      `touch points.</p></section>`;
  // One scale for every bar: platforms and capabilities compare at a glance.
  const max = Math.max(...cost.platforms.map((p) => p.range.high), 1);
  const items = cost.platforms.map((p) => {
    const capabilities = p.capabilities.map((c) => {
      const title = [c.structure, ...c.terms].filter(Boolean).join('\n');
      const body = `<span class="name">${esc(c.name)}</span><span class="count">${c.touchPoints} in ${c.files} ` +
        `${plural(c.files, 'file')}</span><span class="range">${hours(c.range)}</span>${bar(c.range, max)}`;
      return `<li>${button(`c:${p.platform}:${c.category}`, c.at, body, 'row capability', title)}</li>`;
    });
    const body = `<span class="name">${esc(p.name)}</span><span class="count">${p.touchPoints} touch ` +
      `${plural(p.touchPoints, 'point')}</span><span class="range">${hours(p.range)}</span>${bar(p.range, max)}`;
    const row = button(`p:${p.platform}`, p.at, body, 'row platform-row', (p.notes ?? []).join('\n'));
    const list = `<ul class="capabilities" aria-label="${esc(p.name)} capabilities">${capabilities.join('')}</ul>`;
    return `<li class="platform" data-platform="${esc(p.platform)}">${row}${list}</li>`;
  });
  const legend = `<p class="legend muted"><span class="bar" aria-hidden="true"><span class="gap" ` +
    `data-w="30"></span><span class="span" data-w="45"></span></span>each bar runs from the low to the high estimate, on one scale</p>`;
  return `<section aria-labelledby="h-platforms"><h2 id="h-platforms">By platform</h2>${legend}<ul ` +
    `class="platforms">${items.join('\n')}</ul></section>`;
}

function topFiles(cost: CostView): string {
  if (cost.topFiles.length === 0) return '';
  const nameOf = (id: string) => cost.platforms.find((p) => p.platform === id)?.name ?? id;
  const items = cost.topFiles.map((f) => {
    const slash = f.label.lastIndexOf('/');
    const folder = slash < 0 ? '' : `<span class="folder">${esc(f.label.slice(0, slash))}</span>`;
    const name = `<span class="name file" title="${esc(f.label)}">${esc(f.label.slice(slash + 1))}${folder}</span>`;
    const body = `${name}<span class="count">${f.touchPoints} touch ${plural(f.touchPoints, 'point')}</span><span ` +
      `class="platforms-of">${esc(f.platforms.map(nameOf).join(', '))}</span>`;
    return `<li>${button(`f:${f.uri}`, f.at, body, 'row file-row')}</li>`;
  });
  return `<section aria-labelledby="h-files"><h2 id="h-files">Most coupled files</h2><p class="muted">By touch ` +
    `points</p><ol class="files">${items.join('')}</ol></section>`;
}

function checklist(answers: ChecklistAnswer[]): string {
  const items = answers.map((a) => {
    const status = STATUS_ICON[a.status];
    const action =
      a.id === 'documented'
        ? `<button class="link" data-action="export" data-key="export-checklist">${icon('export')}Export exit plan</button>`
        : a.at
          ? button(`k:${a.id}`, a.at, `${icon('go-to-file')}Show where`, 'link')
          : '';
    // The status has no visible words: the label is read out, and shown on hover.
    return `<li class="answer status-${a.status}" data-answer="${a.id}">
  <span class="sym" role="img" aria-label="${status.label}" title="${status.label}">${icon(status.icon)}</span>
  <div><p class="question">${esc(a.question)}</p><p class="evidence">${esc(a.evidence)}</p>${action}</div>
</li>`;
  });
  return `<section aria-labelledby="h-checklist"><h2 id="h-checklist">Before trusting the platform with real ` +
    `users</h2><ul class="checklist">${items.join('\n')}</ul></section>`;
}

/** How the numbers are made, folded away: the basis and the model's assumptions. */
function assumptions(cost: CostView): string {
  const assisted = cost.assisted
    ? [`With LLM assistance on the code work (one stated factor): ${hours(cost.assisted)}.`]
    : [];
  const items = [cost.basis, ...assisted, ...(cost.assumptions ?? [])].map((a) => `<li>${esc(a)}</li>`).join('');
  return `<details class="assumptions" data-key="assumptions"><summary>${icon('chevron-right')}How the estimate is ` +
    `made</summary><ul>${items}</ul><p class="muted">Hover a capability for its terms; the exit plan lists them all.</p></details>`;
}

function footer(): string {
  return `<footer>
  <button class="primary" data-action="export" data-key="export">${icon('export')}Export exit plan…</button>
  <button class="secondary" data-action="tree" data-key="tree">${icon('list-tree')}Show findings tree</button>
</footer>`;
}

/** A row that opens a location; without one it is still a button (focusable) that does nothing harmful. */
function button(key: string, at: SourceLocation | undefined, body: string, className: string, title?: string): string {
  const target = at
    ? ` data-action="open" data-uri="${esc(at.uri)}" data-line="${at.line}" data-column="${at.column}"`
    : '';
  const tooltip = title ? ` title="${esc(title)}"` : '';
  return `<button class="${className}" data-key="${esc(key)}"${target}${tooltip}>${body}</button>`;
}

/** A codicon, hidden from screen readers: the words beside it, or its container's label, carry the meaning. */
function icon(name: string): string {
  return `<span class="codicon codicon-${name}" aria-hidden="true"></span>`;
}

/** One tone: the bar spans the range from its low to its high end; widths as percentages of `max`. */
function bar(r: HoursRange, max: number): string {
  const low = Math.round((r.low / max) * 100);
  const spread = Math.max(1, Math.round((r.high / max) * 100) - low);
  return `<span class="bar" aria-hidden="true"><span class="gap" data-w="${low}"></span><span class="span" ` +
    `data-w="${spread}"></span></span>`;
}

function hours(r: HoursRange): string {
  return `${range(r)} h`;
}

function range(r: HoursRange): string {
  return r.low === r.high ? `${r.low}` : `${r.low}–${r.high}`;
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
