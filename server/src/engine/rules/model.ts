// Rules after loading: the JSON of rules/rule.schema.json, with matchers compiled once.

import { Minimatch } from 'minimatch';
import type { PathPattern } from '../refs';
import type { PathMatcher } from '../util/glob';
import type { EffortGrade, Kind, Severity } from '../types';
import type { Check } from '../checks/registry';
import { TimeBudgetExceeded, withinBudget } from '../util/timeBudget';
import { isBuiltIn, isStopped, stopRule } from './trust';

export interface RuleDocs {
  summary: string;
  why: string;
  alternative?: string;
  fix?: string;
  references?: string[];
}

export interface RuleJson {
  id: string;
  kind: Kind;
  platform: string;
  category: string;
  severity: Severity;
  message: string;
  docs: RuleDocs;
  effort?: EffortGrade;
  cwe?: string;
  files?: { include?: string[]; exclude?: string[] };
  match: Record<string, unknown>;
}

export type CompiledMatcher =
  | { type: 'import'; modules: Minimatch[] }
  | { type: 'member'; patterns: PathPattern[]; valueOnly: boolean }
  | { type: 'dependency'; packages: Minimatch[] }
  | { type: 'env'; names: Minimatch[]; in: 'code' | 'dotenv' | 'both' }
  | { type: 'text'; regex: RegExp }
  | { type: 'file' }
  | { type: 'check'; check: Check; options: Record<string, unknown> };

export interface CompiledRule extends RuleJson {
  /** Absolute path of the rule file (for error messages and fixtures). */
  source: string;
  include?: Minimatch[];
  exclude?: Minimatch[];
  /** include and exclude, each compiled into one regular expression (tested for every file). */
  includeMatch?: PathMatcher;
  excludeMatch?: PathMatcher;
  matcher: CompiledMatcher;
}

export interface PlatformDescriptor {
  platform: string;
  modules: string[];
  clients?: Record<string, string[]>;
  globals?: string[];
  specifiers?: { match: string; module: string }[];
  /** Names a framework module makes global when a package.json lists it: dependency → { name → `module#export` }. */
  autoImports?: Record<string, Record<string, string>>;
}

/**
 * Does a rule apply to this root-relative file path? A custom rule's globs are regular expressions
 * too (`*a*a*a*a*b` backtracks on a long name): they run on the time budget, and a rule whose globs
 * overrun is stopped (RuleIndex reports it) and applies nowhere, like any stopped rule.
 */
export function ruleAppliesTo(rule: CompiledRule, file: string): boolean {
  if (isBuiltIn(rule)) return globsSelect(rule, file);
  if (isStopped(rule)) return false;
  try {
    return withinBudget(() => globsSelect(rule, file));
  } catch (e) {
    if (!(e instanceof TimeBudgetExceeded)) throw e;
    stopRule(rule, 'files', `field 'files': rule ${rule.id} was stopped: its globs ran longer than ${e.budgetMs} ms on the path ${file}; it is off until the rules are loaded again`);
    return false;
  }
}

function globsSelect(rule: CompiledRule, file: string): boolean {
  if (rule.includeMatch && !rule.includeMatch.test(file)) return false;
  if (rule.excludeMatch && rule.excludeMatch.test(file)) return false;
  return true;
}
