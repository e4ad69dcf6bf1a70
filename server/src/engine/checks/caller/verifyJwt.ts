// `verify_jwt = false` under `[functions.<name>]` in supabase/config.toml turns off the platform's
// JWT gate for that function. That is fine when the function checks its caller itself (a user
// token, a webhook signature, a shared secret); otherwise anyone with the URL can call it. The same
// setting in a function folder's own supabase.json is read too.

import { posix } from 'node:path';
import ts from 'typescript';
import type { CheckHit, LinkedCheck } from '../registry';
import { Analysis } from './analysis';
import { findEntries } from './entries';
import { CallerWorkspace, FileModel } from './model';
import { supabaseServiceRoleApi } from './platforms';

const ENTRY_NAMES = ['index.ts', 'index.js', 'index.mjs', 'index.tsx', 'index.jsx'];
const SECTION = /^\s*\[\s*functions\s*\.\s*(?:"([^"]+)"|'([^']+)'|([\w-]+))\s*\]/;
const ANY_SECTION = /^\s*\[/;
const VERIFY_OFF = /^(\s*)(verify_jwt\s*=\s*false)\b/;
const ENTRYPOINT = /^\s*entrypoint\s*=\s*["']([^"']+)["']/;

interface FunctionSection {
  name: string;
  /** The `verify_jwt = false` text, as offsets into the file. */
  start: number;
  end: number;
  entrypoint?: string;
}

export const verifyJwtCheck: LinkedCheck = {
  name: 'supabase-verify-jwt-disabled',
  scope: 'linked',
  // Runs on supabase/config.toml and reads each named function's code through the view, so an
  // edit to that code re-runs it.
  prefilter: /verify_jwt/,
  hints: [{ text: 'verify_jwt' }],
  run(config, view) {
    const perFunction = posix.basename(config.file) === 'supabase.json';
    if (posix.basename(config.file) !== 'config.toml' && !perFunction) return [];
    const ws = CallerWorkspace.of(view);
    const analysis = Analysis.of(view, supabaseServiceRoleApi(['serve', 'route']));
    const hits: CheckHit[] = [];
    const base = posix.dirname(config.file);
    const sections = perFunction ? disabledInFunctionJson(config.file, config.text) : disabledFunctions(config.text);
    for (const section of sections) {
      const candidates = section.entrypoint
        ? [posix.normalize(posix.join(base, section.entrypoint))]
        : perFunction ? ENTRY_NAMES.map((n) => posix.join(base, n))
        : ENTRY_NAMES.map((n) => posix.join(base, 'functions', section.name, n));
      const model = candidates.map((c) => ws.model(c)).find((m) => m);
      const reason = model ? missingCheck(model, analysis) : `its code (${candidates[0]}) was not found`;
      if (!reason) continue;
      hits.push({ span: { start: section.start, end: section.end }, vars: { name: section.name, reason } });
    }
    return hits;
  },
};

/** `"verify_jwt": false` in a function folder's own supabase.json (supabase/functions/<name>/). */
function disabledInFunctionJson(file: string, text: string): FunctionSection[] {
  const off = /"verify_jwt"\s*:\s*false\b/.exec(text);
  return off ? [{ name: posix.basename(posix.dirname(file)), start: off.index, end: off.index + off[0].length }] : [];
}

/** `[functions.<name>]` tables whose `verify_jwt` is false. */
export function disabledFunctions(text: string): FunctionSection[] {
  const out: FunctionSection[] = [];
  let current: { name: string; off?: { start: number; end: number }; entrypoint?: string } | undefined;
  const flush = () => {
    if (current?.off) out.push({ name: current.name, ...current.off, entrypoint: current.entrypoint });
  };
  let offset = 0;
  for (const line of text.split('\n')) {
    const header = SECTION.exec(line);
    if (header || ANY_SECTION.test(line)) {
      flush();
      current = header ? { name: header[1] ?? header[2] ?? header[3] } : undefined;
    } else if (current) {
      const off = VERIFY_OFF.exec(line);
      if (off) current.off = { start: offset + off[1].length, end: offset + off[1].length + off[2].length };
      const entry = ENTRYPOINT.exec(line);
      if (entry) current.entrypoint = entry[1];
    }
    offset += line.length + 1;
  }
  flush();
  return out;
}

/** Why the function's own code does not stand in for the gateway check, or undefined when it does. */
function missingCheck(model: FileModel, analysis: Analysis): string | undefined {
  const entries = findEntries(model, new Set(['serve', 'route']));
  const verified = entries.length > 0 ? entries.some((e) => analysis.verifiesSomewhere(e)) : anyFunctionVerifies(model, analysis);
  if (!verified) return 'the function never verifies its caller';
  for (const entry of entries) {
    const early = analysis.firstUnguarded(entry);
    if (early) return `the function uses ${early.op} before verifying its caller`;
  }
  return undefined;
}

/** Without a recognisable handler: does any function in the file (or its top level) verify the caller? */
export function anyFunctionVerifies(model: FileModel, analysis: Analysis): boolean {
  const flow = analysis.flow(model);
  let found = flow.containsGuard(model.sourceFile);
  const visit = (n: ts.Node): void => {
    if (found) return;
    const body = ts.isFunctionLike(n) ? (n as ts.FunctionLikeDeclaration).body : undefined;
    if (body && flow.containsGuard(body)) found = true;
    ts.forEachChild(n, visit);
  };
  visit(model.sourceFile);
  return found;
}
