// The panel's HTML and model, without VS Code: escaping, keyboard-reachable rows that carry their
// location, bars sized by data attributes (the CSP blocks inline styles), and the checklist answer
// the editor completes from the last exit-plan export.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { panelDocument } from '../client/src/panel/html';
import { panelModel } from '../client/src/panel/model';
import { renderPanel } from '../client/src/panel/render';
import type { CostChangedParams } from '../server/src/protocol';

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
          range: { low: 20, high: 50 },
          touchPoints: 5,
          at: at(3),
          capabilities: [{ category: 'database', range: { low: 10, high: 25 }, touchPoints: 3, files: 2, terms: ['Seam: 8–20 h'], at: at(4) }],
        },
      ],
      topFiles: [{ uri: 'file:///w/src/<b>.ts', label: 'src/<b>.ts', platforms: ['supabase'], touchPoints: 3, range: { low: 1, high: 2 }, at: at(4) }],
    },
    security: { total: 2, errors: 1, warnings: 1, at: at(7) },
    checklist: [
      { id: 'backend-blocking', question: 'Blocking?', status: 'ask', evidence: 'Ask.' },
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
    assert.match(html, /<li class="platform" data-platform="supabase"><button class="row platform-row" data-key="p:supabase" data-action="open" data-uri="file:\/\/\/w\/src\/notes.ts" data-line="3" data-column="9"/);
    assert.match(html, /<button class="row capability" data-key="c:supabase:database" data-action="open" [^>]*data-line="4"[^>]* title="Seam: 8–20 h">/);
    assert.match(html, /2 security findings<\/span><span class="detail">1 error, 1 warning<\/span>/);
    assert.match(html, /src\/&lt;b&gt;\.ts/);
    assert.match(html, /1 of 3 &quot;calls&quot; &lt;unchecked&gt;/);
    assert.ok(!/<b>|style=|on\w+=/.test(html), 'no raw markup, inline styles or inline handlers');
  });

  it('sizes bars relative to the largest range through data attributes', () => {
    const html = renderPanel(panelModel(params(), undefined));
    assert.match(html, /platform-row[^]*?<span class="low" data-w="40"><\/span><span class="high" data-w="60"><\/span>/);
    assert.match(html, /row capability[^]*?<span class="low" data-w="40"><\/span><span class="high" data-w="60"><\/span>/);
  });

  it('answers "written down?" from the last export', () => {
    const answer = (exported?: Parameters<typeof panelModel>[1]) => panelModel(params(), exported).checklist.find((a) => a.id === 'documented')!;
    assert.equal(answer().status, 'todo');
    const fresh = { at: '2026-01-02T10:00:00Z', file: '.lockin-lens/exit-plan.md', lockin: 5, total: { low: 20, high: 50 } };
    assert.deepEqual([answer(fresh).status, answer(fresh).evidence], ['ok', 'Exit plan exported on 2026-01-02 to .lockin-lens/exit-plan.md; it still matches the code.']);
    const stale = { ...fresh, lockin: 3 };
    assert.deepEqual([answer(stale).status, answer(stale).evidence], ['attention', 'Exit plan exported on 2026-01-02 to .lockin-lens/exit-plan.md; since then 2 touch points added: export it again.']);
  });

  it('allows only its own nonce in the Content Security Policy', () => {
    const doc = panelDocument('abc123', 'vscode-resource:');
    assert.match(doc, /content="default-src 'none'; style-src 'nonce-abc123'; script-src 'nonce-abc123';/);
    assert.equal(doc.match(/<script /g)?.length, 1);
    assert.match(doc, /<script nonce="abc123">/);
    assert.ok(!/https?:\/\//.test(doc), 'no remote resources');
  });
});
