// No secret reaches the SARIF output, the exit plan or a baseline file: neither the secrets the
// example apps plant nor freshly generated ones (collected the way test/security/secrets.test.ts does).

import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { auditFolder } from '../../server/src/engine/audit';
import { createBaseline } from '../../server/src/engine/baseline/baseline';
import { findSecrets } from '../../server/src/engine/checks/secrets/scan';
import { formatMarkdown } from '../../server/src/engine/report/markdown';
import { formatSarif } from '../../server/src/engine/report/sarif';
import { formatText } from '../../server/src/engine/report/text';
import { indexOf } from '../helpers/gitIndex';
import { writeTree } from '../helpers/workspace';
import { examplesDir, ruleSet } from '../cost/helpers';

function collectSecrets(dir: string, into: Set<string>): Set<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) collectSecrets(path, into);
    else {
      const text = readFileSync(path, 'utf8');
      for (const s of findSecrets(text)) into.add(text.slice(s.start, s.end));
    }
  }
  return into;
}

/** mulberry32: the same "random" secrets on every run. */
let state = 20250117;
function next(): number {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const alnum = (n: number) => Array.from({ length: n }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(next() * 62)]).join('');

function jwt(payload: object): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}`;
  return `${unsigned}.${createHmac('sha256', alnum(32)).update(unsigned).digest('base64url')}`;
}


async function outputs(root: string): Promise<Record<string, string>> {
  const report = await auditFolder(root, ruleSet, { workers: 0 });
  return {
    sarif: formatSarif(report, ruleSet.rules),
    markdown: formatMarkdown(report, ruleSet.rules),
    baseline: JSON.stringify(createBaseline(report.findings)),
    text: formatText(report, false),
    json: JSON.stringify(report.findings),
  };
}

function assertNoLeak(secrets: Set<string>, outs: Record<string, string>): void {
  assert.ok(secrets.size > 0, 'there are secrets to look for');
  for (const [name, text] of Object.entries(outs)) {
    for (const secret of secrets) {
      for (let i = 0; i + 9 <= secret.length; i += 3) assert.ok(!text.includes(secret.slice(i, i + 9)), `${name} leaks part of ${secret.slice(0, 4)}…`);
    }
  }
}

describe('secrets stay out of SARIF, the exit plan and baselines', () => {
  it('for the example apps', async () => {
    const secrets = collectSecrets(examplesDir, new Set());
    assertNoLeak(secrets, await outputs(examplesDir));
  });

  it('for freshly planted secrets in code, SQL and env files', async () => {
    const serviceRole = jwt({ iss: 'supabase', ref: 'abcdefghijklmnopqrst', role: 'service_role' });
    const stripe = `sk_live_${alnum(99)}`;
    const openai = `sk-proj-${alnum(74)}T3BlbkFJ${alnum(74)}`;
    const root = writeTree({
      'package.json': JSON.stringify({ dependencies: { '@supabase/supabase-js': '^2' } }),
      'src/admin.ts': `import { createClient } from '@supabase/supabase-js'\nexport const admin = createClient('https://abcdefghijklmnopqrst.supabase.co', '${serviceRole}')\nexport const rows = admin.from('notes').select('*')\n`,
      'src/pay.ts': `const stripeKey = '${stripe}'\nexport default stripeKey\n`,
      '.env': `VITE_OPENAI_API_KEY=${openai}\n`,
      'supabase/migrations/1_init.sql': `insert into vault.secrets (secret) values ('${stripe}');\ncreate table notes (id uuid default auth.uid());\n`,
    });
    const outs = await outputs(root);
    assert.match(outs.sarif, /supabase\/service-role-key/, 'the secret was found, so the outputs do mention it (redacted)');
    assertNoLeak(new Set([serviceRole, stripe, openai]), outs);
  });

  it('for the detectors that read names, fallbacks, other issuers\' JWTs and returned env values', async () => {
    const bearer = jwt({ iss: 'automation', sub: alnum(20), scope: 'workflows:write' });
    const resend = `re_${alnum(8)}_${alnum(24)}`;
    const appwrite = `standard_${Array.from({ length: 128 }, () => '0123456789abcdef'[Math.floor(next() * 16)]).join('')}`;
    const password = `${alnum(6)}7${alnum(5)}`;
    const fallback = `fallback${alnum(6)}`;
    const root = writeTree({
      'scripts/migrate.js': `module.exports = { endpoint: 'https://cloud.appwrite.io/v1', apiKey: '${appwrite}' };\n`,
      'scripts/admin.mjs': `const login = { identity: 'ops@example.test', password: '${password}' };\nexport default login;\n`,
      'src/hooks.ts': `export const token = '${bearer}';\nexport const mail = process.env.RESEND_KEY ?? '${resend}';\n`,
      'src/secret.ts': `export const hookSecret = process.env.HOOK_SECRET || '${fallback}';\n`,
      'netlify/functions/key.js': `exports.handler = async () => ({ statusCode: 200, body: JSON.stringify({ key: process.env.MAPS_API_KEY }) });\n`,
    });
    const outs = await outputs(root);
    for (const id of ['generic/hardcoded-jwt', 'generic/messaging-token', 'generic/platform-token', 'generic/hardcoded-credential', 'generic/env-fallback-secret', 'generic/secret-env-returned']) {
      assert.ok(outs.json.includes(`"${id}"`), `${id} reports in the planted tree`);
    }
    assertNoLeak(new Set([bearer, resend, appwrite, password, fallback]), outs);
  });

  it('for an env file that .gitignore lists but git tracks, reported as committed', async () => {
    const stripe = `sk_live_${alnum(99)}`;
    const password = `${alnum(7)}4${alnum(6)}`;
    const untracked = `sk_live_${alnum(99)}`;
    const root = writeTree({
      '.gitignore': '.env\n.env.local\n',
      '.env': `PORT=3000\nSTRIPE_SECRET_KEY=${stripe}\nADMIN_PASSWORD=${password}\n`,
      '.env.local': `STRIPE_SECRET_KEY=${untracked}\n`,
      '.git/index': indexOf(2, ['.env', '.gitignore']),
    });
    const report = await auditFolder(root, ruleSet, { workers: 0 });
    const committed = report.findings.filter((f) => f.ruleId === 'generic/committed-ignored-env-file');
    assert.deepEqual(committed.map((f) => `${f.file}:${f.line}`), ['.env:2'], 'the tracked file only, on its first credential');
    assert.match(committed[0].message, /Stripe live secret key .*and 1 more/);
    assert.ok(!report.findings.some((f) => f.file === '.env.local'), 'an ignored file git does not track is not read');
    const outs = await outputs(root);
    assert.match(outs.sarif, /committed-ignored-env-file/);
    assertNoLeak(new Set([stripe, password, untracked]), outs);
  });
});
