// Loads rule folders: validates every rule against rules/rule.schema.json, compiles its matcher, and
// reports each bad file once (file and field) while every other rule still loads.

import type { ErrorObject } from 'ajv';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { Minimatch } from 'minimatch';
import '../checks';
import { findCheck } from '../checks/registry';
import { parsePathPattern } from '../refs';
import type { ScanError } from '../types';
import { globsToMatcher } from '../util/glob';
// The schema validators, generated from rules/*.schema.json at build time (scripts/gen-validators.mjs):
// compiling the schemas with Ajv here cost about 40 ms of every start.
import { schemaValidators as validate } from './generated/validators';
import { CompiledMatcher, CompiledRule, PlatformDescriptor, RuleJson } from './model';
import { markBuiltIn } from './trust';

export interface RuleSet {
  /** Where the rules came from, so worker threads can load the same set. */
  sources: { folders: string[]; schemaDir: string };
  rules: CompiledRule[];
  platforms: PlatformDescriptor[];
  errors: ScanError[];
}

const PLATFORM_FILE = '_platform.json';

/**
 * Loads the given folders (each laid out as rules/<platform>/<name>.json). schemaDir is the built-in
 * rules folder, whose schemas the validators were generated from.
 */
export function loadRules(folders: string[], schemaDir: string): RuleSet {
  const set: RuleSet = { sources: { folders, schemaDir }, rules: [], platforms: [], errors: [] };
  const seen = new Set<string>();
  const madeGlobs = new Map<string, Minimatch>(); // shared by the rules that use the same glob
  for (const folder of folders) {
    // The schemas live in the built-in rules folder; rules from any other folder are untrusted.
    const builtIn = resolve(folder) === resolve(schemaDir);
    for (const file of listRuleFiles(folder, set.errors)) {
      const json = readJson(file, set.errors);
      if (json === undefined) continue;
      if (basename(file) === PLATFORM_FILE) {
        if (validate.platform(json)) {
          set.platforms.push(json as PlatformDescriptor);
          if (builtIn) markBuiltIn(json as PlatformDescriptor);
        } else set.errors.push({ file, message: describeSchemaError(validate.platform.errors) });
        continue;
      }
      if (!validate.rule(json)) {
        set.errors.push({ file, message: describeSchemaError(validate.rule.errors) });
        continue;
      }
      const rule = compileRule(json as RuleJson, file, set.errors, madeGlobs);
      if (!rule) continue;
      if (seen.has(rule.id)) {
        set.errors.push({ file, message: `duplicate rule id '${rule.id}' (the first one loaded is kept)` });
        continue;
      }
      seen.add(rule.id);
      if (builtIn) markBuiltIn(rule);
      set.rules.push(rule);
    }
  }
  set.rules.sort((a, b) => a.id.localeCompare(b.id));
  return set;
}

/** Rule and platform files: <folder>/<platform>/*.json, skipping fixtures. Sorted for stable output. */
function listRuleFiles(folder: string, errors: ScanError[]): string[] {
  const out: string[] = [];
  let platforms: string[];
  try {
    platforms = readdirSync(folder).sort();
  } catch (e) {
    errors.push({ file: folder, message: `cannot read rule folder: ${(e as Error).message}` });
    return out;
  }
  for (const platform of platforms) {
    const dir = join(folder, platform);
    try {
      if (!statSync(dir).isDirectory()) continue;
      for (const name of readdirSync(dir).sort()) {
        if (name.endsWith('.json') && !name.includes('.fixture')) out.push(join(dir, name));
      }
    } catch (e) {
      errors.push({ file: dir, message: `cannot read rule folder: ${(e as Error).message}` });
    }
  }
  return out;
}

function readJson(file: string, errors: ScanError[]): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    errors.push({ file, message: `not valid JSON: ${(e as Error).message}` });
    return undefined;
  }
}

/** One readable sentence naming the field, from ajv's errors. */
export function describeSchemaError(errors: ErrorObject[] | null | undefined): string {
  const useful = (errors ?? []).filter((e) => e.keyword !== 'if' && e.keyword !== 'allOf');
  const e = useful[0] ?? errors?.[0];
  if (!e) return 'does not match the rule schema';
  const field = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : '(top level)';
  switch (e.keyword) {
    case 'required': return `missing field '${e.instancePath ? field + '.' : ''}${(e.params as { missingProperty: string }).missingProperty}'`;
    case 'additionalProperties': return `unknown field '${(e.params as { additionalProperty: string }).additionalProperty}' in ${field}`;
    case 'enum': return `field '${field}' must be one of: ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
    case 'maxProperties':
    case 'minProperties': return `field '${field}' must hold exactly one matcher (import, member, dependency, env, text, file or check)`;
    default: return `field '${field}' ${e.message ?? 'is invalid'}`;
  }
}

function compileRule(json: RuleJson, file: string, errors: ScanError[], madeGlobs: Map<string, Minimatch>): CompiledRule | undefined {
  const expectedId = `${basename(join(file, '..'))}/${basename(file, '.json')}`;
  if (json.id !== expectedId) {
    errors.push({ file, message: `field 'id' is '${json.id}' but the file's place says '${expectedId}'` });
    return undefined;
  }
  try {
    const matcher = compileMatcher(json);
    if (matcher.type === 'text' || matcher.type === 'file') {
      if (!json.files?.include) throw new Error(`a ${matcher.type} rule needs 'files.include'`);
    }
    const include = fileGlobs(json.files?.include, madeGlobs);
    const exclude = fileGlobs(json.files?.exclude, madeGlobs);
    const toMatcher = (globs: string[] | undefined) => (globs && globs.length > 0 ? globsToMatcher(globs) : undefined);
    return { ...json, source: file, include, exclude, includeMatch: toMatcher(json.files?.include), excludeMatch: toMatcher(json.files?.exclude), matcher };
  } catch (e) {
    errors.push({ file, message: (e as Error).message });
    return undefined;
  }
}

/**
 * files.include/exclude as Minimatch objects (fileFilter matches with them), one per distinct glob:
 * the built-in rules share about 90 globs among 390 uses, and one object per use cost about 13 ms
 * of loading. They are still made here rather than on first use because making one is also the
 * check minimatch does (a glob too long or with too many extglobs is a load error of its rule).
 */
function fileGlobs(patterns: string[] | undefined, made: Map<string, Minimatch>): Minimatch[] | undefined {
  return patterns?.map((pattern) => {
    let glob = made.get(pattern);
    if (!glob) made.set(pattern, (glob = new Minimatch(pattern, { dot: true })));
    return glob;
  });
}

function compileMatcher(json: RuleJson): CompiledMatcher {
  const [type, body] = Object.entries(json.match)[0] as [string, Record<string, unknown>];
  const globs = (list: unknown) => (list as string[]).map((p) => new Minimatch(p));
  switch (type) {
    case 'import': return { type, modules: globs(body.modules) };
    case 'dependency': return { type, packages: globs(body.packages) };
    case 'env': return { type, names: globs(body.names), in: (body.in as 'code' | 'dotenv' | 'both') ?? 'both' };
    case 'member':
      return { type, patterns: (body.paths as string[]).map((p) => withField('match.member.paths', () => parsePathPattern(p))), valueOnly: body.valueOnly === true };
    case 'text':
      return { type, regex: withField('match.text.pattern', () => new RegExp(body.pattern as string, `${(body.flags as string) ?? ''}gd`)) };
    case 'file': return { type };
    case 'check': {
      const check = findCheck(body.name as string);
      if (!check) throw new Error(`field 'match.check.name': no built-in check named '${body.name}'`);
      return { type, check, options: (body.options as Record<string, unknown>) ?? {} };
    }
    default: throw new Error(`unknown matcher '${type}'`);
  }
}

function withField<T>(field: string, make: () => T): T {
  try {
    return make();
  } catch (e) {
    throw new Error(`field '${field}': ${(e as Error).message}`);
  }
}
