// `npm run fuzz -- --seconds N [--seed S]` (or `-- --replay case.json`): mutates the example apps' files (and makes up random
// ones), scans each mutated app with the engine, and fails on an exception, a hang, a scan slower
// than the bound, or a finding outside its file. Needs `npm run build` first (uses out/).
//
// The engine runs on a worker thread so the main thread can time it: a hang is a failure too.
// A failing case is written to a folder (printed) and can be replayed with its seed.

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The stack of the thread the engine runs on in the CLI and the server (see parallel/scanPool.ts). */
const WORKER_OPTIONS = { workerData: { root }, resourceLimits: { stackSizeMb: 1 } };
const MAX_FILE_CHARS = 1024 * 1024;
/** A scan of one mutated app (a few hundred KB) taking longer than this counts as a hang. */
const MAX_SCAN_MS = 15_000;

async function main() {
  const args = process.argv.slice(2);
  const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
  if (args.includes('--replay')) return replay(args[args.indexOf('--replay') + 1]);
  const seconds = option('--seconds', 20);
  const seed = option('--seed', Date.now() % 2 ** 31);
  const random = generator(seed);
  const apps = loadExamples();
  const worker = startWorker();
  const started = Date.now();
  let iterations = 0;
  let bytes = 0;
  let slowest = 0;
  console.log(`fuzz: seed ${seed}, ${seconds} s, ${apps.length} example apps`);
  while (Date.now() - started < seconds * 1000) {
    const texts = mutateApp(apps[Math.floor(random() * apps.length)], apps, random);
    const outcome = await worker.scan(texts);
    iterations++;
    bytes += [...texts.values()].reduce((n, t) => n + t.length, 0);
    slowest = Math.max(slowest, outcome.ms ?? 0);
    const problem =
      outcome.error ??
      (outcome.ms > MAX_SCAN_MS
        ? `scan took ${outcome.ms} ms (bound ${MAX_SCAN_MS} ms)`
        : checkFindings(texts, outcome.findings));
    if (problem) {
      const saved = saveCase(texts);
      console.error(
        `fuzz: FAILED at iteration ${iterations} (seed ${seed}): ${problem}\nfuzz: the input is in ${saved}`,
      );
      await worker.stop();
      process.exit(1);
    }
  }
  await worker.stop();
  console.log(
    `fuzz: ${iterations} scans, ${(bytes / 2 ** 20).toFixed(1)} MB of mutated input, slowest ${slowest} ms, no failure`,
  );
}

/** Scans a saved failing case again and prints what happens. */
async function replay(caseFile) {
  const texts = new Map(JSON.parse(readFileSync(caseFile, 'utf8')));
  const worker = startWorker();
  const outcome = await worker.scan(texts);
  await worker.stop();
  const problem =
    outcome.error ?? (outcome.ms > MAX_SCAN_MS ? `scan took ${outcome.ms} ms` : checkFindings(texts, outcome.findings));
  console.log(problem ? `fuzz: replay FAILED: ${problem}` : `fuzz: replay passed in ${outcome.ms} ms`);
  process.exitCode = problem ? 1 : 0;
}

/** Every example app as root-relative path → text, skipping dependencies and binaries. */
function loadExamples() {
  const examples = join(root, 'examples');
  return readdirSync(examples, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map(
      (d) =>
        new Map(
          listFiles(join(examples, d.name)).map((rel) => [rel, readFileSync(join(examples, d.name, rel), 'utf8')]),
        ),
    )
    .filter((app) => app.size > 0);
}

function listFiles(dir, rel = '') {
  return readdirSync(join(dir, rel), { withFileTypes: true }).flatMap((entry) => {
    const path = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : listFiles(dir, path);
    return entry.isFile() && !/\.(png|jpg|ico|woff2?)$/.test(entry.name) ? [path] : [];
  });
}

/** The app with a few files mutated, sometimes a file of random bytes added. */
function mutateApp(app, apps, random) {
  const texts = new Map(app);
  const files = [...texts.keys()];
  const count = 1 + Math.floor(random() * 4);
  for (let i = 0; i < count; i++) {
    const file = files[Math.floor(random() * files.length)];
    let text = texts.get(file);
    const rounds = 1 + Math.floor(random() * 3);
    for (let r = 0; r < rounds; r++) text = pick(MUTATIONS, random)(text, random, apps);
    // The audit reads no file over 1 MB (and the server checks no larger document): nor do we.
    texts.set(file, text.slice(0, MAX_FILE_CHARS));
  }
  if (random() < 0.2) {
    const kinds = [
      'src/random.ts',
      'src/random.jsx',
      'supabase/migrations/999_random.sql',
      'firestore.rules',
      'supabase/config.toml',
      'package.json',
      '.env',
      'tsconfig.json',
    ];
    texts.set(pick(kinds, random), randomText(random, 1 + Math.floor(random() * 20_000)));
  }
  return texts;
}

const TOKENS = [
  'import ',
  ' from ',
  "'@supabase/supabase-js'",
  'createClient(',
  'supabase',
  '.from(',
  "'notes'",
  ').select(',
  '.rpc(',
  'base44',
  '.entities.',
  'getDocs(',
  'collection(db, ',
  'export ',
  'const ',
  '=>',
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  '`${',
  '}`',
  '/*',
  '*/',
  '//',
  '"',
  "'",
  '\\',
  '\n',
  'process.env.',
  'import.meta.env.VITE_',
  'Deno.env.get(',
  'Deno.serve(',
  'match /{document=**} {',
  'allow read, write: if true;',
  'service cloud.firestore {',
  'create policy p on t using (true);',
  'alter table t enable row level security;',
  'verify_jwt = false',
  '[functions.x]',
  'eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIn0.c2lnbmF0dXJl',
  'sk_live_',
  'SUPABASE_SERVICE_ROLE_KEY=',
  '\uD800',
  '\uFFFD',
  '\u0000',
  '\r\n',
];

const MUTATIONS = [
  (t, r) => t.slice(0, Math.floor(r() * t.length)), // truncate
  (t, r) => {
    const a = Math.floor(r() * t.length);
    return t.slice(0, a) + t.slice(a + Math.floor(r() * 200));
  }, // delete a range
  (t, r) => {
    const a = Math.floor(r() * t.length);
    const b = a + Math.floor(r() * 400);
    const at = Math.floor(r() * t.length);
    return t.slice(0, at) + t.slice(a, b) + t.slice(at);
  }, // duplicate a range
  (t, r) => {
    const at = Math.floor(r() * t.length);
    return (
      t.slice(0, at) + Array.from({ length: 1 + Math.floor(r() * 30) }, () => pick(TOKENS, r)).join('') + t.slice(at)
    );
  }, // token soup
  (t, r) => {
    const at = Math.floor(r() * t.length);
    const n = Math.floor(r() * 6000);
    const [o, c] = pick(
      [
        ['(', ')'],
        ['[', ']'],
        ['{', '}'],
        ['{a:', '}'],
        ['(() => ', ')'],
      ],
      r,
    );
    return t.slice(0, at) + o.repeat(n) + c.repeat(r() < 0.5 ? n : Math.floor(n / 2)) + t.slice(at);
  }, // deep nesting
  (t, r) => {
    const chars = [...t];
    for (let i = 0; i < 1 + r() * 20; i++)
      chars[Math.floor(r() * chars.length)] = String.fromCharCode(Math.floor(r() * 0x10000));
    return chars.join('');
  }, // flip characters
  (t, r) => {
    const lines = t.split('\n');
    for (let i = lines.length - 1; i > 0; i--) {
      if (r() < 0.3) {
        const j = Math.floor(r() * (i + 1));
        [lines[i], lines[j]] = [lines[j], lines[i]];
      }
    }
    return lines.join('\n');
  }, // shuffle lines
  (t, r) => t.replace(/\n/g, () => (r() < 0.8 ? ' ' : '\n')), // minify: most newlines gone
  (t, r) => {
    const line = t.split('\n')[Math.floor(r() * t.split('\n').length)] ?? '';
    return t + `\n${line}`.repeat(Math.floor(r() * 3000));
  }, // a line repeated many times
  (t, r, apps) => {
    const other = pick([...pick(apps, r).values()], r);
    const a = Math.floor(r() * other.length);
    const at = Math.floor(r() * t.length);
    return t.slice(0, at) + other.slice(a, a + Math.floor(r() * 2000)) + t.slice(at);
  }, // splice from another file
];

function randomText(random, length) {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(random() * 256);
  return bytes.toString('utf8');
}

/** A finding must sit inside its file and carry a message and a fingerprint. */
function checkFindings(texts, findings) {
  for (const f of findings) {
    const text = texts.get(f.file);
    if (text === undefined) return `finding in unknown file ${f.file}`;
    const lines = text.split('\n').length;
    if (!(f.line >= 1 && f.line <= lines && f.endLine >= f.line && f.endLine <= lines && f.column >= 1))
      return `finding outside its file: ${JSON.stringify(f)}`;
    if (!f.message || !f.fingerprint) return `finding without message or fingerprint: ${JSON.stringify(f)}`;
  }
  return undefined;
}

/** The files, to read, and case.json, exact (lone surrogates survive JSON, not UTF-8): `--replay`. */
function saveCase(texts) {
  const dir = mkdtempSync(join(tmpdir(), 'lockin-fuzz-failure-'));
  for (const [rel, text] of texts) {
    mkdirSync(dirname(join(dir, 'files', rel)), { recursive: true });
    writeFileSync(join(dir, 'files', rel), text);
  }
  writeFileSync(join(dir, 'case.json'), JSON.stringify([...texts]));
  return join(dir, 'case.json');
}

/** The engine on a worker thread, timed from here; a scan past the bound is a hang. */
function startWorker() {
  let worker = new Worker(fileURLToPath(import.meta.url), WORKER_OPTIONS);
  return {
    scan(texts) {
      return new Promise((resolve) => {
        const current = worker;
        const finish = (outcome) => {
          clearTimeout(timer);
          current.off('message', finish).off('error', crashed);
          resolve(outcome);
        };
        const crashed = (e) => {
          worker = new Worker(fileURLToPath(import.meta.url), WORKER_OPTIONS);
          finish({ error: `the engine crashed its thread: ${e?.stack ?? e}` });
        };
        const timer = setTimeout(() => {
          void current.terminate();
          crashed(`no answer within ${MAX_SCAN_MS * 2} ms (hang)`);
        }, MAX_SCAN_MS * 2);
        current.on('message', finish).on('error', crashed);
        current.postMessage([...texts]);
      });
    },
    stop: () => worker.terminate(),
  };
}

function runWorker() {
  const require = createRequire(import.meta.url);
  const { scanTexts } = require(join(workerData.root, 'out/server/src/engine/scanTexts.js'));
  const { loadRules } = require(join(workerData.root, 'out/server/src/engine/rules/load.js'));
  const rulesDir = join(workerData.root, 'rules');
  const rules = loadRules([rulesDir], rulesDir);
  parentPort.on('message', (entries) => {
    const started = performance.now();
    try {
      const { state } = scanTexts(new Map(entries), rules, [], {});
      const findings = state.allFindings();
      parentPort.postMessage({ ms: Math.round(performance.now() - started), findings });
    } catch (e) {
      parentPort.postMessage({ error: `exception: ${e?.stack ?? e}` });
    }
  });
}

function generator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick(list, random) {
  return list[Math.floor(random() * list.length)];
}

// Last, so every constant above is initialised.
if (isMainThread) await main();
else runWorker();
