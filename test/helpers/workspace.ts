// Small workspaces for engine tests: write a tree of files to a temporary folder, and a compact
// rule set of our own, so engine behaviour is tested independently of the built-in rule packs.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { scanTexts } from '../../server/src/engine/audit';
import { builtinRulesDir } from '../../server/src/engine/rules/builtin';
import { loadRules, RuleSet } from '../../server/src/engine/rules/load';
import type { Finding } from '../../server/src/engine/types';

export function writeTree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'lockin-test-'));
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), content);
  }
  return root;
}

const docs = { summary: 'test rule', why: 'test', alternative: 'test' };

function rule(id: string, category: string, match: object, extra: object = {}) {
  return { id, kind: 'lockin', platform: 'generic', category, severity: 'info', effort: 'M', message: `${id} {{arg0}}`, docs, match, ...extra };
}

/** A rule set with a few rules in the shapes the built-in packs use. */
export function testRuleSet(): RuleSet {
  const rulesDir = writeTree({
    'acme/_platform.json': JSON.stringify({
      platform: 'acme',
      modules: ['@acme/sdk', '@acme/*'],
      clients: { acme: ['@acme/sdk#createClient()', '@acme/sdk#createClientFromRequest()', '@acme/sdk#AcmeClient()'] },
      globals: ['Deno'],
      specifiers: [{ match: '(^|/)_generated/(server|api)$', module: 'acme/_generated/$2' }],
    }),
    'acme/import.json': JSON.stringify(rule('acme/import', 'sdk', { import: { modules: ['@acme/*'] } })),
    'acme/from.json': JSON.stringify(rule('acme/from', 'database', { member: { paths: ['$acme.from()'] } })),
    'acme/entities.json': JSON.stringify(rule('acme/entities', 'database', { member: { paths: ['$acme.**.entities.!User.*()'] } })),
    'acme/create.json': JSON.stringify(rule('acme/create', 'sdk', { member: { paths: ['@acme/sdk#createClient()'] } })),
    'acme/handler-db.json': JSON.stringify(rule('acme/handler-db', 'database', { member: { paths: ['acme/_generated/server#query.=>0.db.*()'] } })),
    'acme/serve.json': JSON.stringify(rule('acme/serve', 'functions', { member: { paths: ['global:Deno.serve()'] } })),
    'acme/dependency.json': JSON.stringify(rule('acme/dependency', 'sdk', { dependency: { packages: ['@acme/*'] } })),
    'acme/env.json': JSON.stringify(rule('acme/env', 'config', { env: { names: ['*ACME_*'] } })),
    'acme/config.json': JSON.stringify(rule('acme/config', 'config', { text: { pattern: 'open\\s*=\\s*(?<at>true)' } }, { files: { include: ['**/acme.toml'] } })),
  });
  return loadRules([rulesDir], builtinRulesDir());
}

/** Findings for in-memory files, as [ruleId, file, line] triples sorted for comparison. */
export function scanMemory(files: Record<string, string>, ruleSet = testRuleSet()): { findings: Finding[]; triples: [string, string, number][] } {
  const { state } = scanTexts(new Map(Object.entries(files)), ruleSet);
  const findings = state.allFindings();
  return { findings, triples: findings.map((f) => [f.ruleId, f.file, f.line] as [string, string, number]) };
}
