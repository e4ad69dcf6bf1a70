// The README ships in the .vsix (VS Code shows it from the installed extension's folder) and in the
// npm package (read in node_modules). The project has no public repository URL yet, so vsce and
// npm cannot turn relative links into absolute ones: every relative link and image must name a
// file that both packages hold. Absolute links are left to the web.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(__dirname, '..', '..');
const VSCE = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');

/** Relative link and image targets of a Markdown text, without anchors. */
function relativeTargets(markdown: string): string[] {
  const targets = [...markdown.matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]);
  return [...new Set(targets.filter((t) => !/^([a-z][\w+.-]*:|#)/i.test(t)).map((t) => t.split('#')[0]))];
}

function vsixFiles(): string[] {
  const run = spawnSync(process.execPath, [VSCE, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
}

function npmFiles(): string[] {
  const run = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return (JSON.parse(run.stdout)[0].files as { path: string }[]).map((f) => f.path);
}

describe('README links in the packages', { timeout: 120_000 }, () => {
  const targets = relativeTargets(readFileSync(join(ROOT, 'README.md'), 'utf8'));

  it('finds the links and images (the check has something to check)', () => {
    assert.ok(targets.includes('docs/images/editor-findings.png'));
    assert.ok(targets.includes('docs/ci.md'));
    assert.deepEqual(relativeTargets('[a](https://x.org/a) [b](#set-up) ![c](docs/c.png "C") [d](docs/d.md#part)'), ['docs/c.png', 'docs/d.md']);
  });

  it('every relative target exists in the project', () => {
    assert.deepEqual(targets.filter((t) => !existsSync(join(ROOT, t))), []);
  });

  it('every relative target ships in the .vsix', () => {
    const files = new Set(vsixFiles());
    assert.deepEqual(targets.filter((t) => !files.has(t)), []);
  });

  it('every relative target ships in the npm package', () => {
    const files = new Set(npmFiles());
    assert.deepEqual(targets.filter((t) => !files.has(t)), []);
  });
});
