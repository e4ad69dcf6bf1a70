// Hover on a finding: what it is, why it matters, and the portable alternative or the fix.

import type { Hover, Position } from 'vscode-languageserver';
import { ruleDocsMarkdown } from '../engine/rules/docs';
import type { Finding } from '../engine/types';
import type { WorkspaceState } from '../engine/workspaceState';

/** Shown under a hover answered while newer edits of the document are still to be checked. */
export const STALE_NOTE = '_Lock-in Lens is still checking your latest edits: this is what an earlier version of the file showed._';

export function hoverFor(findings: Finding[], position: Position, state: WorkspaceState, stale = false): Hover | undefined {
  const line = position.line + 1;
  const column = position.character + 1;
  const here = findings.filter((f) => {
    const afterStart = line > f.line || (line === f.line && column >= f.column);
    const beforeEnd = line < f.endLine || (line === f.endLine && column <= f.endColumn);
    return afterStart && beforeEnd;
  });
  if (here.length === 0) return undefined;
  const sections = here.map((f) => {
    const rule = state.rule(f.ruleId);
    const body = rule ? ruleDocsMarkdown(rule, { heading: false }).replace(/^## /gm, '#### ') : '';
    // The editor already shows the diagnostic's message; the hover adds the why and the way out.
    return `**Lock-in Lens** · \`${f.ruleId}\`\n\n${body}`;
  });
  if (stale) sections.push(STALE_NOTE);
  return { contents: { kind: 'markdown', value: sections.join('\n\n---\n\n') } };
}
