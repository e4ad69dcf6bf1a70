// A rule's documentation as Markdown: the page shipped for `codeDescription.href`, the hover, and
// the exit plan all say the same thing in the same words.

import type { CompiledRule, RuleJson } from './model';

const EFFORT_MEANING: Record<string, string> = {
  S: 'S — a mechanical rewrite, hours to a day',
  M: 'M — semantics differ but map well; days',
  L: 'L — data, security-model or account migration; weeks',
  XL: 'XL — no portable equivalent; re-architecture',
};

export function ruleDocsMarkdown(rule: RuleJson | CompiledRule, options: { heading?: boolean } = {}): string {
  const lines: string[] = [];
  if (options.heading !== false) lines.push(`# ${rule.id}`, '');
  lines.push(rule.docs.summary, '');
  const facts = [`**Kind:** ${rule.kind}`, `**Platform:** ${rule.platform}`, `**Capability:** ${rule.category}`, `**Severity:** ${rule.severity}`];
  if (rule.effort) facts.push(`**Migration effort:** ${EFFORT_MEANING[rule.effort] ?? rule.effort}`);
  if (rule.cwe) facts.push(`**Weakness:** ${rule.cwe}`);
  lines.push(facts.join(' · '), '');
  lines.push('## Why it matters', '', rule.docs.why, '');
  if (rule.docs.alternative) lines.push('## Portable alternative', '', rule.docs.alternative, '');
  if (rule.docs.fix) lines.push('## How to fix it', '', rule.docs.fix, '');
  if (rule.docs.references?.length) lines.push('## References', '', ...rule.docs.references.map((r) => `- ${r}`), '');
  lines.push(`Silence one finding with a reason: \`lockin-lens-ignore-next-line ${rule.id} -- <why this is acceptable>\` on the line above.`);
  return lines.join('\n') + '\n';
}
