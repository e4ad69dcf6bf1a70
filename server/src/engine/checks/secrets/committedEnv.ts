// Env files that a .gitignore lists yet the audit reads. The walk leaves an ignored file out unless
// git's index tracks it (workspace/walk.ts), so an ignored env file seen here is committed: its keys
// are in every clone and in the history although the author meant to keep them out. One finding
// per such file that holds a credential, on the first one, told in redacted form only.

import { posix } from 'node:path';
import type { CheckFile, CheckHit, WorkspaceCheck } from '../registry';
import { IgnoreRules } from '../../workspace/gitignore';
import { redact } from '../../util/redact';
import { envFileCredentials } from './named';
import { findSecrets } from './scan';

const ENV_FILE = /(^|\/)(\.env(\.[\w.-]+)?|\.dev\.vars)$/;
/** Templates meant to be committed with placeholder values. */
const TEMPLATE = /\.(example|sample|template|dist|defaults?)$/i;

export const committedEnvFile: WorkspaceCheck = {
  name: 'committed-ignored-env',
  scope: 'workspace',
  run(files) {
    const envFiles = files.filter((f) => ENV_FILE.test(f.file) && !TEMPLATE.test(f.file));
    if (envFiles.length === 0) return [];
    const rules = ignoreRulesOf(files);
    const hits: (CheckHit & { file: string })[] = [];
    for (const file of envFiles) {
      if (!ignored(rules, file.file)) continue;
      const secrets = credentialsIn(file);
      if (secrets.length === 0) continue;
      const first = secrets[0];
      const more = secrets.length > 1 ? ` and ${secrets.length - 1} more` : '';
      const shown = `${first.label} ${first.shown ?? redact(first.secret)}${more}`;
      hits.push({ file: file.file, span: { start: first.start, end: first.end }, vars: { secrets: shown } });
    }
    return hits;
  },
};

/** The workspace's .gitignore files, the shallow ones first so that deeper ones override them. */
function ignoreRulesOf(files: CheckFile[]): IgnoreRules {
  const rules = new IgnoreRules();
  const depth = (file: string) => file.split('/').length;
  const gitignores = files.filter((f) => /(^|\/)\.gitignore$/.test(f.file)).sort((a, b) => depth(a.file) - depth(b.file));
  for (const f of gitignores) rules.add(posix.dirname(f.file) === '.' ? '' : posix.dirname(f.file), f.text);
  return rules;
}

/** Ignored itself or through a folder on its way. */
function ignored(rules: IgnoreRules, rel: string): boolean {
  const parts = rel.split('/');
  for (let depth = 1; depth < parts.length; depth++) if (rules.ignores(parts.slice(0, depth).join('/'), true)) return true;
  return rules.ignores(rel, false);
}

/** Known key formats first, then secret-named settings with typed values. */
function credentialsIn(file: CheckFile) {
  const found = [...findSecrets(file.text, file.literals)];
  for (const s of envFileCredentials(file.text)) if (!found.some((f) => s.start < f.end && f.start < s.end)) found.push(s);
  return found.sort((a, b) => a.start - b.start);
}
