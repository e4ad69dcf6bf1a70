// Findings and audits for the cost and report tests: synthetic findings with only the fields the
// model reads, and audits of the example apps (cached: several tests read the same app).

import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { auditFolder, AuditReport } from '../../server/src/engine/audit';
import { builtinRulesDir } from '../../server/src/engine/rules/builtin';
import { loadRules } from '../../server/src/engine/rules/load';
import type { EffortGrade, Finding } from '../../server/src/engine/types';

export const rulesDir = builtinRulesDir();
export const ruleSet = loadRules([rulesDir], rulesDir);
export const examplesDir = join(dirname(rulesDir), 'examples');

let serial = 0;

export function finding(ruleId: string, category: string, file: string, line: number, effort: EffortGrade = 'M', message = ruleId): Finding {
  serial += 1;
  return {
    ruleId,
    kind: 'lockin',
    platform: ruleId.split('/')[0],
    category,
    severity: 'info',
    file,
    line,
    column: 1,
    endLine: line,
    endColumn: 10,
    message,
    fingerprint: `fp${serial}`,
    contentFingerprint: `cfp${serial}`,
    effort,
  };
}

const audits = new Map<string, Promise<AuditReport>>();

export function auditExample(name: string): Promise<AuditReport> {
  let found = audits.get(name);
  if (!found) {
    found = auditFolder(join(examplesDir, name), ruleSet, { workers: 0 });
    audits.set(name, found);
  }
  return found;
}

/** A scratch copy of an example app, to edit. */
export function copyExample(name: string): string {
  const root = join(mkdtempSync(join(tmpdir(), 'lockin-cost-')), name);
  cpSync(join(examplesDir, name), root, { recursive: true });
  return root;
}

/** A scratch folder holding the given files (path → text): an app shape written for a test. */
export function tree(files: Record<string, string>, prefix = 'lockin-cost-tree-'): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
