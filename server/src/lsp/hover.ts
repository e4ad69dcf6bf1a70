// Hover on a finding: security first, most severe first, its fix before its reasons, so what to do
// shows without scrolling; lock-in touch points after it, as a short note with the way out.

import type { Hover, Position } from 'vscode-languageserver';
import { platformName } from '../engine/cost';
import { capabilityTitle } from '../engine/report/common';
import type { CompiledRule } from '../engine/rules/model';
import type { Finding, Severity } from '../engine/types';
import type { WorkspaceState } from '../engine/workspaceState';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

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
  // Beside a security finding a touch point is a short note; alone it says why it matters too.
  const brief = here.some((f) => f.kind === 'security');
  const sections = [...here].sort(bySecurityFirst).map((f) => {
    const rule = state.rule(f.ruleId);
    return f.kind === 'security' ? securitySection(f, rule) : lockinSection(f, rule, brief);
  });
  if (stale) sections.push(STALE_NOTE);
  return { contents: { kind: 'markdown', value: sections.join('\n\n---\n\n') } };
}

/** Security before lock-in, then by severity, then by position. */
export function bySecurityFirst(a: Finding, b: Finding): number {
  const kind = (f: Finding) => (f.kind === 'security' ? 0 : 1);
  return kind(a) - kind(b) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.line - b.line || a.column - b.column;
}

/** The editor shows the message above the hover; this adds the fix first, then why it matters. */
function securitySection(f: Finding, rule: CompiledRule | undefined): string {
  const lines = [`**Lock-in Lens · security ${f.severity}** · \`${f.ruleId}\`${f.cwe ? ` · ${f.cwe}` : ''}`];
  if (!rule) return lines[0];
  if (rule.docs.fix) lines.push(`#### How to fix it\n\n${rule.docs.fix}`);
  lines.push(`#### Why it matters\n\n${rule.docs.summary} ${rule.docs.why}`);
  return lines.join('\n\n');
}

/** A lock-in touch point: what ties the code to the platform and the portable way out, in brief. */
function lockinSection(f: Finding, rule: CompiledRule | undefined, brief: boolean): string {
  const where = `${platformName(f.platform)} · ${capabilityTitle(f.category)}${f.effort ? ` · effort ${f.effort}` : ''}`;
  const lines = [`**Lock-in touch point** · \`${f.ruleId}\` · ${where}`, f.message];
  if (rule && !brief) lines.push(`**Why it matters:** ${rule.docs.why}`);
  if (rule?.docs.alternative) lines.push(`**Portable alternative:** ${rule.docs.alternative}`);
  return lines.join('\n\n');
}
