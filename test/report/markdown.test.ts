// The exit plan for the Base44 example reads as a plan: the sections in order, phases in a
// sensible order that add up to the estimate, portable alternatives from the rules' docs, data and
// account notes, and file:line links to every touch point.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatMarkdown } from '../../server/src/engine/report/markdown';
import { auditExample, ruleSet } from '../cost/helpers';

const headings = (md: string) => md.split('\n').filter((l) => /^#{1,4} /.test(l));

describe('exit plan (Markdown) for examples/base44-app', async () => {
  const report = await auditExample('base44-app');
  const md = formatMarkdown(report, ruleSet.rules);

  it('has the plan sections in order', () => {
    const order = ['# Exit plan: base44-app', '## Summary', '## Base44', '### Phases', '### Data and account migration', '### Capabilities', '## Security findings to fix first', '## Assumptions'];
    const found = headings(md);
    let at = -1;
    for (const h of order) {
      const i = found.indexOf(h);
      assert.ok(i > at, `${h} after the previous section (headings: ${found.join(' | ')})`);
      at = i;
    }
    for (const cap of ['Database', 'Auth', 'Storage', 'Functions', 'Realtime', 'AI']) assert.ok(found.some((h) => h.startsWith(`#### ${cap} (Base44)`)), cap);
  });

  it('orders the phases: prepare, seams, rebuild, data, accounts, cut-over', () => {
    const phases = md.slice(md.indexOf('### Phases'), md.indexOf('### Data and account migration'));
    const titles = ['Prepare', 'Introduce seams', 'Rebuild server-side pieces', 'Move data and stored files', 'Move user accounts', 'Cut over and clean up'];
    const positions = titles.map((t) => phases.indexOf(`**${t}`));
    assert.ok(positions.every((p) => p >= 0), JSON.stringify(positions));
    assert.deepEqual([...positions].sort((a, b) => a - b), positions);
    assert.match(phases, /Fix the 2 open security findings/);
    assert.match(phases, /Dual-run window for auth: 2–6 weeks/);
  });

  it('links every touch point as file:line', () => {
    assert.match(md, /\[src\/pages\/DealDetail\.jsx:20\]\(src\/pages\/DealDetail\.jsx#L20\) Base44 entity data call on Deal \(`base44\/entities`\)/);
    assert.match(md, /\[base44\/functions\/summarizeDeal\/entry\.ts:6\]\(base44\/functions\/summarizeDeal\/entry\.ts#L6\)/);
    for (const f of report.findings) assert.ok(md.includes(`](${encodeURI(f.file)}#L${f.line})`), `${f.file}:${f.line} is linked`);
  });

  it('gives the portable alternative, the estimate terms and the notes', () => {
    const alternative = ruleSet.rules.find((r) => r.id === 'base44/entities')!.docs.alternative!;
    assert.ok(md.includes(alternative.slice(0, 60)), 'entities alternative from the rule docs');
    assert.match(md, /\| Call sites of base44\/entities \| 0\.5–1 h × 16\^0\.8 × spread [\d.]+ \([\d.]+–[\d.]+; 9 of 16 in UI files\), capped by the rewrite bound[^|]* \|/);
    assert.match(md, /\*\*Rewrite bound:\*\* the work of leaving \([^)]*: [\d.]+ h before the bound\) is capped at a from-scratch rewrite of the \d+ lines of code, configuration, rules and SQL that touch Base44/);
    assert.match(md, /\*\*Against a rewrite:\*\* The high end \([\d.]+ h\) is [\d.]+× a rewrite of the \d+ lines that touch Base44 .*past it by what a rewrite does not remove: data migration \(database, up to \d+ h\)/);
    assert.match(md, /Of the most likely figure, \d+ h moves data, accounts and stored files/);
    assert.match(md, /\*\*Rewrite bound applied\*\*/, 'the exit plan says where the bound applied');
    assert.match(md, /src\/pages\/DealDetail\.jsx\]\(src\/pages\/DealDetail\.jsx\): \d+ touched lines, capped at [\d.]+ h/);
    assert.match(md, /Why the range is this wide: (pace|data volume|hashes|spread|realtime) \d+ %/);
    assert.match(md, /exports no password hashes/);
    assert.match(md, /Structure: spread through UI code: 9 of 16 call sites/);
    const total = report.cost.total;
    assert.ok(md.includes(`**${Math.round(report.cost.likely)} h** | ${Math.round(total.low)}–${Math.round(total.high)} h |`), 'the total in the summary');
  });

  it('lists security findings to fix first with links', () => {
    const section = md.slice(md.indexOf('## Security findings to fix first'));
    assert.match(section, /\*\*error\*\* \[base44\/functions\/archiveStaleDeals\/entry\.ts:18\]/);
  });

  it('says so when there is nothing to plan', async () => {
    const empty = formatMarkdown(await auditExample('express-postgres'), ruleSet.rules);
    assert.match(empty, /No platform touch points were found/);
    assert.match(empty, /No open security findings/);
  });
});
