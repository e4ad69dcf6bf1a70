// What `npm run corpus` starts from: its options, the manifest, the labels, and the check that
// every pinned app is on disk at its pinned commit (no app is ever scored silently fewer).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const USAGE = `Usage: npm run corpus -- [DIR] [options]

DIR is the corpus folder holding one extracted app per manifest entry (default: $LOCKIN_CORPUS,
else a folder named "corpus" beside the repository).

  --only a,b         score these apps only (names from the manifest)
  --runs N           timed runs per tool, alternating, medians shown (default 3)
  --no-peers         time the audit alone (no ast-grep, no parse-only pass)
  --no-whole         skip the runs over the whole corpus folder
  --no-lsp           skip the language server's first workspace report
  --misses           list each missed label, broken quiet label and wrong or untriaged finding
  --json             print the figures as JSON (progress still goes to stderr)
  --manifest FILE    another manifest (default test/corpus/manifest.json)
  --labels DIR       another label folder (default test/corpus/labels)`;

export function parseOptions(argv, root) {
  const options = { runs: 3, peers: true, whole: true, lsp: true, misses: false, json: false, only: undefined, dir: undefined, manifest: join(root, 'test', 'corpus', 'manifest.json'), labels: join(root, 'test', 'corpus', 'labels') };
  const flags = { '--no-peers': ['peers', false], '--no-whole': ['whole', false], '--no-lsp': ['lsp', false], '--misses': ['misses', true], '--json': ['json', true] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new UsageError(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '-h' || arg === '--help') throw new UsageError('');
    else if (flags[arg]) options[flags[arg][0]] = flags[arg][1];
    else if (arg === '--only') options.only = value().split(',').map((s) => s.trim()).filter(Boolean);
    else if (arg === '--runs') options.runs = positive(arg, value());
    else if (arg === '--manifest') options.manifest = resolve(value());
    else if (arg === '--labels') options.labels = resolve(value());
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else if (options.dir === undefined) options.dir = resolve(arg);
    else throw new UsageError(`one corpus folder only (got ${options.dir} and ${arg})`);
  }
  options.dir ??= process.env.LOCKIN_CORPUS ? resolve(process.env.LOCKIN_CORPUS) : join(dirname(root), 'corpus');
  return options;
}

export class UsageError extends Error {}

function positive(flag, text) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} takes a whole number from 1 (got ${text})`);
  return n;
}

function readJson(path, what) {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read ${what} ${path}: ${e.message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(`${what} ${path} is not valid JSON: ${e.message}`);
  }
}

export class InputError extends Error {}

const ENTRY_KEYS = ['name', 'repo', 'commit', 'platforms', 'frameworks', 'why'];
/** The framework ids of test/corpus/README.md: a typo would make a table row of its own. */
const FRAMEWORKS = new Set(['nextjs-app-router', 'nextjs-pages', 'sveltekit', 'nuxt', 'remix', 'astro', 'hono', 'express', 'fastify', 'nestjs', 'expo', 'vite-spa', 'monorepo', 'deno-functions', 'cloudflare-workers', 'node-functions', 'other']);

/** Platform ids are the rule folders (rules/<platform>/). */
function platformIds(root) {
  return new Set(readdirSync(join(root, 'rules'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name));
}

function entryProblems(entry, platforms) {
  const problems = [];
  const unknownFrameworks = entry.frameworks.filter((f) => !FRAMEWORKS.has(f));
  const unknownPlatforms = entry.platforms.filter((p) => !platforms.has(p));
  if (unknownFrameworks.length) problems.push(`${entry.name}: unknown framework ids ${unknownFrameworks.join(', ')}`);
  if (unknownPlatforms.length) problems.push(`${entry.name}: unknown platform ids ${unknownPlatforms.join(', ')}`);
  return problems;
}

/** The manifest's entries, checked for shape; `only` narrows them (unknown names are an error). */
export function loadManifest(path, only, root) {
  const manifest = readJson(path, 'manifest');
  const platforms = platformIds(root);
  if (!Array.isArray(manifest)) throw new InputError(`manifest ${path} is not a JSON array`);
  const problems = [];
  const seen = new Set();
  manifest.forEach((entry, i) => {
    const missing = ENTRY_KEYS.filter((k) => entry?.[k] === undefined);
    if (missing.length) problems.push(`entry ${i + 1} (${entry?.name ?? 'no name'}) lacks ${missing.join(', ')}`);
    else if (!/^[0-9a-f]{40}$/.test(entry.commit)) problems.push(`${entry.name}: commit is not 40 hex digits`);
    else if (!Array.isArray(entry.platforms) || !Array.isArray(entry.frameworks)) problems.push(`${entry.name}: platforms and frameworks must be arrays`);
    else problems.push(...entryProblems(entry, platforms));
    if (seen.has(entry?.name)) problems.push(`${entry.name} is listed twice`);
    seen.add(entry?.name);
  });
  if (problems.length) throw new InputError(`manifest ${path}:\n  ${problems.join('\n  ')}`);
  if (!only) return manifest;
  const unknown = only.filter((name) => !seen.has(name));
  if (unknown.length) throw new InputError(`--only names apps the manifest does not list: ${unknown.join(', ')}`);
  return manifest.filter((entry) => only.includes(entry.name));
}

/** Each app's folder must exist and hold a .corpus-commit naming the pinned commit. */
export function checkApps(dir, entries) {
  const problems = [];
  if (!existsSync(dir)) return [`no corpus folder at ${dir} (pass DIR or set LOCKIN_CORPUS; test/corpus/README.md says how to build it)`];
  for (const entry of entries) {
    const app = join(dir, entry.name);
    const pin = join(app, '.corpus-commit');
    if (!existsSync(app) || !statSync(app).isDirectory()) problems.push(`${entry.name}: missing (no folder ${app})`);
    else if (!existsSync(pin)) problems.push(`${entry.name}: no .corpus-commit in ${app} (extract it with scripts/corpus-extract.sh)`);
    else {
      const at = readFileSync(pin, 'utf8').trim();
      if (at !== entry.commit) problems.push(`${entry.name}: at ${at || '(empty .corpus-commit)'}, the manifest pins ${entry.commit}`);
    }
  }
  return problems;
}

/** Folders in the corpus that the manifest does not list (they still count in whole-folder runs). */
export function extraFolders(dir, manifest) {
  const listed = new Set(manifest.map((e) => e.name));
  return readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && !listed.has(e.name)).map((e) => e.name);
}

/** Each app's label file, checked by the scorer's own rules; a missing or malformed one is an error. */
export function loadLabels(dir, entries, labelFileProblems) {
  const labels = new Map();
  const problems = [];
  for (const entry of entries) {
    const path = join(dir, `${entry.name}.json`);
    if (!existsSync(path)) {
      problems.push(`${entry.name}: no label file ${path}`);
      continue;
    }
    const file = readJson(path, 'label file');
    const wrong = labelFileProblems(file, entry.name);
    if (wrong.length) problems.push(...wrong);
    else labels.set(entry.name, file);
  }
  if (problems.length) throw new InputError(`labels:\n  ${problems.join('\n  ')}`);
  return labels;
}

/** Labels that point at a file the app does not have (a typo, or an app at another layout). */
export function danglingLabels(appDir, labelFile) {
  const exists = new Map();
  const has = (file) => exists.get(file) ?? exists.set(file, existsSync(join(appDir, file))).get(file);
  return labelFile.labels.filter((l) => !has(l.file));
}
