// The example backends as a reviewer reads them: every lock-in site listed by hand in
// examples/README.md is reported, every planted security problem is found at its line, the
// look-alikes stay quiet, and the plain Express + Postgres app produces nothing at all.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { auditFolder, AuditReport } from '../server/src/engine/audit';
import { builtinRulesDir } from '../server/src/engine/rules/builtin';
import { loadRules } from '../server/src/engine/rules/load';

const examples = join(__dirname, '..', '..', 'examples');

interface ListedSite {
  app: string;
  file: string;
  line: number;
  platform: string;
}

/** Rows of the "Lock-in sites" tables: `` `file:12` ``, `` `file:12`, 14, 16 `` or `` `file:2`–4 ``. */
function listedLockinSites(): ListedSite[] {
  const text = readFileSync(join(examples, 'README.md'), 'utf8');
  const sites: ListedSite[] = [];
  let app = '';
  let inLockinTable = false;
  for (const line of text.split('\n')) {
    const heading = /^## (\S+)/.exec(line);
    if (heading) app = heading[1];
    if (/^###/.test(line)) inLockinTable = /Lock-in sites/.test(line);
    const row = inLockinTable && /^\| (`[^|]+)\| (\w+) \|/.exec(line);
    if (!row) continue;
    // A cell may name several files: `.env:1`, 2, 4; `.env.example:2`, 3
    for (const part of row[1].split(';')) {
      const site = /`([^`:]+):(\d+)`(.*)/.exec(part.trim());
      if (!site) continue;
      const [, file, first, more] = site;
      const lines = [Number(first)];
      const range = /^–(\d+)/.exec(more.trim());
      if (range) for (let n = Number(first) + 1; n <= Number(range[1]); n++) lines.push(n);
      for (const extra of more.matchAll(/,\s*(\d+)/g)) lines.push(Number(extra[1]));
      for (const expanded of expandFolders(app, file)) for (const n of lines) sites.push({ app, file: expanded, line: n, platform: row[2] });
    }
  }
  return sites;
}

/** A `*` folder in a listed path (the Base44 functions row) becomes one path per existing folder. */
function expandFolders(app: string, file: string): string[] {
  const star = file.indexOf('*');
  if (star < 0) return [file];
  const dir = file.slice(0, star);
  const rest = file.slice(star + 1);
  return readdirSync(join(examples, app, dir)).map((name) => `${dir}${name}${rest}`).filter((f) => existsSync(join(examples, app, f)));
}

describe('example backends', () => {
  let report: AuditReport;
  before(async () => {
    const rulesDir = builtinRulesDir();
    report = await auditFolder(examples, loadRules([rulesDir], rulesDir));
  });

  it('audits every example file without errors', () => {
    assert.deepEqual(report.errors, []);
    assert.ok(report.stats.files > 70);
  });

  it('reports every lock-in site listed by hand in examples/README.md', () => {
    const listed = listedLockinSites();
    assert.ok(listed.length > 80, `parsed ${listed.length} listed sites`);
    const missing = listed.filter(
      (s) => !report.findings.some((f) => f.kind === 'lockin' && f.file === `${s.app}/${s.file}` && f.line === s.line && f.platform === s.platform),
    );
    assert.deepEqual(missing.map((s) => `${s.app}/${s.file}:${s.line} (${s.platform})`), []);
  });

  it('reports no lock-in site that examples/README.md does not list (the exact set, as for security)', () => {
    const listed = new Set(listedLockinSites().map((s) => `${s.app}/${s.file}:${s.line} (${s.platform})`));
    const extra = report.findings.filter((f) => f.kind === 'lockin').map((f) => `${f.file}:${f.line} (${f.platform})`).filter((site) => !listed.has(site));
    assert.deepEqual([...new Set(extra)].sort(), []);
  });

  it('finds each planted security problem at its line, and nothing else', () => {
    const security = report.findings.filter((f) => f.kind === 'security').map((f) => `${f.ruleId} ${f.file}:${f.line}`);
    assert.deepEqual(security.sort(), [
      'base44/requires-auth-false-with-writes base44-app/src/api/base44Client.js:7',
      'base44/service-role-without-caller-check base44-app/base44/functions/archiveStaleDeals/entry.ts:18',
      'firebase/admin-without-verify-id-token firebase-app/functions/src/index.ts:64',
      'firebase/firestore-rules-public-write firebase-app/firestore.rules:29',
      'generic/client-exposed-secret-env supabase-app/.env:4',
      'supabase/policy-true-read supabase-app/supabase/migrations/20240120110000_sharing_and_activity.sql:14',
      'supabase/rls-missing supabase-app/supabase/migrations/20240120110000_sharing_and_activity.sql:25',
      'supabase/security-definer-search-path supabase-app/supabase/migrations/20240120110000_sharing_and_activity.sql:35',
      'supabase/service-role-function-without-caller-check supabase-app/supabase/functions/purge-user/index.ts:23',
      'supabase/service-role-key supabase-app/.env:4',
      'supabase/service-role-key supabase-app/src/lib/adminClient.ts:6',
      'supabase/verify-jwt-disabled supabase-app/supabase/config.toml:35',
    ]);
  });

  it('stays quiet on the look-alikes: local fake clients, guarded functions, public keys', () => {
    const quietFiles = [
      'base44-app/src/lib/offlinePreview.js',
      'base44-app/base44/functions/summarizeDeal/entry.ts',
      'base44-app/base44/functions/paymentWebhook/entry.ts',
      'supabase-app/supabase/functions/invite-member/index.ts',
    ];
    const security = report.findings.filter((f) => f.kind === 'security' && quietFiles.includes(f.file));
    assert.deepEqual(security, []);
    assert.deepEqual(report.findings.filter((f) => f.file === 'base44-app/src/lib/offlinePreview.js'), []);
    const publicKeys = report.findings.filter((f) => f.kind === 'security' && /supabaseClient\.ts|firebase\.ts|\.env\.example/.test(f.file));
    assert.deepEqual(publicKeys, [], 'anon JWT, Firebase web key and placeholders are public or empty');
  });

  it('finds nothing in the plain Express + Postgres backend', () => {
    assert.deepEqual(report.findings.filter((f) => f.file.startsWith('express-postgres/')), []);
  });
});
