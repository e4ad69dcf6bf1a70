// Small extractors shared by matchers: env reads in code, keys of .env files, manifest dependencies.

import type { JsFacts } from '../js/facts';
import { CALL } from '../refs';
import type { Span } from '../types';

export interface NamedSpan {
  name: string;
  span: Span;
}

/** Env reads by facts: each env rule asks (ten of them walked every site of a file in turn). */
const envReads = new WeakMap<JsFacts, NamedSpan[]>();

/** `process.env.X`, `process.env['X']`, `import.meta.env.X`, `Deno.env.get('X')`, `Netlify.env.get('X')`. */
export function envReadsFromFacts(facts: JsFacts): NamedSpan[] {
  let reads = envReads.get(facts);
  if (!reads) envReads.set(facts, (reads = collectEnvReads(facts)));
  return reads;
}

function collectEnvReads(facts: JsFacts): NamedSpan[] {
  const out: NamedSpan[] = [];
  for (const site of facts.sites) {
    const { root, path } = site.ref;
    if (root.kind !== 'global') continue;
    const span = { start: site.start, end: site.end };
    if ((root.name === 'process' || root.name === 'import.meta') && path.length === 2 && path[0] === 'env' && path[1] !== '[*]') {
      out.push({ name: path[1], span });
    } else if ((root.name === 'Deno' || root.name === 'Netlify' || root.name === 'Bun') && path.join('.') === `env.get.${CALL}`) {
      const name = site.args?.[0];
      if (name) out.push({ name, span });
    }
  }
  return out;
}

/** `KEY=value` lines of a .env file, with the span of the key. */
export function dotenvEntries(text: string): NamedSpan[] {
  const out: NamedSpan[] = [];
  const line = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*=/gm;
  for (let m = line.exec(text); m; m = line.exec(text)) {
    const start = m.index + m[0].indexOf(m[1]);
    out.push({ name: m[1], span: { start, end: start + m[1].length } });
  }
  return out;
}

const DEPENDENCY_SECTIONS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

/** Dependency names of a package.json with the span of each key (none if the JSON is broken). */
export function dependencyHits(text: string): NamedSpan[] {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return [];
  }
  const out: NamedSpan[] = [];
  for (const section of DEPENDENCY_SECTIONS) {
    const deps = json[section];
    if (!deps || typeof deps !== 'object') continue;
    const sectionAt = text.indexOf(`"${section}"`);
    for (const name of Object.keys(deps)) {
      const key = JSON.stringify(name);
      const at = text.indexOf(key, Math.max(sectionAt, 0));
      const start = at >= 0 ? at : Math.max(sectionAt, 0);
      out.push({ name, span: { start, end: start + key.length } });
    }
  }
  return out;
}
