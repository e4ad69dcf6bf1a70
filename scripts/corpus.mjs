// `npm run corpus -- [DIR] [options]`: accuracy and speed on the real-app corpus (test/corpus/).
// Checks that every app of the manifest is extracted at its pinned commit, audits each one with
// the built CLI and scores the report against the hand labels (test/corpus/README.md); times the
// audit, ast-grep with our peer rules and a parse-only pass alternately, per app and over the whole
// folder; then starts the language server on the whole folder. Figures, not a test.
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  checkApps,
  danglingLabels,
  extraFolders,
  InputError,
  loadLabels,
  loadManifest,
  parseOptions,
  USAGE,
  UsageError,
} from './lib/corpusInput.mjs';
import { firstWorkspaceReport } from './lib/corpusLsp.mjs';
import {
  accuracyTable,
  categoryTable,
  familyTable,
  gridTable,
  lspLines,
  missLines,
  speedTable,
} from './lib/corpusPrint.mjs';
import { privateCache, timeFolder, tools } from './lib/corpusRuns.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = (path) => createRequire(import.meta.url)(join(root, 'out', 'test', 'corpus', path));
const { labelFileProblems, scoreApp } = built('score.js');
const { byAppKeys, byCategory, byFamily, byPlatform, lockinGrid, precision, recall, tallyBy, total } =
  built('tally.js');

const progress = (text) => process.stderr.write(`${text}\n`);

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError) {
    if (e.message) console.error(`corpus: ${e.message}\n`);
    console.error(USAGE);
    process.exitCode = e.message ? 2 : 0;
  } else if (e instanceof InputError) {
    console.error(`corpus: ${e.message}`);
    process.exitCode = 2;
  } else {
    throw e;
  }
}

async function main(argv) {
  const options = parseOptions(argv, root);
  const manifest = loadManifest(options.manifest, options.only, root);
  if (manifest.length === 0) throw new InputError(`the manifest ${options.manifest} lists no apps`);
  const problems = checkApps(options.dir, manifest);
  if (problems.length) {
    console.error(
      `corpus: ${problems.length} of ${manifest.length} apps cannot be scored:\n  ${problems.join('\n  ')}`,
    );
    return 2;
  }
  const labels = loadLabels(options.labels, manifest, labelFileProblems);
  const cache = privateCache();
  try {
    return await measureAll(options, manifest, labels, cache);
  } finally {
    cache.remove();
  }
}

async function measureAll(options, manifest, labels, cache) {
  const kit = tools(root, cache);
  const apps = [];
  for (const entry of manifest) {
    const dir = join(options.dir, entry.name);
    progress(`${entry.name}: ${options.runs} run${options.runs > 1 ? 's' : ''}…`);
    const timed = await timeFolder(kit, dir, options);
    const score = scoreApp(labels.get(entry.name), timed.report.findings);
    apps.push({ ...entry, ...timed, score, dangling: danglingLabels(dir, labels.get(entry.name)) });
  }
  const whole = options.whole && !options.only ? await timeWhole(kit, options, manifest) : undefined;
  if (options.lsp && !options.only) progress('language server on the whole folder…');
  const lsp = options.lsp && !options.only ? await serverRuns(options.dir, cache) : undefined;
  const figures = summarize(apps, whole, lsp, options);
  if (options.json) console.log(JSON.stringify({ ...figures, groups: undefined }, null, 2));
  else printText(figures, apps, options);
  return 0;
}

/** The language server on the whole folder: opened first (no scan pack), then reopened (the pack it wrote). */
async function serverRuns(dir, cache) {
  cache.forgetScans();
  const first = await firstWorkspaceReport(root, dir);
  progress('language server reopened on the whole folder…');
  return { ...first, reopened: await firstWorkspaceReport(root, dir) };
}

async function timeWhole(kit, options, manifest) {
  const extra = extraFolders(options.dir, manifest);
  if (extra.length)
    progress(`note: the whole-folder runs also read folders the manifest does not list: ${extra.join(', ')}`);
  progress(`whole folder ${options.dir}: ${options.runs} run${options.runs > 1 ? 's' : ''}…`);
  const timed = await timeFolder(kit, options.dir, options);
  return { name: '(whole folder)', ...timed, extra };
}

function summarize(apps, whole, lsp, options) {
  const scores = apps.map((a) => a.score);
  const frameworksOf = new Map(apps.map((a) => [a.name, a.frameworks]));
  const object = (map) => Object.fromEntries([...map].map(([k, t]) => [k, withRates(t)]));
  const speed = (r) => ({
    files: r.report.stats.files,
    bytes: r.report.stats.bytes,
    findings: r.report.findings.length,
    engineMs: r.report.stats.ms,
    audit: r.audit,
    warmAudit: r.warmAudit,
    astGrep: r.astGrep,
    parseOnly: r.parseOnly,
  });
  return {
    dir: options.dir,
    runs: options.runs,
    machine: `${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
    apps: apps.map((a) => ({
      name: a.name,
      platforms: a.platforms,
      frameworks: a.frameworks,
      ...speed(a),
      accuracy: withRates(total([a.score])),
      misses: missLines(a.name, a.score, a.dangling),
    })),
    total: withRates(total(scores)),
    byPlatform: object(tallyBy(scores, byPlatform)),
    byFramework: object(byAppKeys(scores, (app) => frameworksOf.get(app))),
    byFamily: object(tallyBy(scores, byFamily)),
    byPlatformFramework: gridObject(lockinGrid(scores, (app) => frameworksOf.get(app))),
    byCategory: object(tallyBy(scores, byCategory)),
    whole: whole && { ...speed(whole), extraFolders: whole.extra },
    lsp,
    groups: { scores, frameworksOf },
  };
}

/** The grid as JSON: platform → framework → { labels, found, recall }. */
function gridObject(grid) {
  const cells = (row) => Object.fromEntries([...row].map(([fw, c]) => [fw, { ...c, recall: recall(c) }]));
  return Object.fromEntries([...grid].map(([platform, row]) => [platform, cells(row)]));
}

function withRates(t) {
  return { ...t, lockinRecall: recall(t.lockin), securityRecall: recall(t.security), precisionRate: precision(t) };
}

function printText(figures, apps, options) {
  const { scores, frameworksOf } = figures.groups;
  const totalTally = total(scores);
  const out = [`corpus ${figures.dir}: ${apps.length} apps; machine: ${figures.machine}`, ''];
  const perApp = new Map(apps.map((a) => [a.name, total([a.score])]));
  out.push(accuracyTable('accuracy per app', 'app', perApp, totalTally, precision), '');
  out.push(
    accuracyTable(
      'per platform (labels by their platform, findings by theirs)',
      'platform',
      tallyBy(scores, byPlatform),
      totalTally,
      precision,
    ),
    '',
  );
  out.push(
    accuracyTable(
      'per framework (an app counts under each of its frameworks)',
      'framework',
      byAppKeys(scores, (app) => frameworksOf.get(app)),
      totalTally,
      precision,
    ),
    '',
  );
  out.push(gridTable(lockinGrid(scores, (app) => frameworksOf.get(app))), '');
  out.push(familyTable(tallyBy(scores, byFamily)), '', categoryTable(tallyBy(scores, byCategory), precision), '');
  const runsNote = `medians of ${options.runs} run${options.runs > 1 ? 's' : ''} each, alternating`;
  out.push(`speed and memory per app (${runsNote}; wall time from spawn to exit; peak RSS of the process)`);
  const rows = [
    ...figures.apps,
    sumOfApps(figures.apps),
    ...(figures.whole ? [{ name: '(whole folder)', ...figures.whole }] : []),
  ];
  out.push(speedTable(rows), '');
  if (figures.whole?.extraFolders.length)
    out.push(
      `(the whole folder also holds ${figures.whole.extraFolders.join(', ')}, which the manifest does not list)`,
      '',
    );
  out.push(...wholeLines(figures.whole), ...lspLines(figures.lsp));
  if (options.misses) out.push('', 'misses:', ...apps.flatMap((a) => missLines(a.name, a.score, a.dangling)));
  else if (apps.some((a) => a.dangling.length)) out.push('', 'some labels point at files the apps lack: see --misses');
  console.log(out.join('\n'));
}

/** A speed row for all apps: sizes and times summed, peak RSS the largest. */
function sumOfApps(apps) {
  const sum = (pick) => apps.reduce((s, a) => s + (pick(a) ?? 0), 0);
  const max = (pick) => Math.max(...apps.map((a) => pick(a) ?? 0));
  const tool = (key) =>
    apps[0][key]
      ? { ms: sum((a) => a[key].ms), rssMb: max((a) => a[key].rssMb), approximate: apps[0][key].approximate }
      : undefined;
  return {
    name: '(all apps: sum, RSS max)',
    files: sum((a) => a.files),
    bytes: sum((a) => a.bytes),
    engineMs: sum((a) => a.engineMs),
    audit: tool('audit'),
    warmAudit: tool('warmAudit'),
    astGrep: tool('astGrep'),
    parseOnly: tool('parseOnly'),
  };
}

/** The whole folder's figures in words, with what the peers did there. */
function wholeLines(whole) {
  if (!whole) return [];
  const ratios = (w) =>
    `audit÷ast-grep ${(w.audit.ms / w.astGrep.ms).toFixed(2)}×, audit÷parse-only ${(w.audit.ms / w.parseOnly.ms).toFixed(2)}×`;
  const warm = whole.warmAudit;
  const second =
    `whole folder, second audit from the scan pack: ${warm.ms} ms ` +
    `(${Math.round((warm.ms / whole.audit.ms) * 100)} % of the first), peak RSS ${warm.rssMb} MB`;
  if (!whole.astGrep) return [`whole folder: audit ${whole.audit.ms} ms, peak RSS ${whole.audit.rssMb} MB`, second];
  return [
    `whole folder: audit ${whole.audit.ms} ms (${whole.findings} findings), ast-grep ${whole.astGrep.ms} ms ` +
      `(${whole.astGrep.matches} matches), parse-only ${whole.parseOnly.ms} ms (${whole.parseOnly.files} files, ` +
      `${whole.parseOnly.mb} MB): ${ratios(whole)}`,
    second,
  ];
}
