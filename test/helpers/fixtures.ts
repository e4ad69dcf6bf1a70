// Reading rule fixtures: which files a fixture holds, and the expectations its comments state.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';

export interface Expectation {
  file: string;
  /** 1-based line the expectation is about (the line after the comment). */
  line: number;
  ruleId: string;
  expect: 'ruleid' | 'ok';
}

const ANNOTATION = /(?:\/\/|#|--|\/\*|<!--)[^\n]*?\b(ruleid|ok):\s*([a-z0-9-]+\/[a-z0-9-]+)/g;

/** The fixture of a rule file: `<name>.fixture.<ext>` or a folder `<name>.fixture/`. */
export function fixtureOf(ruleFile: string): { root: string; files: Map<string, string> } | undefined {
  const dir = dirname(ruleFile);
  const name = basename(ruleFile, '.json');
  const folder = join(dir, `${name}.fixture`);
  if (existsSync(folder) && statSync(folder).isDirectory()) return { root: folder, files: readTree(folder) };
  const single = readdirSync(dir).find((f) => f.startsWith(`${name}.fixture.`));
  if (!single) return undefined;
  return { root: dir, files: new Map([[single, readFileSync(join(dir, single), 'utf8')]]) };
}

function readTree(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const abs = join(dir, entry.name);
      if (entry.isDirectory()) visit(abs);
      else files.set(relative(root, abs).split('\\').join('/'), readFileSync(abs, 'utf8'));
    }
  };
  visit(root);
  return files;
}

/** Expectations in one file: annotation comments apply to the next line without annotations. */
export function expectationsIn(file: string, text: string): Expectation[] {
  const out: Expectation[] = [];
  let pending: { ruleId: string; expect: 'ruleid' | 'ok' }[] = [];
  text.split('\n').forEach((line, i) => {
    const found = [...line.matchAll(ANNOTATION)].map((m) => ({ expect: m[1] as 'ruleid' | 'ok', ruleId: m[2] }));
    if (found.length > 0) {
      pending.push(...found);
      return;
    }
    for (const p of pending) out.push({ file, line: i + 1, ...p });
    pending = [];
  });
  return out;
}
