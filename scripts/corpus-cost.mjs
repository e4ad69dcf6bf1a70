// The cost model against a rewrite, per app of the real-app corpus (docs/cost-model.md, "On real
// apps"): code files touching each platform, their lines, the estimate, high ÷ low, and high ÷ a
// from-scratch rewrite of those files at the calibrated rate. Like `npm run corpus`, a developer's
// measurement: it needs the corpus extracted (test/corpus/README.md) and is not run in CI.
//
//   node scripts/corpus-cost.mjs [CORPUS_DIR] [--only name,name] [--markdown]

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const here = new URL('..', import.meta.url).pathname;
const { values, positionals } = parseArgs({ allowPositionals: true, options: { only: { type: 'string' }, markdown: { type: 'boolean' } } });
const corpus = positionals[0] ?? process.env.LOCKIN_CORPUS ?? '/work/corpus';
const manifest = JSON.parse(readFileSync(join(here, 'test/corpus/manifest.json'), 'utf8'));
const only = values.only ? new Set(values.only.split(',')) : undefined;
const calibration = JSON.parse(readFileSync(join(here, 'rules/calibration.json'), 'utf8'));
const rate = calibration.rewrite.linesPerHour;
const CODE = /\.(?:[cm]?[jt]sx?|vue|svelte|astro)$/i;
const MOVES = new Set(['data', 'identity', 'stored-files']);

const rows = [];
for (const app of manifest) {
  if (only && !only.has(app.name)) continue;
  const root = join(corpus, app.name);
  if (!existsSync(root)) {
    console.error(`missing: ${root} (see test/corpus/README.md to extract it)`);
    process.exitCode = 1;
    continue;
  }
  const out = execFileSync(process.execPath, [join(here, 'bin/lockin-lens.js'), 'audit', root, '--format', 'json'], { maxBuffer: 1 << 30 });
  const report = JSON.parse(out.toString());
  const files = new Set(report.findings.filter((f) => f.kind === 'lockin' && CODE.test(f.file)).map((f) => f.file));
  let lines = 0;
  for (const f of files) lines += readFileSync(join(root, f), 'utf8').split('\n').length;
  const cost = report.cost;
  const rewrite = lines / rate;
  const terms = cost.platforms.flatMap((p) => p.categories.flatMap((c) => c.terms.map((t) => ({ ...t, category: c.category }))));
  const moves = terms.filter((t) => MOVES.has(t.kind)).reduce((s, t) => s + t.likely, 0);
  const movesHigh = terms.filter((t) => MOVES.has(t.kind)).reduce((s, t) => s + t.hours.high, 0);
  // Configuration, Security Rules and hosting: outside the rewrite bound, as in cost/platformBound.ts.
  const inCode = new Map();
  for (const f of report.findings) inCode.set(f.ruleId, (inCode.get(f.ruleId) ?? true) && CODE.test(f.file));
  const isConfig = (t) => !MOVES.has(t.kind) && (t.category === 'hosting' || t.category === 'config' || (t.kind === 'items' && !inCode.get(t.ruleId)));
  const config = terms.filter(isConfig).reduce((s, t) => s + t.likely, 0);
  const configHigh = terms.filter(isConfig).reduce((s, t) => s + t.hours.high, 0);
  rows.push({
    app: app.name,
    platforms: cost.platforms.map((p) => p.platform).join(', '),
    files: files.size,
    lines,
    likely: cost.likely,
    low: cost.total.low,
    high: cost.total.high,
    widthRatio: cost.total.low > 0 ? cost.total.high / cost.total.low : 0,
    rewrite,
    highOverRewrite: rewrite > 0 ? cost.total.high / rewrite : 0,
    moves,
    config,
    // What the rewrite must account for: the high figure less the high ends of the work outside the bound.
    codeHighOverRewrite: rewrite > 0 ? Math.max(0, cost.total.high - movesHigh - configHigh) / rewrite : 0,
    provisional: cost.provisional,
  });
}

const f1 = (n) => n.toFixed(1);
const header = ['app', 'platforms', 'code files touching', 'their lines', 'estimate (likely, range)', 'high ÷ low', 'high ÷ rewrite', 'data/accounts/files moves', 'config, rules, hosting', '(high − their highs) ÷ rewrite'];
const cells = (r) => [r.app, r.platforms, r.files, r.lines, `${Math.round(r.likely)} h (${Math.round(r.low)}–${Math.round(r.high)} h)${r.provisional ? ', provisional' : ''}`, f1(r.widthRatio), f1(r.highOverRewrite), `${Math.round(r.moves)} h`, `${Math.round(r.config)} h`, f1(r.codeHighOverRewrite)];
if (values.markdown) {
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${cells(r).join(' | ')} |`);
} else {
  console.log(header.join('\t'));
  for (const r of rows) console.log(cells(r).join('\t'));
}
const wide = rows.filter((r) => r.widthRatio > 2.5).map((r) => r.app);
const over = rows.filter((r) => r.highOverRewrite > 1.5 && r.codeHighOverRewrite > 1.5).map((r) => `${r.app}${r.provisional ? ' (provisional)' : ''}`);
console.log(`\n${rows.length} apps; rewrite rate ${rate} lines/h. high ÷ low > 2.5: ${wide.join(', ') || 'none'}. ` +
  `high > 1.5 × rewrite not accounted for by moves or configuration: ${over.join(', ') || 'none'}.`);
