// Checks' hints (words the engine finds in one pass) must be necessary for their prefilters: a text
// the prefilter accepts always holds one of them, or the check would silently stop firing. Tried on
// every rule fixture and example file, and on texts built to sit at the edges of each prefilter.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { findCheck } from '../../server/src/engine/checks/registry';
import { builtinRulesDir } from '../../server/src/engine/rules/builtin';
import { loadRules } from '../../server/src/engine/rules/load';
import { LiteralScan } from '../../server/src/engine/util/literalScan';

const root = join(__dirname, '..', '..', '..');

function filesUnder(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) filesUnder(path, out);
    else if (statSync(path).size < 1_000_000) out.push(path);
  }
  return out;
}

/** Near misses and hits in the spellings each prefilter allows (case, separators, quoting). */
const EDGES = [
  "app.use(cors({ origin: true, CREDENTIALS: /* yes */ true }))", "res.setHeader('Access-Control-Allow-Origin', '*'); res.setHeader('Access-Control-Allow-Credentials', 'true')",
  'Permission.read(Role.any()); databases.create("x", ["read(\\"any\\")"])', "['read( \"any\" )']", '["read(\\\\"any\\\\")"]',
  'const k = process.env.NEXT_PUBLIC_STRIPE_SECRET_KEY', 'import.meta.env.VITE_ADMIN_TOKEN', 'EXPO_PUBLIC_DB_URL', 'NUXT_PUBLIC_WEBHOOK',
  'const url = Deno.env.get("SERVICE-ROLE")', 'SUPABASE_SECRETKEY', 'deno.SERVE(handler)', 'ServiceRole', 'requiresAuth: false',
  'base44.asServiceRole.entities', 'await base44.auth.me()', 'createClientFromRequest(req)', 'exports.f = onCall(() => 1)',
  'verify_jwt = false', 'new OpenAI({ dangerouslyAllowBrowser: true })',
];

describe('check hints', () => {
  const rulesDir = builtinRulesDir();
  const checks = [...new Set(loadRules([rulesDir], rulesDir).rules.flatMap((r) => (r.matcher.type === 'check' ? [r.matcher.check.name] : [])))].map((name) => findCheck(name)!);
  const hinted = checks.filter((check) => check.hints);
  const texts = [...filesUnder(join(root, 'examples')), ...filesUnder(rulesDir)].map((f) => readFileSync(f, 'utf8')).concat(EDGES);

  it('are given for every check with a prefilter', () => {
    assert.deepEqual(checks.filter((c) => c.prefilter && !c.hints).map((c) => c.name), []);
    assert.ok(hinted.length >= 9, `${hinted.length} checks with hints`);
  });

  it('are found in every text the prefilter accepts', () => {
    const missed: string[] = [];
    for (const check of hinted) {
      const scan = new LiteralScan(check.hints!);
      let accepted = 0;
      for (const text of texts) {
        if (!check.prefilter!.test(text)) continue;
        accepted++;
        if (scan.find(text).size === 0) missed.push(`${check.name}: ${text.slice(0, 80)}`);
      }
      assert.ok(accepted > 0, `no text exercises ${check.name}'s prefilter`);
    }
    assert.deepEqual(missed, []);
  });
});
