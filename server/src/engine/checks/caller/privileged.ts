// The privileged-call checks: one per platform, each a linked check so that clients, helpers and
// guards imported from shared modules (`supabase/functions/_shared/…`, `lib/firebaseAdmin.ts`) are
// followed, while an edit re-runs only the files that read the edited one.
// Options: `entries`, the handler kinds to look at (see entries.ts).

import type { CheckFile, CheckHit, LinkedCheck } from '../registry';
import { Analysis, callSpan, PrivilegedApi } from './analysis';
import { EntryKind, findEntries, mayHaveEntries } from './entries';
import { CallerWorkspace } from './model';
import { importsMayReach } from './reach';
import type { Literal } from '../../util/literalScan';
import { base44Api, firebaseAdminApi, netlifyBlobsApi, supabaseServiceRoleApi } from './platforms';
import { schemaChangeApi } from './schemaChange';

/**
 * Platform values the engine does not track, named in a file's text: virtual modules only a
 * framework knows, and SvelteKit's `locals`, filled by the hooks file (svelteLocals.ts).
 */
export const UNTRACKED_PLATFORM_IMPORT = /['"]#supabase\/server['"]|\blocals\s*[:.]/;

const ENTRY_KINDS: readonly EntryKind[] = ['serve', 'http', 'callable', 'route', 'next'];

const HANDLER_NAMES: Record<EntryKind, string> = {
  serve: 'request handler',
  http: 'onRequest function',
  callable: 'callable function',
  route: 'route handler',
  next: 'route handler',
};

interface TextFilter {
  prefilter: RegExp;
  /** Words one of which every text the prefilter accepts holds (see FileCheck.hints). */
  hints: Literal[];
}

function privilegedCheck(
  name: string,
  makeApi: (entries: EntryKind[]) => PrivilegedApi,
  defaults: EntryKind[],
  modules: RegExp,
  { prefilter, hints }: TextFilter,
): LinkedCheck {
  return {
    name,
    scope: 'linked',
    prefilter,
    hints,
    run(file, view, options) {
      const entries = entryOption(options) ?? defaults;
      // The text tests first: reading `facts` parses a file the prefilter skipped.
      if (!mayHaveEntries(file.file, file.text, entries)) return [];
      // A module the engine does not track (Nuxt's `#supabase/server`, a SQL driver) leaves the file unparsed by it.
      if (file.prefilterSkipped && !mayUseUntracked(file.text, modules) && !importsMayReach(view, file, modules)) return [];
      if (!file.facts || !(mayReachPlatform(file, modules) || UNTRACKED_PLATFORM_IMPORT.test(file.text))) return [];
      const model = CallerWorkspace.of(view).model(file.file);
      if (!model) return [];
      const analysis = Analysis.of(view, makeApi(entries));
      const hits: CheckHit[] = [];
      const seen = new Set<number>();
      for (const entry of findEntries(model, new Set(entries))) {
        const point = analysis.firstUnguarded(entry);
        if (!point) continue;
        const at = entry.reportAt;
        const span = at
          ? { start: at.getStart(model.sourceFile), end: at.getEnd() }
          : callSpan(point.node, model.sourceFile);
        if (seen.has(span.start)) continue;
        seen.add(span.start);
        hits.push({ span, vars: { op: point.op, handler: HANDLER_NAMES[entry.kind] } });
      }
      return hits;
    },
  };
}

/** Names the text, as written, a module the engine does not track that it may use? */
function mayUseUntracked(text: string, modules: RegExp): boolean {
  if (UNTRACKED_PLATFORM_IMPORT.test(text)) return true;
  for (const match of text.matchAll(MODULE_SPECIFIER)) if (modules.test(match[1])) return true;
  return false;
}

/** A module specifier in an import, export or `require` (`from 'pg'`, `require("postgres")`, `import('pg')`). */
const MODULE_SPECIFIER = /(?:\bfrom|\bimport|\brequire\s*\()\s*\(?\s*['"]([^'"\n]+)['"]/g;

/** A file uses the platform's SDK itself, or imports workspace modules that might. */
export function mayReachPlatform(f: CheckFile, modules: RegExp): boolean {
  const facts = f.facts!;
  return (
    facts.imports.some((i) => i.workspace || modules.test(i.module)) ||
    facts.sites.some((s) => s.ref.root.kind === 'module' && modules.test(s.ref.root.module))
  );
}

export function entryOption(options: Record<string, unknown>): EntryKind[] | undefined {
  const raw = options.entries;
  if (!Array.isArray(raw)) return undefined;
  return raw.filter((k): k is EntryKind => ENTRY_KINDS.includes(k as EntryKind));
}

// Prefilters: the text a file needs to hold a privileged call, a handler or a guard helper. Files that
// only import a module exporting a platform binding are parsed anyway by the engine's second pass.
// `@Controller(`: a NestJS controller, whose routes call injected services that hold the client.
export const base44ServiceRoleCheck = privilegedCheck(
  'base44-service-role-without-caller-check',
  base44Api,
  ['serve'],
  /^@base44\/sdk$/,
  {
    prefilter: /asServiceRole|auth\.me|createClientFromRequest/,
    hints: ['asServiceRole', 'auth.me', 'createClientFromRequest'].map((text) => ({ text })),
  },
);
export const supabaseServiceRoleCheck = privilegedCheck(
  'supabase-service-role-without-caller-check',
  supabaseServiceRoleApi,
  ['serve', 'route'],
  /^[@#]supabase\//,
  {
    prefilter: /supabase|service[_-]?role|secret[_-]?key|Deno\.serve|\blocals\s*[:.]|@Controller\s*\(/i,
    hints: [
      'supabase',
      'service_role',
      'service-role',
      'servicerole',
      'secret_key',
      'secret-key',
      'secretkey',
      'deno.serve',
      'locals',
      '@controller',
    ].map((text) => ({ text, caseInsensitive: true })),
  },
);
export const firebaseAdminCheck = privilegedCheck(
  'firebase-admin-without-caller-check',
  firebaseAdminApi,
  ['http', 'route', 'next'],
  /^firebase-(admin|functions)(\/|$)/,
  {
    prefilter: /firebase|onRequest|onCall|verifyIdToken|@Controller\s*\(/,
    hints: ['firebase', 'onRequest', 'onCall', 'verifyIdToken', '@Controller'].map((text) => ({ text })),
  },
);
// Netlify functions and framework endpoints deployed there (Astro, SvelteKit, Next) writing Netlify Blobs.
const NETLIFY_BLOBS = /^@netlify\/blobs$/;
export const netlifyBlobsWriteCheck = privilegedCheck(
  'netlify-blobs-write-without-caller-check',
  netlifyBlobsApi,
  ['next', 'route'],
  NETLIFY_BLOBS,
  {
    prefilter: /@netlify\/blobs/,
    hints: [{ text: '@netlify/blobs' }],
  },
);
// Route handlers that change the database schema (setup and migrate routes) through a SQL driver.
const SQL_DRIVERS =
  /^(npm:)?(pg|postgres|mysql2?|mssql|@neondatabase\/serverless|@vercel\/postgres|@libsql\/client)(\/|@|$)/;
export const schemaChangeCheck = privilegedCheck(
  'schema-change-without-caller-check',
  schemaChangeApi,
  ['next', 'route', 'serve'],
  SQL_DRIVERS,
  {
    prefilter: /create\s+table|alter\s+table|drop\s+table|\.sql\b|migration/i,
    // `table`, not `create`: nearly every file has a `create…` call, and the regex ran on all of them.
    hints: ['table', '.sql', 'migration'].map((text) => ({ text, caseInsensitive: true })),
  },
);
