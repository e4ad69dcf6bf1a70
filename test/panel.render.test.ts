// The panel's HTML and model, without VS Code: escaping, keyboard-reachable rows that carry their
// location, bars sized by data attributes (the CSP blocks inline styles), codicons that exist in
// the shipped stylesheet and hide behind words a screen reader reads, the document's Content
// Security Policy, and the checklist answer the editor completes from the last exit-plan export.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { panelDocument } from '../client/src/panel/html';
import { panelModel } from '../client/src/panel/model';
import { renderPanel, STALE_NOTE } from '../client/src/panel/render';
import type { CostChangedParams } from '../server/src/protocol';

const CODICON_CSS = readFileSync(join(__dirname, '..', '..', 'node_modules', '@vscode', 'codicons', 'dist', 'codicon.css'), 'utf8');

const at = (line: number) => ({ uri: 'file:///w/src/notes.ts', line, column: 9 });

function params(): CostChangedParams {
  return {
    files: 12,
    lockin: 5,
    cost: {
      provisional: false,
      basis: 'seams, sites and data terms',
      total: { low: 20, high: 50 },
      calendar: { range: { low: 1, high: 2 }, unit: 'weeks', note: 'supabase auth: re-login window' },
      platforms: [
        {
          platform: 'supabase',
          name: 'Supabase',
          range: { low: 20, high: 50 },
          touchPoints: 5,
          at: at(3),
          capabilities: [{ category: 'database', name: 'Database', range: { low: 10, high: 25 }, touchPoints: 3, files: 2, terms: ['Seam: 8–20 h'], at: at(4) }],
        },
      ],
      topFiles: [{ uri: 'file:///w/src/<b>.ts', label: 'src/<b>.ts', platforms: ['supabase'], touchPoints: 3, range: { low: 1, high: 2 }, at: at(4) }],
      widest: [{ platform: 'supabase', category: 'database', label: 'Data <migration>', range: { low: 4, high: 16 } }],
    },
    security: { total: 2, errors: 1, warnings: 1, at: at(7) },
    checklist: [
      { id: 'backend-blocking', question: 'Blocking?', status: 'ask', evidence: 'Ask.' },
      { id: 'migration-cost', question: 'Known?', status: 'estimate', evidence: 'Estimated, not known.' },
      { id: 'failure-paths', question: 'Failures?', status: 'attention', evidence: '1 of 3 "calls" <unchecked>', at: at(12) },
      { id: 'documented', question: 'Written down?', status: 'todo', evidence: 'Not exported.' },
    ],
  };
}

describe('lock-in panel rendering', () => {
  it('renders every row as a button carrying its location, with text escaped', () => {
    const html = renderPanel(panelModel(params(), undefined));
    assert.match(html, /20–50 h<\/span> estimated migration effort/);
    assert.match(html, /Calendar time 1–2 weeks/);
    assert.match(html, /<details class="why" data-key="why" open><summary>[^]*Why this wide<\/summary>[^]*4–16 h<\/span> Data &lt;migration&gt; <span class="muted">\(Supabase Database\)/, 'one headline range, and why it is wide');
    assert.ok(!/with LLM assistance/.test(html.split('<details class="assumptions">')[0]), 'no second range beside the headline');
    assert.match(html, /<li class="platform" data-platform="supabase"><button class="row platform-row" data-key="p:supabase" data-action="open" data-uri="file:\/\/\/w\/src\/notes.ts" data-line="3" data-column="9"/);
    assert.match(html, /<button class="row capability" data-key="c:supabase:database" data-action="open" [^>]*data-line="4"[^>]* title="Seam: 8–20 h">/);
    assert.match(html, /2 security findings<\/span><span class="detail">1 error, 1 warning<\/span>/);
    assert.match(html, /src\/&lt;b&gt;\.ts/);
    assert.match(html, /1 of 3 &quot;calls&quot; &lt;unchecked&gt;/);
    assert.ok(!/<b>|style=|on\w+=/.test(html), 'no raw markup, inline styles or inline handlers');
  });

  it('says when its figures are from an earlier version than the text being edited', () => {
    assert.ok(!renderPanel(panelModel(params(), undefined)).includes(STALE_NOTE));
    const html = renderPanel(panelModel({ ...params(), stale: true }, undefined));
    assert.ok(html.includes(`<p class="muted stale" role="status">${STALE_NOTE}</p>`));
    assert.match(html, /20–50 h<\/span> estimated migration effort/, 'the last figures stay');
  });

  it('draws each range as one bar from its low to its high end, on one scale, with a legend', () => {
    const html = renderPanel(panelModel(params(), undefined));
    assert.match(html, /platform-row[^]*?<span class="gap" data-w="40"><\/span><span class="span" data-w="60"><\/span>/);
    assert.match(html, /row capability[^]*?<span class="gap" data-w="20"><\/span><span class="span" data-w="30"><\/span>/);
    assert.match(html, /class="legend muted">[^]*each bar runs from the low to the high estimate/);
    assert.ok(!/class="(low|high)"/.test(html), 'no two-tone bars');
  });

  it('answers "written down?" from the last export', () => {
    const answer = (exported?: Parameters<typeof panelModel>[1]) => panelModel(params(), exported).checklist.find((a) => a.id === 'documented')!;
    assert.equal(answer().status, 'todo');
    const fresh = { at: '2026-01-02T10:00:00Z', file: '.lockin-lens/exit-plan.md', lockin: 5, total: { low: 20, high: 50 } };
    assert.deepEqual([answer(fresh).status, answer(fresh).evidence], ['ok', 'Exit plan exported on 2026-01-02 to .lockin-lens/exit-plan.md; it still matches the code.']);
    const stale = { ...fresh, lockin: 3 };
    assert.deepEqual([answer(stale).status, answer(stale).evidence], ['attention', 'Exit plan exported on 2026-01-02 to .lockin-lens/exit-plan.md; since then 2 touch points added: export it again.']);
  });

  it('draws statuses with codicons, keeping every word for screen readers', () => {
    const html = renderPanel(panelModel(params(), undefined));
    assert.ok(!/[✓✔○⚠]/.test(html), 'no Unicode symbols left');
    const status = (id: string) => new RegExp(`data-answer="${id}">\\s*<span class="sym" role="img" aria-label="([^"]+)" title="\\1"><span class="codicon codicon-([\\w-]+)" aria-hidden="true"></span></span>`).exec(html)?.slice(1);
    assert.deepEqual(status('backend-blocking'), ['Ask the team', 'question']);
    assert.deepEqual(status('failure-paths'), ['Needs attention', 'warning']);
    assert.deepEqual(status('documented'), ['Not done yet', 'circle-large-outline']);
    assert.deepEqual(status('migration-cost'), ['Estimated, not known', 'graph']);
    assert.match(html, /<button class="row security-row has-errors" [^>]*><span class="codicon codicon-shield" aria-hidden="true"><\/span><span class="name">2 security findings/);
    assert.match(html, /<span class="codicon codicon-go-to-file" aria-hidden="true"><\/span>Show where<\/button>/);
    assert.match(html, /<span class="codicon codicon-export" aria-hidden="true"><\/span>Export exit plan…<\/button>/);
    const none = renderPanel(panelModel({ ...params(), security: { total: 0, errors: 0, warnings: 0 } }, undefined));
    assert.match(none, /<span class="codicon codicon-pass" aria-hidden="true"><\/span> No open security findings/);
    const warningsOnly = renderPanel(panelModel({ ...params(), security: { total: 1, errors: 0, warnings: 1, at: at(7) } }, undefined));
    assert.match(warningsOnly, /<button class="row security-row" /);
    const icons = [...html.matchAll(/class="codicon codicon-([\w-]+)"( aria-hidden="true")?/g)];
    assert.ok(icons.length >= 8 && icons.every((m) => m[2]), 'every icon is hidden from screen readers');
    for (const name of new Set([...html.matchAll(/codicon-([\w-]+)/g), ...none.matchAll(/codicon-([\w-]+)/g)].map((m) => m[1]))) {
      assert.ok(CODICON_CSS.includes(`.codicon-${name}:before`), `codicon-${name} is in codicon.css`);
    }
  });

  it('allows only its own nonce and the extension\'s files in the Content Security Policy', () => {
    const cspSource = 'https://*.vscode-cdn.net';
    const href = 'https://file%2B.vscode-resource.vscode-cdn.net/ext/dist/codicons/codicon.css';
    const doc = panelDocument('abc123', cspSource, href);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(doc)![1].split('; ');
    assert.deepEqual(csp, ["default-src 'none'", `style-src 'nonce-abc123' ${cspSource}`, "script-src 'nonce-abc123'", `img-src ${cspSource} data:`, `font-src ${cspSource}`]);
    assert.equal(doc.match(/<script /g)?.length, 1);
    assert.match(doc, /<script nonce="abc123">/);
    assert.equal(doc.match(/<link /g)?.length, 1);
    assert.ok(doc.includes(`<link rel="stylesheet" href="${href}">`), 'the stylesheet is the webview URI passed in');
    const urls = [...doc.matchAll(/https?:\/\/[^\s"';]+/g)].map((m) => m[0]);
    assert.deepEqual(urls.filter((u) => u !== href && u !== cspSource), [], 'no other remote resources');
  });

  it('escapes the stylesheet URI it is given', () => {
    assert.match(panelDocument('n', 'vscode-resource:', 'vscode-resource:/a"b<c>.css'), /href="vscode-resource:\/a&quot;b&lt;c&gt;\.css"/);
  });
});
