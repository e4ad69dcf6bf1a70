// Links from diagnostics to their rule's page (dist/rule-docs/<platform>/<rule>.md, written at build
// time), asked of the disk once per rule: a 5,000-finding file asked it 5,000 times per edit.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtinRulesDir } from '../engine/rules/builtin';

export function ruleDocsLinks(): (ruleId: string) => string | undefined {
  const dir = join(dirname(builtinRulesDir()), 'dist', 'rule-docs');
  const links = new Map<string, string | undefined>();
  return (ruleId) => {
    if (!links.has(ruleId)) {
      const file = join(dir, `${ruleId}.md`);
      links.set(ruleId, existsSync(file) ? pathToFileURL(file).toString() : undefined);
    }
    return links.get(ruleId);
  };
}
