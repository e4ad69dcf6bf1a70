// Symbolic references: where a value in the scanned code came from, as a root plus an access path.
//
//   import { createClient } from '@supabase/supabase-js'
//   const supabase = createClient(url, key)        → module @supabase/supabase-js, [createClient, ()]
//   supabase.storage.from('avatars')               → …, [createClient, (), storage, from, ()]
//
// Patterns in rules use the same shape (see docs/writing-rules.md), so matching is a comparison of
// segment lists. Segments: a property name, CALL for a call or `new`, DYNAMIC for `x[expr]`, and
// `=>N` for the Nth parameter of a callback passed to a call.

import { Minimatch } from 'minimatch';

export const CALL = '()';
export const DYNAMIC = '[*]';
/**
 * Marks a function whose call yields the path before it: `function make() { return createClient() }`
 * is `…createClient, (), RETURNS`, so `make()` is `…createClient, ()` again.
 */
export const RETURNS = '=>return';

/** An SDK class's instance (`new Databases(client)`): a service object wrappers hand out like a client. */
export function isSdkInstance(ref: Ref): boolean {
  return ref.root.kind === 'module' && ref.path.length === 2 && ref.path[1] === CALL && /^[A-Z]/.test(ref.path[0]);
}

/** The export name under which a file lists what an exported class's member holds (see facts.ts). */
export function classMemberExport(className: string, member: string): string {
  return `${className}#${member}`;
}

export type Root =
  | { kind: 'module'; module: string }
  | { kind: 'global'; name: string }
  /** An import from a workspace file, resolved later by the workspace index. name is '*' for a namespace. */
  | { kind: 'ws'; spec: string; name: string }
  | { kind: 'client'; name: string };

export interface Ref {
  root: Root;
  path: string[];
}

export function extend(ref: Ref, ...segments: string[]): Ref {
  const path = [...ref.path];
  for (const segment of segments) {
    if (segment === CALL && path[path.length - 1] === RETURNS) path.pop();
    else path.push(segment);
  }
  return { root: ref.root, path };
}

export function rootKey(root: Root): string {
  switch (root.kind) {
    case 'module': return `m:${root.module}`;
    case 'global': return `g:${root.name}`;
    case 'client': return `$${root.name}`;
    case 'ws': return `w:${root.spec}#${root.name}`;
  }
}

/** A compiled member path pattern. moduleGlob is set when the root names modules by glob. */
export interface PathPattern {
  source: string;
  rootKey?: string;
  moduleGlob?: string;
  /** moduleGlob compiled once (matching is on the hot path of every site). */
  moduleMatcher?: Minimatch;
  segments: string[];
}

/** Parses `$supabase.from()`, `firebase/firestore#getDocs()`, `global:Deno.serve()`. Throws on bad syntax. */
export function parsePathPattern(source: string): PathPattern {
  let rest: string;
  const pattern: PathPattern = { source, segments: [] };
  if (source.startsWith('$')) {
    const dot = source.indexOf('.');
    const name = dot < 0 ? source.slice(1) : source.slice(1, dot);
    if (!/^[A-Za-z_][\w-]*$/.test(name)) throw new Error(`bad client name in '${source}'`);
    pattern.rootKey = `$${name}`;
    rest = dot < 0 ? '' : source.slice(dot + 1);
  } else if (source.startsWith('global:')) {
    const body = source.slice('global:'.length);
    const dot = body.indexOf('.');
    const name = dot < 0 ? body : body.slice(0, dot);
    pattern.rootKey = `g:${name.replace(/\(\)$/, '')}`;
    rest = dot < 0 ? (name.endsWith(CALL) ? CALL : '') : body.slice(dot + 1);
  } else {
    const hash = source.indexOf('#');
    if (hash <= 0) throw new Error(`'${source}' needs a root: $client, global:Name or module#name`);
    const module = source.slice(0, hash);
    if (/[*?[{]/.test(module)) {
      pattern.moduleGlob = module;
      pattern.moduleMatcher = new Minimatch(module);
    } else pattern.rootKey = `m:${module}`;
    rest = source.slice(hash + 1);
  }
  pattern.segments = parseSegments(rest, source);
  return pattern;
}

const NAME = '[A-Za-z_$][\\w$-]*';
const NAMES = `\\{${NAME}(?:,${NAME})*\\}`;
/**
 * One dotted part of a pattern: `=>N`, `**`, `**!name` or `**!{a,b}` (a run passing none of those
 * names), `*`, `name`, `!name`, `{a,b}`; then any number of `()`.
 */
const SEGMENT = new RegExp(`^(=>\\d+|\\*\\*!(?:${NAME}|${NAMES})|\\*\\*|\\*|!?${NAME}|${NAMES})?((?:\\(\\))*)$`);

function parseSegments(text: string, source: string): string[] {
  const segments: string[] = [];
  if (text === '') return segments;
  for (const part of text.split('.')) {
    const m = SEGMENT.exec(part);
    if (!m || (!m[1] && !m[2])) throw new Error(`bad segment '${part}' in '${source}'`);
    if (m[1]) segments.push(m[1]);
    for (let i = 0; i < m[2].length / 2; i++) segments.push(CALL);
  }
  return segments;
}

/** Does the pattern's root accept this root? */
export function rootMatches(pattern: PathPattern, root: Root): boolean {
  if (pattern.moduleMatcher) return root.kind === 'module' && pattern.moduleMatcher.match(root.module);
  return pattern.rootKey === rootKey(root);
}

/** `{get,set}` accepts either name (and captures it, as `*` does). */
function isAlternative(want: string, got: string): boolean {
  return want.slice(1, -1).split(',').includes(got);
}

/**
 * Matches path segments against pattern segments. Returns the names matched by single `*`
 * segments (for {{$1}} in messages), or undefined when there is no match.
 */
export function matchSegments(pattern: string[], path: string[]): string[] | undefined {
  const captures: string[] = [];
  return walk(0, 0) ? captures : undefined;

  function walk(p: number, s: number): boolean {
    if (p === pattern.length) return s === path.length;
    const want = pattern[p];
    if (want === '**') {
      for (let skip = s; skip <= path.length; skip++) if (walk(p + 1, skip)) return true;
      return false;
    }
    if (want.startsWith('**!')) {
      // A run that passes no segment of these names: `**!get` stops where a read returned data.
      const names = want.slice(3).replace(/^\{|\}$/g, '').split(',');
      for (let skip = s; skip <= path.length; skip++) {
        if (walk(p + 1, skip)) return true;
        if (skip < path.length && names.includes(path[skip])) return false;
      }
      return false;
    }
    if (s === path.length) return false;
    const got = path[s];
    if (want === '*' || want.startsWith('!') || want.startsWith('{')) {
      if (got === CALL || got.startsWith('=>') || want === `!${got}`) return false;
      if (want.startsWith('{') && !isAlternative(want, got)) return false;
      captures.push(got === DYNAMIC ? '…' : got);
      if (walk(p + 1, s + 1)) return true;
      captures.pop();
      return false;
    }
    return want === got && walk(p + 1, s + 1);
  }
}
