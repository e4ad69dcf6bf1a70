// The rule harness: every built-in rule loads cleanly, has docs and a fixture, and its fixture's
// `ruleid:`/`ok:` expectations hold exactly.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanTexts } from '../server/src/engine/audit';
import { builtinRulesDir } from '../server/src/engine/rules/builtin';
import { loadRules } from '../server/src/engine/rules/load';
import type { Finding } from '../server/src/engine/types';
import { expectationsIn, fixtureOf } from './helpers/fixtures';

const rulesDir = builtinRulesDir();
const ruleSet = loadRules([rulesDir], rulesDir);

describe('built-in rules', () => {
  it('all load without errors', () => {
    assert.deepEqual(ruleSet.errors, []);
    assert.ok(ruleSet.rules.length > 0);
  });

  for (const rule of ruleSet.rules) {
    describe(rule.id, () => {
      it('has docs', () => {
        assert.ok(rule.docs.summary && rule.docs.why, 'summary and why');
        if (rule.kind === 'lockin') assert.ok(rule.docs.alternative, 'a lock-in rule names the portable alternative');
        else assert.ok(rule.docs.fix && rule.cwe, 'a security rule has a fix and a CWE');
      });

      it('fixture expectations hold', () => {
        const fixture = fixtureOf(rule.source);
        assert.ok(fixture, `no fixture beside ${rule.source}`);
        const { state } = scanTexts(fixture.files, ruleSet);
        const findings = state.allFindings();
        const expectations = [...fixture.files].flatMap(([file, text]) => expectationsIn(file, text));
        const own = expectations.filter((e) => e.ruleId === rule.id);
        assert.ok(own.some((e) => e.expect === 'ruleid'), 'the fixture shows the rule firing (a ruleid: line)');
        assert.ok(own.some((e) => e.expect === 'ok'), 'the fixture shows the rule not firing (an ok: line)');
        const problems = [...unmet(expectations, findings), ...unexpected(expectations, findings, rule.id)];
        assert.deepEqual(problems, []);
      });
    });
  }
});

function unmet(expectations: ReturnType<typeof expectationsIn>, findings: Finding[]): string[] {
  const problems: string[] = [];
  for (const e of expectations) {
    const hit = findings.some((f) => f.ruleId === e.ruleId && f.file === e.file && f.line === e.line);
    if (e.expect === 'ruleid' && !hit) problems.push(`missed ${e.ruleId} at ${e.file}:${e.line}`);
    if (e.expect === 'ok' && hit) problems.push(`false positive ${e.ruleId} at ${e.file}:${e.line}`);
  }
  return problems;
}

/** Findings of an annotated rule on lines that carry no `ruleid:` for it. */
function unexpected(expectations: ReturnType<typeof expectationsIn>, findings: Finding[], ownId: string): string[] {
  const annotated = new Set([ownId, ...expectations.map((e) => e.ruleId)]);
  return findings
    .filter((f) => annotated.has(f.ruleId))
    .filter((f) => !expectations.some((e) => e.expect === 'ruleid' && e.ruleId === f.ruleId && e.file === f.file && e.line === f.line))
    .map((f) => `unexpected ${f.ruleId} at ${f.file}:${f.line} (${f.message})`);
}
