// The parse-only baseline shared by `npm run bench` and `npm run corpus`: TypeScript's
// createSourceFile over exactly the JS/TS files the audit reads (its own walker and file filter),
// in a child process of its own, so that it is timed as the audit is.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const requireHere = createRequire(import.meta.url);

/** A module of the engine as built by tsc (out/), for scripts that need its walker or rules. */
export function engineModule(root, path) {
  return requireHere(join(root, 'out', 'server', 'src', 'engine', path));
}

/** The JS/TS files the audit reads under dir (its own walker and file filter), as absolute paths. */
export function auditedCode(root, dir) {
  const { walkWorkspace } = engineModule(root, 'workspace/walk.js');
  const { loadRules } = engineModule(root, 'rules/load.js');
  const { fileFilter } = engineModule(root, 'audit.js');
  const rules = loadRules([join(root, 'rules')], join(root, 'rules'));
  const { files } = walkWorkspace(dir, { wanted: fileFilter(rules) });
  return files.filter((f) => /\.[cm]?[jt]sx?$/.test(f) && !/\.d\.[cm]?ts$/.test(f)).map((f) => join(dir, f));
}

/**
 * Writes the file list for a parse-only run and returns the node arguments that run it: the child
 * prints `{ ms, files, mb }` (ms: its parse loop alone). Files over 1 MiB are read but not parsed,
 * as the audit skips them. `done()` removes the list.
 */
export function parseOnlyCommand(root, files) {
  const list = join(tmpdir(), `lockin-parse-only-${process.pid}-${Date.now()}.json`);
  writeFileSync(list, JSON.stringify(files));
  const script = `const ts = require(${JSON.stringify(join(root, 'node_modules', 'typescript'))}); const fs = require('fs');
    const files = JSON.parse(fs.readFileSync(${JSON.stringify(list)}, 'utf8'));
    const t = performance.now();
    let bytes = 0; for (const f of files) { const text = fs.readFileSync(f, 'utf8'); bytes += Buffer.byteLength(text); if (text.length < 1048576) ts.createSourceFile(f, text, ts.ScriptTarget.Latest, true); }
    console.log(JSON.stringify({ ms: Math.round(performance.now() - t), files: files.length, mb: (bytes / 2 ** 20).toFixed(1) }));`;
  return { args: ['-e', script], done: () => rmSync(list, { force: true }) };
}

/** One parse-only run over the files the audit reads under dir: `{ ms, files, mb }`. */
export function runParseOnly(root, dir) {
  const command = parseOnlyCommand(root, auditedCode(root, dir));
  try {
    const out = spawnSync(process.execPath, command.args, { encoding: 'utf8' });
    if (out.status !== 0) throw new Error(out.stderr);
    return JSON.parse(out.stdout.trim());
  } finally {
    command.done();
  }
}
