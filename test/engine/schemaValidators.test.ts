// The rule and platform validators are generated at build time (scripts/gen-validators.mjs). They
// must stay what Ajv compiles from the schema files on disk today: same verdicts, same errors (so
// the same load messages), and a glob minimatch rejects must still be a load error of its rule.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv, { ValidateFunction } from 'ajv';
import { builtinRulesDir } from '../../server/src/engine/rules/builtin';
import { SCHEMA_SHA256, schemaValidators } from '../../server/src/engine/rules/generated/validators';
import { loadRules } from '../../server/src/engine/rules/load';
import { writeTree } from '../helpers/workspace';

const rulesDir = builtinRulesDir();
const SCHEMA_FILES = { rule: 'rule.schema.json', platform: 'platform.schema.json', calibration: 'calibration.schema.json' } as const;
type Kind = keyof typeof SCHEMA_FILES;

/** The validators as loadRules compiled them before they were generated (one Ajv, same options). */
function compiledNow(): Record<Kind, ValidateFunction> {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const read = (kind: Kind) => JSON.parse(readFileSync(join(rulesDir, SCHEMA_FILES[kind]), 'utf8'));
  // The calibration schema had an Ajv of its own (cost/calibration.ts).
  const calibration = new Ajv({ allErrors: true, strict: false }).compile(read('calibration'));
  return { rule: ajv.compile(read('rule')), platform: ajv.compile(read('platform')), calibration };
}

/** Every built-in rule and platform file, parsed. */
function builtinJson(): { kind: Kind; json: Record<string, unknown> }[] {
  const dirs = readdirSync(rulesDir, { withFileTypes: true }).filter((d) => d.isDirectory());
  return dirs.flatMap((d) =>
    readdirSync(join(rulesDir, d.name))
      .filter((f) => f.endsWith('.json') && !f.includes('.fixture'))
      .map((f) => ({ kind: (f === '_platform.json' ? 'platform' : 'rule') as Kind, json: JSON.parse(readFileSync(join(rulesDir, d.name, f), 'utf8')) })),
  );
}

/** Broken copies of a valid file: the mistakes rule authors make, one at a time. */
function mutations(json: Record<string, unknown>): unknown[] {
  const without = Object.keys(json).map((key) => Object.fromEntries(Object.entries(json).filter(([k]) => k !== key)));
  const retyped = Object.keys(json).map((key) => ({ ...json, [key]: 42 }));
  const docs = json.docs as Record<string, unknown> | undefined;
  return [
    ...without, ...retyped,
    { ...json, colour: 'red' }, { ...json, kind: 'other' }, { ...json, id: 'Not An Id' }, { ...json, match: {} },
    { ...json, match: { file: {}, import: { modules: ['x'] } } }, { ...json, match: { text: { pattern: '', flags: 'x' } } },
    { ...json, files: { include: [] } }, { ...json, files: { include: ['*'], colour: 1 } },
    { ...json, docs: { ...docs, summary: '' } }, { ...json, modules: [] }, { ...json, clients: { x: 'y' } },
  ];
}

describe('generated schema validators', () => {
  it('were generated from the schema files as they are now', () => {
    for (const file of Object.values(SCHEMA_FILES)) {
      const now = createHash('sha256').update(readFileSync(join(rulesDir, file), 'utf8')).digest('hex');
      assert.equal(SCHEMA_SHA256[file], now, `rules/${file} changed since the validators were generated: run npm run build`);
    }
  });

  it('give the same verdicts and errors as Ajv compiling the schema files', () => {
    const now = compiledNow();
    let invalid = 0;
    const calibration = { kind: 'calibration' as Kind, json: JSON.parse(readFileSync(join(rulesDir, 'calibration.json'), 'utf8')) };
    const inputs = [...builtinJson(), calibration].flatMap(({ kind, json }) => [json, ...mutations(json)].map((input) => ({ kind, input })));
    for (const input of [null, [], 'x', 42]) inputs.push({ kind: 'rule', input }, { kind: 'platform', input });
    for (const { kind, input } of inputs) {
      const ok = schemaValidators[kind](input);
      assert.equal(ok, now[kind](input), JSON.stringify(input));
      assert.deepEqual(schemaValidators[kind].errors ?? null, now[kind].errors ?? null, JSON.stringify(input));
      if (!ok) invalid++;
    }
    assert.ok(invalid > 1000, `only ${invalid} invalid inputs were compared`);
  });

  it('keeps a glob that minimatch rejects a load error of its rule, and other rules with the same globs load', () => {
    const docs = { summary: 's', why: 'w', alternative: 'a' };
    const rule = (id: string, include: string[]) =>
      JSON.stringify({ id, kind: 'lockin', platform: 'generic', category: 'config', severity: 'info', effort: 'S', message: 'm', docs, match: { file: {} }, files: { include } });
    const dir = writeTree({
      'generic/long.json': rule('generic/long', ['a'.repeat(65 * 1024)]),
      'generic/one.json': rule('generic/one', ['**/*.toml']),
      'generic/two.json': rule('generic/two', ['**/*.toml', 'x.yml']),
    });
    const set = loadRules([dir], rulesDir);
    assert.deepEqual(set.rules.map((r) => r.id), ['generic/one', 'generic/two']);
    assert.deepEqual(set.errors.map((e) => [e.file.slice(dir.length + 1), e.message]), [['generic/long.json', 'pattern is too long']]);
    const [one, two] = set.rules;
    assert.ok(one.include?.[0].match('a/b.toml') && two.include?.[1].match('x.yml') && !two.include?.[1].match('a/b.toml'));
  });
});
