// Hostile workspaces for the robustness tests: random bytes, invalid UTF-8, truncated code, nesting
// ten thousand deep, a 200,000-line file, a 50 MB minified bundle, and links that loop, dangle or
// point at a pipe. Each sits beside ordinary files whose findings must survive.

import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeTree } from '../helpers/workspace';

/** A small seeded generator, so a failing input can be produced again. */
export function randomBytes(seed: number, length: number): Buffer {
  let state = seed >>> 0;
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return out;
}

export const CLIENT = "import { createClient } from '@supabase/supabase-js'\n";
/** A file every hostile tree carries: its findings prove the rest of the workspace was still scanned. */
export const OK_FILE = `${CLIENT}const supabase = createClient('https://x.supabase.co', 'anon')\nexport const notes = () => supabase.from('notes').select('*')\n`;

export const DEPTH = 10_000;
export const LONG_LINES = 200_000;

const nested = (open: string, middle: string, close: string) => open.repeat(DEPTH) + middle + close.repeat(DEPTH);

/** Text files of the hostile tree (no links, pipes or bundle). */
export function hostileFiles(): Record<string, string | Buffer> {
  const invalidUtf8 = Buffer.concat([
    Buffer.from(`${CLIENT}// broken bytes: `),
    Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82, 0xed, 0xa0, 0x80]),
    Buffer.from("\nconst supabase = createClient('u', 'k')\nsupabase.from('notes')\n"),
  ]);
  const noNul = Buffer.from(randomBytes(7, 64 * 1024).map((b) => (b === 0 ? 32 : b)));
  return {
    'package.json': `{ "name": "hostile", "dependencies": { "@supabase/supabase-js": "2.45.0" }, "deep": ${nested('{"a":', '1', '}')} }`,
    'src/ok.ts': OK_FILE,
    'src/random-text.ts': noNul,
    'src/random-binary.ts': randomBytes(11, 64 * 1024),
    'src/bad-utf8.ts': invalidUtf8,
    'src/truncated.ts': OK_FILE.slice(0, OK_FILE.indexOf("from('no") + 6),
    'src/deep-parens.ts': `${CLIENT}export const x = ${nested('(', '1', ')')}\n`,
    'src/deep-arrays.ts': `${CLIENT}export const x = ${nested('[', '', ']')}\n`,
    'src/deep-objects.ts': `${CLIENT}export const x = ${nested('{a:', '1', '}')}\n`,
    'src/deep-functions.ts': `${CLIENT}${nested('function f() {', '', '}')}\n`,
    'src/long.ts': `${'\n'.repeat(LONG_LINES - 1)}${CLIENT}`,
    'firestore.rules': `rules_version = '2';\nservice cloud.firestore {\n${nested('match /a/{b} {\n', 'allow read, write: if true;\n', '}\n')}}\n`,
    'supabase/migrations/001_deep.sql': `create table notes (id int);\nselect ${nested('(', '1', ')')};\n`,
  };
}

/** Links that loop (folder to itself, to its parent, two files to each other) or point nowhere. */
export function addHostileLinks(root: string): void {
  symlinkSync('.', join(root, 'src', 'loop'));
  symlinkSync('..', join(root, 'src', 'parent'));
  symlinkSync('b.ts', join(root, 'src', 'a.ts'));
  symlinkSync('a.ts', join(root, 'src', 'b.ts'));
  symlinkSync('nowhere.ts', join(root, 'src', 'dangling.ts'));
}

/** A link to a named pipe: reading it would block for ever. */
export function addPipeLink(root: string): void {
  execFileSync('mkfifo', [join(root, 'pipe')]);
  symlinkSync('../pipe', join(root, 'src', 'pipe.ts'));
}

/** A one-line minified bundle of about `megabytes` MB that names a platform SDK throughout. */
export function minifiedBundle(megabytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < megabytes * 1024 * 1024; i++) {
    const chunk = `var a${i}=require("@supabase/supabase-js");function f${i}(n){return a${i}.createClient("u","k").from("t"+n).select("*")};`;
    parts.push(chunk);
    size += chunk.length;
  }
  return parts.join('');
}

/** The hostile tree on disk, readable by every user (tests may scan it as `nobody`). */
export function writeHostileTree(options: { pipe?: boolean; bundleMb?: number } = {}): string {
  const root = writeTree(hostileFiles());
  addHostileLinks(root);
  if (options.pipe) addPipeLink(root);
  if (options.bundleMb) {
    mkdirSync(join(root, 'public'), { recursive: true });
    writeFileSync(join(root, 'public', 'app.min.js'), minifiedBundle(options.bundleMb));
  }
  chmodSync(root, 0o755);
  return root;
}

/** Files of the tree that are read and scanned (regular, wanted, readable, not binary, not too large). */
export const SCANNED = [
  'firestore.rules', 'package.json', 'src/bad-utf8.ts', 'src/deep-arrays.ts', 'src/deep-functions.ts', 'src/deep-objects.ts',
  'src/deep-parens.ts', 'src/long.ts', 'src/ok.ts', 'src/random-text.ts', 'src/truncated.ts', 'supabase/migrations/001_deep.sql',
];
