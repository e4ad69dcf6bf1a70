// The `secret-literal` check: hard-coded credentials of the families a rule asks for. One scan per
// file serves every rule (see findSecrets); each rule keeps its own families, severity and advice.

import type { CheckFile, CheckHit, FileCheck } from '../registry';
import { redact } from '../../util/redact';
import { TEST_DATA_PATH } from './named';
import { findSecrets } from './scan';

/** Families read from names alone: in test data and env templates they are expected, not leaks. */
const NAME_FAMILIES = new Set(['named-credential', 'env-fallback']);

export const secretLiteral: FileCheck = {
  name: 'secret-literal',
  scope: 'file',
  textOnly: true,
  run(file: CheckFile, options: Record<string, unknown>): CheckHit[] {
    const families = Array.isArray(options.families) ? (options.families as string[]) : undefined;
    return findSecrets(file.text, file.literals)
      .filter((s) => !families || families.includes(s.family))
      .filter((s) => !NAME_FAMILIES.has(s.family) || !TEST_DATA_PATH.test(file.file))
      .map((s) => {
        const shown = s.shown ?? redact(s.secret);
        return { span: { start: s.start, end: s.end }, vars: { label: s.label, redacted: shown, match: shown } };
      });
  },
};
