// `npm run bench -- --load [--runs N]`: the language server under load, driven over stdio as VS Code
// drives it (one pull in flight per document, cancelled and repeated when the text changes). Figures,
// not a test. Each run starts a fresh server on a fresh workspace and measures
//   1. a burst: 300 didChange sent back to back on a 3,000-line file with a platform call every tenth
//      line → time from the burst's start to the final diagnostics, the server's RSS growth, and the
//      latency of hovers sent every 50 ms meanwhile;
//   2. typing at 10 characters a second for 3 s and for 6 s in a 5,000-line file with 5,000 findings
//      → lag of the final diagnostics after the last keystroke;
//   3. a storm: 360 files changed on disk at once (didChangeWatchedFiles) → time until a pull and a
//      hover on an open document are answered, and the server's peak RSS.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

const BURST_EDITS = 300;
const STORM_FILES = 360;

export async function runLoadBench(root, args) {
  const runs = Number(args[args.indexOf('--runs') + 1]) || 3;
  // `--only burst,typing,storm`: some scenarios only (the others print nothing).
  const only = args.includes('--only') ? new Set(args[args.indexOf('--only') + 1].split(',')) : undefined;
  const wanted = (name) => !only || only.has(name);
  const client = await import(join(root, 'out', 'test', 'helpers', 'lspClient.js'));
  console.log(
    `machine: ${cpus().length} × ${cpus()[0].model.trim()}, node ${process.version}; ${runs} run(s), a fresh server each`,
  );
  for (let run = 1; run <= runs; run++) {
    const dir = makeWorkspace(root);
    const server = await client.startServer(dir);
    await client.waitForLog(server, /indexed .* files/, 60_000);
    const burst = wanted('burst') ? await burstScenario(client, server, dir) : undefined;
    const typing = wanted('typing')
      ? [await typingScenario(client, server, dir, 3000), await typingScenario(client, server, dir, 6000)]
      : [];
    const storm = wanted('storm') ? await stormScenario(client, server, dir) : undefined;
    if (args.includes('--logs')) console.log(server.logs.filter((l) => l.includes('timing')).join('\n'));
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
    console.log(`run ${run}:`);
    if (burst)
      console.log(
        `  burst of ${BURST_EDITS} edits, ${burst.lines} lines: final diagnostics ${ms(burst.finalMs)} after the ` +
          `burst started (${burst.pulls} pulls answered, ${burst.cancelled} cancelled); RSS ${burst.rssBefore} → ` +
          `peak ${burst.rssPeak} MB (+${burst.rssPeak - burst.rssBefore}; +${burst.rssSettled - burst.rssBefore} ` +
          `a second later); hover during the burst median ${ms(burst.hoverMedian)}, max ${ms(burst.hoverMax)} ` +
          `over ${burst.hovers}`,
      );
    for (const t of typing)
      console.log(
        `  typing ${t.seconds} s at 10 chars/s, ${t.findings} findings: final diagnostics ${ms(t.lagMs)} after ` +
          `the last keystroke (${t.pulls} pulls answered, ${t.cancelled} cancelled); RSS peak ` +
          `+${t.rssPeak - t.rssBefore} MB (+${t.rssSettled - t.rssBefore} a second later)`,
      );
    if (storm)
      console.log(
        `  storm of ${storm.files} files changed on disk: open document's pull answered ${ms(storm.pullMs)}, ` +
          `hover ${ms(storm.hoverMs)} after it; RSS ${storm.rssBefore} → peak ${storm.rssPeak} MB`,
      );
  }
}

const ms = (n) => `${Math.round(n)} ms`;

/** A small app (the examples, copied five times: 440 files) and the two large files. */
function makeWorkspace(root) {
  const dir = mkdtempSync(join(tmpdir(), 'lockin-load-'));
  for (let copy = 0; copy < 5; copy++) cpSync(join(root, 'examples'), join(dir, `apps${copy}`), { recursive: true });
  mkdirSync(join(dir, 'big'));
  writeFileSync(join(dir, 'big', 'burst.ts'), platformFile(3000, 10));
  writeFileSync(join(dir, 'big', 'typing.ts'), platformFile(5000, 1));
  return dir;
}

/** A Supabase query every `every`-th line; the middle query has a comment before it to type into. */
export function platformFile(lines, every) {
  const out = [
    `import { createClient } from '@supabase/supabase-js'`,
    `const supabase = createClient('https://x.supabase.co', 'anon')`,
  ];
  for (let i = 0; out.length < lines; i++) {
    const comment = out.length === Math.floor(lines / 2) ? '/* typed: */ ' : '';
    if (out.length % every === 0)
      out.push(`export const q${i} = () => ${comment}supabase.from('t${i % 40}').select('*')`);
    else out.push(`export const n${i} = (a: number) => a * ${i} + ${i % 7}`);
  }
  return out.join('\n') + '\n';
}

/** Resident set of the server process in MB, and a sampler of its peak. */
function rssOf(pid) {
  const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : 0;
}

function sampleRss(pid) {
  const sampler = { before: rssOf(pid), peak: 0 };
  sampler.peak = sampler.before;
  const timer = setInterval(() => (sampler.peak = Math.max(sampler.peak, rssOf(pid))), 10);
  sampler.stop = async () => {
    clearInterval(timer);
    sampler.peak = Math.max(sampler.peak, rssOf(pid));
    await new Promise((r) => setTimeout(r, 1000)); // what stays once the work is done
    sampler.settled = rssOf(pid);
    return sampler;
  };
  return sampler;
}

function open(server, uri, text) {
  server.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'typescript', version: 1, text },
  });
}

function insert(server, uri, version, line, character, text) {
  const at = { line, character };
  server.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version },
    contentChanges: [{ range: { start: at, end: at }, text }],
  });
}

async function timed(promise) {
  const t = performance.now();
  await promise;
  return performance.now() - t;
}

const hover = (server, uri, line, character) =>
  server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } });

async function burstScenario(client, server, dir) {
  const uri = client.uriOf(dir, 'big/burst.ts');
  const text = readFileSync(join(dir, 'big/burst.ts'), 'utf8');
  open(server, uri, text);
  const puller = new client.EditorPuller(server, uri);
  puller.changed();
  await puller.idle();
  const rss = sampleRss(server.process.pid);
  const started = performance.now();
  // As a formatter re-indents: each edit indents one platform line (10, 20, …) by two spaces.
  const lines = text.split('\n');
  const queryLines = lines.flatMap((l, n) => (l.includes('supabase.from') ? [n] : []));
  for (let i = 0; i < BURST_EDITS; i++) {
    const line = queryLines[i % queryLines.length];
    insert(server, uri, i + 2, line, 0, '  ');
    lines[line] = `  ${lines[line]}`;
    puller.changed();
  }
  const hovers = [];
  const hoverLog = [];
  let done = false;
  const hovering = (async () => {
    while (!done) {
      const sent = performance.now() - started;
      const took = await timed(hover(server, uri, 20, 30));
      hovers.push(took);
      hoverLog.push(`${Math.round(sent)}+${Math.round(took)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  await puller.idle();
  const finalMs = puller.received.at(-1).at - started;
  done = true;
  await hovering;
  await rss.stop();
  const queries = puller.latest().filter((d) => d.code === 'supabase/query-builder');
  const placed = queries.filter((d) => lines[d.range.start.line].indexOf('supabase.from') === d.range.start.character);
  if (placed.length !== queryLines.length)
    throw new Error(
      `burst: ${placed.length} of the final diagnostics are where the final text has its ${queryLines.length} queries`,
    );
  server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  const sorted = [...hovers].sort((a, b) => a - b);
  if (process.argv.includes('--logs')) console.log(`hovers (sent at + answered after, ms): ${hoverLog.join(' ')}`);
  return {
    lines: 3000,
    finalMs,
    pulls: puller.received.length - 1,
    cancelled: puller.cancelled,
    rssBefore: rss.before,
    rssPeak: rss.peak,
    rssSettled: rss.settled,
    hovers: hovers.length,
    hoverMedian: sorted[Math.floor(sorted.length / 2)],
    hoverMax: sorted.at(-1),
  };
}

/** Types `seconds` × 10 characters into the comment before the middle query, 100 ms apart. */
async function typingScenario(client, server, dir, durationMs) {
  const uri = client.uriOf(dir, 'big/typing.ts');
  const text = readFileSync(join(dir, 'big/typing.ts'), 'utf8');
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('/* typed: '));
  const column = lines[line].indexOf('/* typed: ') + '/* typed: '.length;
  open(server, uri, text);
  const puller = new client.EditorPuller(server, uri);
  puller.changed();
  await puller.idle();
  const findings = puller.latest().length;
  const rss = sampleRss(server.process.pid);
  const keystrokes = durationMs / 100;
  let last = 0;
  for (let k = 0; k < keystrokes; k++) {
    insert(server, uri, k + 2, line, column + k, 'x');
    puller.changed();
    last = performance.now();
    await new Promise((r) => setTimeout(r, 100));
  }
  await puller.idle();
  await rss.stop();
  const expected = lines[line].indexOf('supabase.from') + keystrokes;
  if (!puller.latest().some((d) => d.range.start.line === line && d.range.start.character === expected))
    throw new Error('typing: the final diagnostics are not those of the final text');
  server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  return {
    seconds: durationMs / 1000,
    findings,
    lagMs: puller.received.at(-1).at - last,
    pulls: puller.received.length - 1,
    cancelled: puller.cancelled,
    rssBefore: rss.before,
    rssPeak: rss.peak,
    rssSettled: rss.settled,
  };
}

/** 360 files of the copied apps rewritten on disk (as a checkout does) while one file is open. */
async function stormScenario(client, server, dir) {
  const openRel = 'apps0/supabase-app/src/features/notes.ts';
  const uri = client.uriOf(dir, openRel);
  open(server, uri, readFileSync(join(dir, openRel), 'utf8'));
  await client.pull(server, uri);
  const files = listFiles(dir)
    .filter((rel) => rel !== openRel && /\.(ts|tsx|js|jsx|json|sql|rules)$/.test(rel))
    .slice(0, STORM_FILES);
  for (const [n, rel] of files.entries()) {
    const path = join(dir, rel);
    const before = readFileSync(path, 'utf8');
    writeFileSync(path, rel.endsWith('.json') ? before : `${before}\n// checkout ${n}\n`);
  }
  const rss = sampleRss(server.process.pid);
  const started = performance.now();
  server.connection.sendNotification('workspace/didChangeWatchedFiles', {
    changes: files.map((rel) => ({ uri: client.uriOf(dir, rel), type: 2 })),
  });
  const pulled = client.pull(server, uri).then(() => performance.now() - started);
  const hovered = hover(server, uri, 3, 40).then(() => performance.now() - started);
  const [pullMs, hoverMs] = await Promise.all([pulled, hovered]);
  await new Promise((r) => setTimeout(r, 500)); // the rest of the storm, for the peak
  await rss.stop();
  return { files: files.length, pullMs, hoverMs, rssBefore: rss.before, rssPeak: rss.peak };
}

function listFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}
