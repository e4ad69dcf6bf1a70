// The cost model against a rewrite, per app of the real-app corpus (docs/cost-model.md, "On real
// apps"): files touching the platforms (code, configuration, rules, SQL), their touched lines (the
// units holding the findings, as the model's rewrite bound counts them), the estimate, high ÷ low,
// high ÷ a from-scratch rewrite of the touched lines at the calibrated rate, and which terms take
// the estimate past 1.5× that rewrite. Like `npm run corpus`, a developer's measurement: it needs
// the corpus extracted (test/corpus/README.md) and is not run in CI.
//
//   node scripts/corpus-cost.mjs [CORPUS_DIR] [--only name,name] [--markdown] [--save DIR | --from DIR]
//
// --save DIR keeps each app's JSON audit; --from DIR re-prices saved audits with the built model
// (out/), without scanning again: for iterating on weights and formulas.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const here = new URL('..', import.meta.url).pathname;
const options = { only: { type: 'string' }, markdown: { type: 'boolean' }, save: { type: 'string' }, from: { type: 'string' } };
const { values, positionals } = parseArgs({ allowPositionals: true, options });
const corpus = positionals[0] ?? process.env.LOCKIN_CORPUS ?? '/work/corpus';
const manifest = JSON.parse(readFileSync(join(here, 'test/corpus/manifest.json'), 'utf8'));
const only = values.only ? new Set(values.only.split(',')) : undefined;
const calibration = JSON.parse(readFileSync(join(here, 'rules/calibration.json'), 'utf8'));
const rate = calibration.rewrite.linesPerHour;
const MOVES = new Set(['data', 'identity', 'stored-files']);
const model = values.from ? createRequire(import.meta.url)(join(here, 'out/server/src/engine/cost/index.js')) : undefined;

/** The public account each app is closest to, by its largest platform (docs/cost-model.md). */
const ACCOUNTS = {
  appwrite: '— (no public account; Firestore-like shape, #1)',
  amplify: '— (no public account; Cognito without hashes)',
  base44: '#9 (Base44 → Next.js + Supabase)',
  cloudflare: '#11 (hosting) plus a data move',
  convex: '— (no public account; document store, #1)',
  firebase: '#1 / #3 (Firestore out, by where the calls sit)',
  netlify: '#11 (hosting-only)',
  pocketbase: '— (no public account; SQLite copy)',
  supabase: '#6, #7 (leaving Supabase: RLS and auth.*)',
  vercel: '#11 (hosting-only)',
};

function auditOf(name, root) {
  if (values.from) {
    const report = JSON.parse(readFileSync(join(values.from, `${name}.json`), 'utf8'));
    return { ...report, cost: model.estimateCost(report.findings) };
  }
  const out = execFileSync(process.execPath, [join(here, 'bin/lockin-lens.js'), 'audit', root, '--format', 'json'], { maxBuffer: 1 << 30 });
  if (values.save) {
    mkdirSync(values.save, { recursive: true });
    writeFileSync(join(values.save, `${name}.json`), out);
  }
  return JSON.parse(out.toString());
}

/** Lines of the distinct units holding lock-in findings, per file, overlaps counted once (cost/bound.ts). */
function touchedLines(findings) {
  const spans = new Map();
  for (const f of findings) if (f.kind === 'lockin' && f.unit) spans.set(f.file, [...(spans.get(f.file) ?? []), [f.unit.line, f.unit.endLine]]);
  let total = 0;
  for (const list of spans.values()) {
    list.sort((a, b) => a[0] - b[0]);
    let [start, end] = list[0];
    for (const [s, e] of list.slice(1)) {
      if (s <= end + 1) end = Math.max(end, e);
      else [total, start, end] = [total + end - start + 1, s, e];
    }
    total += end - start + 1;
  }
  return { files: spans.size, lines: total };
}

/** likely + √Σ up² over terms, their swings added name by name (cost/uncertainty.ts). */
function highOf(terms) {
  const up = new Map();
  for (const t of terms) for (const s of t.swings) up.set(s.name, (up.get(s.name) ?? 0) + s.up);
  return terms.reduce((s, t) => s + t.likely, 0) + Math.sqrt([...up.values()].reduce((s, x) => s + x * x, 0));
}

const rows = [];
for (const app of manifest) {
  if (only && !only.has(app.name)) continue;
  const root = join(corpus, app.name);
  if (!values.from && !existsSync(root)) {
    console.error(`missing: ${root} (see test/corpus/README.md to extract it)`);
    process.exitCode = 1;
    continue;
  }
  const report = auditOf(app.name, root);
  const cost = report.cost;
  const { files, lines } = touchedLines(report.findings);
  const rewrite = lines / rate;
  const terms = cost.platforms.flatMap((p) => p.categories.flatMap((c) => c.terms.map((t) => ({ ...t, category: c.category }))));
  const moves = terms.filter((t) => MOVES.has(t.kind));
  const workHigh = highOf(terms.filter((t) => !MOVES.has(t.kind)));
  const ratio = rewrite > 0 ? cost.total.high / rewrite : 0;
  const byKind = new Map();
  for (const t of moves) byKind.set(t.kind, (byKind.get(t.kind) ?? 0) + t.hours.high);
  const named = { data: 'data', identity: 'accounts', 'stored-files': 'stored files' };
  const explanation = ratio <= 1.5 ? 'within' :
    [...byKind].sort((a, b) => b[1] - a[1]).map(([k, h]) => `${named[k]} ${Math.round(h)} h`).join(', ') || 'NOT EXPLAINED';
  rows.push({
    app: app.name,
    platforms: cost.platforms.map((p) => p.platform).join(', '),
    files,
    lines,
    likely: cost.likely,
    low: cost.total.low,
    high: cost.total.high,
    widthRatio: cost.total.low > 0 ? cost.total.high / cost.total.low : 0,
    ratio,
    // The high end of the work alone (everything but the moves) over the rewrite: bounded at the slow pace.
    workRatio: rewrite > 0 ? workHigh / rewrite : 0,
    // Accounted for when the high end less the moves' share of it is within 1.5× the rewrite.
    explained: ratio <= 1.5 || workHigh <= 1.5 * rewrite,
    explanation,
    provisional: cost.provisional,
    account: ACCOUNTS[cost.platforms[0]?.platform] ?? '—',
  });
}

const f1 = (n) => n.toFixed(1);
const h = (n) => (n > 0 && n < 1 ? n.toFixed(1) : Math.round(n)); // tenths under an hour, not "0 h"
const header = ['app', 'platforms', 'files touching', 'touched lines', 'estimate (likely, range)', 'high ÷ low',
  'high ÷ rewrite', 'work high ÷ rewrite', 'past 1.5× by (high ends)', 'closest account'];
const cells = (r) => [r.app, r.platforms, r.files, r.lines,
  `${h(r.likely)} h (${h(r.low)}–${h(r.high)} h)${r.provisional ? ', provisional' : ''}`,
  f1(r.widthRatio), f1(r.ratio), f1(r.workRatio), r.explanation, r.account];
if (values.markdown) {
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${cells(r).join(' | ')} |`);
} else {
  console.log(header.join('\t'));
  for (const r of rows) console.log(cells(r).join('\t'));
}
const wide = rows.filter((r) => r.widthRatio > 2.5).map((r) => r.app);
const past = rows.filter((r) => r.ratio > 1.5);
const unexplained = past.filter((r) => !r.explained).map((r) => `${r.app}${r.provisional ? ' (provisional)' : ''}`);
console.log(`\n${rows.length} apps; rewrite rate ${rate} lines/h. high ÷ low > 2.5: ${wide.join(', ') || 'none'}. ` +
  `high > 1.5 × rewrite: ${past.length} apps, not accounted for by data, account or stored-file moves: ` +
  `${unexplained.join(', ') || 'none'}.`);
