// `npm run bench [-- --files N] [--runs N] [--dense] [--edits-only] [--edits N] [--keep]`: figures, not a test.
// Builds a synthetic workspace from the example apps plus real third-party JavaScript from
// node_modules (`--dense`: the example apps alone, copied until there are N files, so that every
// file is platform code and the prefilter skips nothing), then measures
//   1. the audit (wall ms, MB/s, peak RSS, CPU time; cold: without the scan cache) against a
//      parse-only baseline over the same files (the JS/TS files the audit's own walker reads),
//   2. the language server's edit loop on a 5,000-line file (edit → fresh diagnostics),
//   3. start-up: initialize → first diagnostics of an open file.
// `npm run bench -- --load [--runs N]` measures the language server under load instead (bench-load.mjs);
// `--load --blocks` how long one analysis holds the server without a pause (bench-blocks.mjs);
// `--load --edit-cpu` the engine's CPU per edit of a 5,000-finding file, in-process (bench-edit-cpu.mjs).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { platformFile } from './bench-load.mjs';
import { engineModule, runParseOnly } from './lib/parseOnly.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The engine as built by tsc: the audit's own walker decides which files the baseline parses.
const { PRUNED_DIRS } = engineModule(root, 'workspace/walk.js');
const args = process.argv.slice(2);
// `--load`: the language server under load (bench-load.mjs) instead of the figures below.
if (args.includes('--load')) {
  if (args.includes('--blocks')) await (await import('./bench-blocks.mjs')).runBlocksBench(root, args);
  else if (args.includes('--edit-cpu')) await (await import('./bench-edit-cpu.mjs')).runEditCpuBench(root, args);
  else await (await import('./bench-load.mjs')).runLoadBench(root, args);
  process.exit(0);
}
const wanted = Number(args[args.indexOf('--files') + 1]) || 6000;
/** Edits per file in the edit loop (see editLoop); `--edits N` for fewer on a loaded machine. */
const EDITS = Number(args[args.indexOf('--edits') + 1]) || 200;

const dense = args.includes('--dense');
const workspace = makeWorkspace(wanted, dense);
const sizes = measureFiles(workspace);
console.log(
  `machine: ${cpus().length} × ${cpus()[0].model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
);
console.log(
  `workspace${dense ? ' (dense: example apps only)' : ''}: ${sizes.files} files, ` +
    `${(sizes.bytes / 2 ** 20).toFixed(1)} MB (${sizes.code} JS/TS) in ${workspace}`,
);

// `--edits-only` skips the audit figures (for working on the language server); `--runs N` sets how
// many times the audit and the baseline run.
if (!args.includes('--edits-only')) measureAudit();

function measureAudit() {
  // Each measured several times, alternately, so that both see the same machine; medians are shown.
  const runs = Number(args[args.indexOf('--runs') + 1]) || 3;
  const audits = [];
  const parses = [];
  for (let i = 0; i < runs; i++) {
    audits.push(runAudit(workspace));
    parses.push(runParseOnly(root, workspace));
  }
  const audit = median(audits);
  const parse = median(parses);
  const serial = runAudit(workspace, ['--workers', '0']);
  console.log(
    `audit:      ${audit.ms} ms wall (median of ${runs}: ${audits.map((a) => a.ms).join(', ')}), ` +
      `${(sizes.bytes / 2 ** 20 / (audit.ms / 1000)).toFixed(1)} MB/s, peak RSS ${audit.rssMb} MB, ${audit.cpuMs} ` +
      `ms CPU, ${audit.findings} findings, ${audit.scanned} files scanned`,
  );
  console.log(`  (--workers 0: ${serial.ms} ms wall, peak RSS ${serial.rssMb} MB)`);
  console.log(
    `parse-only: ${parse.ms} ms wall (median of ${runs}: ${parses.map((p) => p.ms).join(', ')}; TypeScript ` +
      `createSourceFile over the ${parse.files} JS/TS files the audit reads, ${parse.mb} MB, one thread)`,
  );
  console.log(
    `audit ÷ parse-only: ${(audit.ms / parse.ms).toFixed(2)} (audit CPU ÷ parse-only wall: ${(audit.cpuMs / parse.ms).toFixed(2)})`,
  );
}

/** The run with the median wall time. */
function median(list) {
  return [...list].sort((a, b) => a.ms - b.ms)[Math.floor(list.length / 2)];
}

const edit = await runEditLoop(workspace);
console.log(
  `start-up: process start → initialize answered ${edit.spawnMs.toFixed(0)} ms; then open a file → its ` +
    `diagnostics ${edit.firstMs.toFixed(0)} ms`,
);
for (const [label, loop] of [
  ['worst-case', edit.worst],
  ['typical', edit.typical],
  ['5,000-finding', edit.dense],
]) {
  console.log(
    `edit → diagnostics, ${label} ${loop.lines}-line file (${loop.findings} diagnostics): round trip median ` +
      `${loop.median.toFixed(1)} ms, p95 ` +
      `${loop.p95.toFixed(1)} ms over ${loop.samples} edits (first edit ${loop.first.toFixed(1)} ms); server ` +
      `median ${loop.serverMedian.toFixed(1)} ms, p95 ${loop.serverP95.toFixed(1)} ms; server CPU ` +
      `${loop.cpuPerEdit.toFixed(1)} ms per edit`,
  );
}
console.log('  (worst case: a platform call every seventh line; typical: third-party code with three platform lines)');
// `--keep` leaves the workspace in place (to profile against it); otherwise 24 MB a run would pile up.
if (!args.includes('--keep')) rmSync(workspace, { recursive: true, force: true });
// The stopped server's last messages must not be answered on a closed stream: nothing is left to do.
process.exit(0);

/**
 * A workspace shaped like a real one: about one file in six is platform code (copies of the example
 * apps), the rest is ordinary JavaScript (third-party sources from node_modules, repeated in
 * further folders when there are not enough of them). `onlyApps`: copies of the example apps alone.
 */
function makeWorkspace(count, onlyApps) {
  const dir = mkdtempSync(join(tmpdir(), 'lockin-bench-'));
  const vendor = onlyApps ? [] : listJs(join(root, 'node_modules')).filter((f) => statSync(f).size < 400_000);
  let made = 0;
  for (let copy = 0; made < (onlyApps ? count : count / 6); copy++) {
    cpSync(join(root, 'examples'), join(dir, `apps${copy}`), { recursive: true });
    made += countFiles(join(dir, `apps${copy}`));
  }
  for (let round = 0; vendor.length > 0 && made < count; round++) {
    for (const file of vendor) {
      if (made >= count) break;
      const target = join(dir, `vendor-src${round}`, asOwnSource(relative(join(root, 'node_modules'), file)));
      mkdirSync(dirname(target), { recursive: true });
      cpSync(file, target);
      made++;
    }
  }
  mkdirSync(join(dir, 'big'), { recursive: true });
  writeFileSync(join(dir, 'big', 'bigFile.ts'), bigFile(5000));
  writeFileSync(join(dir, 'big', 'typical.js'), typicalFile(5000));
  writeFileSync(join(dir, 'big', 'dense.ts'), platformFile(5000, 1));
  return dir;
}

/**
 * A package's path as a project's own source: folders the audit skips as build output (`dist`,
 * `build`, `lib/…` stays) are renamed, so that every copied file is one the audit reads, as the
 * parse-only baseline does. (Copied as they were, 2,150 of the 5,550 files sat in such folders: the
 * baseline parsed twice the code the audit read.)
 */
function asOwnSource(path) {
  return path
    .split(sep)
    .map((part) => (PRUNED_DIRS.has(part) ? `${part}-src` : part))
    .join(sep);
}

/** Ordinary code (third-party source) of about the same length, with three platform lines on top. */
function typicalFile(lines) {
  const head = [
    `import { createClient } from '@supabase/supabase-js'`,
    `const supabase = createClient('https://x.supabase.co', 'anon')`,
    `export async function loadNotes() { const { data } = await supabase.from('notes').select('*'); return data }`,
  ];
  const body = [];
  for (const file of listJs(join(root, 'node_modules')).sort()) {
    if (body.length + head.length >= lines) break;
    body.push(
      ...readFileSync(file, 'utf8')
        .split('\n')
        .map((l) => l.replace(/^#!.*/, '')),
    );
  }
  return [...head, ...body.slice(0, lines - head.length)].join('\n') + '\n';
}

/** Every seventh line a platform call: a worst case for re-checking. */
function bigFile(lines) {
  const out = [
    `import { createClient } from '@supabase/supabase-js'`,
    `const supabase = createClient('https://x.supabase.co', 'anon')`,
  ];
  for (let i = 0; out.length < lines; i++) {
    out.push(
      `export async function load${i}(id: string) {`,
      `  const { data, error } = await supabase.from('table${i % 40}').select('*').eq('id', id)`,
      `  if (error) throw error`,
      `  const total = (data ?? []).reduce((sum, row) => sum + Number(row.amount ?? 0), 0)`,
      `  return { rows: data, total }`,
      `}`,
      '',
    );
  }
  return out.slice(0, lines).join('\n') + '\n';
}

function listJs(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) listJs(path, out);
    else if (/\.(js|mjs|cjs)$/.test(entry.name) && !entry.name.endsWith('.min.js')) out.push(path);
  }
  return out;
}

function countFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).length;
}

function measureFiles(dir) {
  let files = 0,
    bytes = 0,
    code = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
    if (/\.[cm]?[jt]sx?$/.test(entry.name)) code++;
  }
  return { files, bytes, code };
}

/**
 * One cold audit (`--no-cache`: the runs after the first would otherwise read the scans the first
 * one cached). CPU time is user + system of the whole process, helper threads included: on a
 * loaded machine it moves less than the wall time.
 */
function runAudit(dir, extraArgs = []) {
  const script = `const cli = require(${JSON.stringify(join(root, 'dist', 'cli.js'))});
    (async () => {
      const t = performance.now();
      const { report } = await cli.runAudit(cli.parseArgs(${JSON.stringify([dir, '--no-cache', ...extraArgs])}));
    const { userCPUTime, systemCPUTime, maxRSS } = process.resourceUsage();
    console.log(JSON.stringify({
      ms: Math.round(performance.now() - t), cpuMs: Math.round((userCPUTime + systemCPUTime) / 1000), rssMb: Math.round(maxRSS / 1024),
      findings: report.findings.length, scanned: report.stats.files })); })();`;
  const out = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (out.status !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout.trim().split('\n').pop());
}

async function runEditLoop(dir) {
  const { startServer, pull, uriOf, waitForLog } = await import(join(root, 'out', 'test', 'helpers', 'lspClient.js'));
  const started = performance.now();
  process.env.LOCKIN_LENS_TIMING = '1'; // the server logs its own time per update
  const server = await startServer(dir);
  // Start-up: an ordinary file of the workspace, opened as soon as the server answers initialize.
  const initialized = performance.now();
  const firstRel = 'apps0/supabase-app/src/features/notes.ts';
  const firstUri = uriOf(dir, firstRel);
  server.connection.sendNotification('textDocument/didOpen', {
    textDocument: {
      uri: firstUri,
      languageId: 'typescript',
      version: 1,
      text: readFileSync(join(dir, firstRel), 'utf8'),
    },
  });
  await pull(server, firstUri);
  const firstMs = performance.now() - initialized;
  const spawnMs = initialized - started;
  await waitForLog(server, /indexed .* files/, 120_000);
  // Each edit changes the text: the worst case a different function each time, the typical file
  // the number in a comment.
  const worst = await editLoop(server, dir, 'big/bigFile.ts', (text, v) =>
    text.replace('  return { rows: data, total }', `  return { rows: data, total, v: ${v} }`),
  );
  const typical = await editLoop(server, dir, 'big/typical.js', (text, v) =>
    text.replace(/return data(?: \/\* \d+ \*\/)? }/, `return data /* ${v} */ }`),
  );
  // 5,000 findings: a platform query on every line; each edit types one character into a comment.
  const dense = await editLoop(server, dir, 'big/dense.ts', (text, v) =>
    text.replace('/* typed: ', `/* typed: ${v % 10}`),
  );
  await server.stop();
  return { worst, typical, dense, firstMs, spawnMs };
}

/**
 * A typing burst: opens a file and edits it EDITS times, each edit pulled before the next is sent.
 * Medians and p95 are over all edits; the first one (code that has not run yet in this process) is
 * also given alone.
 */
async function editLoop(server, dir, rel, edit) {
  const { pull, uriOf } = await import(join(root, 'out', 'test', 'helpers', 'lspClient.js'));
  const uri = uriOf(dir, rel);
  let text = readFileSync(join(dir, rel), 'utf8');
  server.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: rel.endsWith('.ts') ? 'typescript' : 'javascript', version: 1, text },
  });
  const findings = (await pull(server, uri)).length;
  const times = [];
  const cpuBefore = cpuMsOf(server.process.pid);
  for (let version = 2; version < EDITS + 2; version++) {
    const edited = edit(text, version);
    if (edited === text) throw new Error(`edit ${version} of ${rel} changed nothing`);
    text = edited;
    const t = performance.now();
    server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
    await pull(server, uri);
    times.push(performance.now() - t);
  }
  const cpuPerEdit = (cpuMsOf(server.process.pid) - cpuBefore) / EDITS;
  const pattern = new RegExp(`timing: change ${rel.replace(/[./]/g, '\\$&')} re-checked in ([\\d.]+) ms`);
  const serverTimes = server.logs
    .map((l) => pattern.exec(l)?.[1])
    .filter(Boolean)
    .map(Number);
  const first = times[0];
  const pct = (list, p) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(list.length * p))];
  return {
    lines: text.split('\n').length - 1,
    findings,
    cpuPerEdit,
    samples: times.length,
    first,
    median: pct(times, 0.5),
    p95: pct(times, 0.95),
    serverMedian: pct(serverTimes, 0.5),
    serverP95: pct(serverTimes, 0.95),
  };
}

/**
 * CPU time (user + system) the server process has used, in ms: on a machine other processes share,
 * the figure that moves least from run to run.
 */
function cpuMsOf(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in ticks of 1/100 s
}
