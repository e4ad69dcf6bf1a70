// The `secret-literal` check: hard-coded credentials of the families a rule asks for. One scan per
// file serves every rule (see findSecrets); each rule keeps its own families, severity and advice.

import type { CheckFile, CheckHit, FileCheck } from '../registry';
import { redact } from '../../util/redact';
import { findSecrets } from './scan';

export const secretLiteral: FileCheck = {
  name: 'secret-literal',
  scope: 'file',
  textOnly: true,
  run(file: CheckFile, options: Record<string, unknown>): CheckHit[] {
    const families = Array.isArray(options.families) ? (options.families as string[]) : undefined;
    return findSecrets(file.text, file.literals)
      .filter((s) => !families || families.includes(s.family))
      .map((s) => {
        const shown = s.shown ?? redact(s.secret);
        return { span: { start: s.start, end: s.end }, vars: { label: s.label, redacted: shown, match: shown } };
      });
  },
};
