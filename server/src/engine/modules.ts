// Import specifier normalisation: every way of naming a package becomes its bare name, so rules
// match `@supabase/supabase-js` whether the code wrote `npm:@supabase/supabase-js@2`,
// `https://esm.sh/@supabase/supabase-js@2.45.0` or `jsr:@supabase/functions-js/edge-runtime.d.ts`.

const CDN_PREFIXES = [
  /^https?:\/\/esm\.sh\/(?:v\d+\/)?/,
  /^https?:\/\/cdn\.skypack\.dev\//,
  /^https?:\/\/cdn\.jsdelivr\.net\/npm\//,
  /^https?:\/\/unpkg\.com\//,
  /^https?:\/\/jspm\.dev\//,
  /^https?:\/\/ga\.jspm\.io\/npm:/,
  /^https?:\/\/deno\.land\/x\//,
  /^https?:\/\/esm\.run\//,
];

/** Strips a version from a package name: `@scope/pkg@1.2.3/sub` → `@scope/pkg/sub`. */
function stripVersion(spec: string): string {
  const scoped = spec.startsWith('@');
  const parts = spec.split('/');
  const nameIndex = scoped ? 1 : 0;
  if (parts.length <= nameIndex) return spec;
  parts[nameIndex] = parts[nameIndex].replace(/@[^/]*$/, '');
  return parts.join('/');
}

/** Drops query strings and a `.d.ts`/`.ts`/`.js` suffix on deep CDN paths is kept (they name files). */
function stripQuery(spec: string): string {
  const q = spec.search(/[?#]/);
  return q >= 0 ? spec.slice(0, q) : spec;
}

export function normalizeSpecifier(raw: string): string {
  let spec = stripQuery(raw.trim());
  if (spec.startsWith('npm:')) return stripVersion(spec.slice(4).replace(/^\//, ''));
  if (spec.startsWith('jsr:')) return stripVersion(spec.slice(4).replace(/^\//, ''));
  if (spec.startsWith('node:')) return spec.slice(5);
  for (const prefix of CDN_PREFIXES) {
    if (prefix.test(spec)) {
      spec = spec.replace(prefix, '');
      return stripVersion(spec);
    }
  }
  if (/^https?:\/\/deno\.land\/std/.test(spec)) return 'deno-std' + spec.replace(/^https?:\/\/deno\.land\/std(@[^/]*)?/, '');
  return spec;
}

/** Relative and alias specifiers point into the workspace; everything else is a package. */
export function isRelativeSpecifier(spec: string): boolean {
  return spec === '.' || spec === '..' || spec.startsWith('./') || spec.startsWith('../') || spec.startsWith('/');
}
