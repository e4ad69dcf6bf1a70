// One file's scan: parse once, collect facts, and evaluate every rule that needs nothing from other
// files. Member rules (which may need cross-file resolution) and workspace checks run later.

import type ts from 'typescript';
import { CheckFile, mayFire } from '../checks/registry';
import type { RuleIndex } from '../context';
import { FactContext, factSteps, JsFacts, reparseSource } from '../js/facts';
import { parseWithoutParents } from '../js/parse';
import { FactMemo } from '../js/reuse';
import { ScopeTable } from '../js/scopes';
import { forgetTree, offerTree, recallLatest, rememberTree } from '../js/treeCache';
import { normalizeSpecifier } from '../modules';
import { textGate } from '../parseTriggers';
import type { CompiledRule } from '../rules/model';
import { isBuiltIn } from '../rules/trust';
import type { RawHit } from '../types';
import { parseJsonc } from '../util/jsonc';
import { describeFailure } from '../util/failure';
import { anyGlobMatches } from '../util/glob';
import { finish } from '../util/steps';
import type { Literal } from '../util/literalScan';
import { customRuleHits } from './customRules';
import { dependencyHits, dotenvEntries, envReadsFromFacts } from './extract';
import { FileKind, fileKindOf } from './fileKinds';

export interface FileScan {
  file: string;
  kind: FileKind;
  text: string;
  facts?: JsFacts;
  /** False for a JS file the prefilter let through unparsed (no rule could match it on its own). */
  parsed: boolean;
  /** The rule set's words in the text (RuleIndex.literalsIn), for the checks that run later. */
  literals: ReadonlySet<Literal>;
  /** Hits of rules that depend on this file alone. */
  hits: RawHit[];
  errors: string[];
}

const MAX_TEXT_HITS_PER_RULE = 200;

export interface ScanOptions {
  /** Parse JS even when the prefilter finds nothing a rule could match (open documents, no prefilter). */
  forceParse?: boolean;
  /**
   * Keep the parsed tree for a while (open documents: the next keystroke re-parses incrementally
   * from it, and the caller checks reuse it). Batch audits do not, to keep memory flat.
   */
  keepTree?: boolean;
}

/** Past this size a JS file is not parsed: the tree of a 50 MB bundle alone needs gigabytes. */
const MAX_PARSE_CHARS = 8 * 1024 * 1024;
/**
 * Past this bracket depth a JS file is not parsed either. Hand-written code stays far below it. Some
 * analyses of a tree grow faster than its depth (the caller checks' flow analysis about as its cube:
 * 0.1 s at 200 nested blocks, 5 s at 800), and whether a stack overflow cut them short depended on
 * how warm the JIT was; a fixed limit answers the same way every time.
 */
const MAX_NESTING = 256;

/** Facts of a JS file that was not parsed: nothing in it reaches a platform. */
export const NO_FACTS: JsFacts = Object.freeze({ imports: [], sites: [], exports: {}, starExports: [] }) as JsFacts;

export function scanFile(
  file: string,
  text: string,
  index: RuleIndex,
  factContext: FactContext,
  options: ScanOptions = {},
): FileScan {
  return finish(scanSteps(file, text, index, factContext, options));
}

/**
 * scanFile one step at a time: it pauses after the parse, after the facts and after each rule on a
 * tree, so the language server can answer requests between steps and drop a scan a newer text made
 * worthless (`return()`: nothing of it is kept, and no tree half-updated for it stays cached).
 */
export function* scanSteps(
  file: string,
  text: string,
  index: RuleIndex,
  factContext: FactContext,
  options: ScanOptions = {},
): Generator<void, FileScan, void> {
  const kind = fileKindOf(file);
  const applicable = index.rulesFor(file);
  const literals = index.literalsIn(text);
  const wantsParse = kind === 'js' && (options.forceParse || index.jsNeedsParse(file, text, applicable, literals));
  const refused = wantsParse ? whyNotParse(text) : undefined;
  const parse = wantsParse && !refused;
  // `parsed` says a parse was attempted, so the prefilter's second pass does not retry it forever.
  // A file that could not be parsed has no facts (not empty ones): nothing reads it as a module.
  const scan: FileScan = { file, kind, text, literals, hits: [], errors: [], parsed: wantsParse || kind !== 'js' };
  let checkFile: CheckFile = { file, text, literals };
  if (kind === 'js' && !wantsParse) scan.facts = NO_FACTS;
  if (refused) scan.errors.push(`${refused}; only its text was checked`);
  if (parse) {
    yield; // the prefilter's reading of the text, then the parse
    try {
      const { sourceFile, facts, scopes, memo } = yield* parseAndCollect(file, text, factContext, options.keepTree);
      scan.facts = facts;
      if (options.keepTree) rememberTree(file, text, { sourceFile, scopes, memo });
      else if (mayBeModelled(applicable, text, literals, facts)) offerTree(file, text, { sourceFile, scopes });
      if (scan.facts.syntaxError)
        scan.errors.push(
          `syntax error at line ${scan.facts.syntaxError.line}: ${scan.facts.syntaxError.message} (the rest of the file was still scanned)`,
        );
      checkFile = { file, text, sourceFile, facts: scan.facts, literals };
      yield;
    } catch (e) {
      // Nesting deep enough to exhaust the stack (10,000 brackets) breaks the parser, not the scan:
      // the file keeps its text rules, and a half-updated tree must not seed the next re-parse.
      forgetTree(file);
      scan.facts = undefined;
      scan.errors.push(`could not be parsed (${describeFailure(e)}); only its text was checked`);
    }
  }
  const custom: CompiledRule[] = [];
  for (const rule of rulesThatCanHit(applicable, kind, scan.facts !== undefined && scan.facts !== NO_FACTS)) {
    if (!isBuiltIn(rule)) {
      if (rule.matcher.type !== 'member') custom.push(rule); // member rules match later, in match.ts
      continue;
    }
    try {
      for (const hit of localHits(rule, scan, checkFile)) scan.hits.push(hit); // no spread: hits can be many
    } catch (e) {
      scan.errors.push(`rule ${rule.id} failed on this file: ${describeFailure(e)}`);
    }
    if (checkFile.sourceFile) yield; // rules on a tree are the costly ones
  }
  // Rules from the workspace or settings are untrusted: they run on a time budget.
  if (custom.length > 0)
    for (const hit of customRuleHits(custom, (rule) => localHits(rule, scan, checkFile), scan.errors))
      scan.hits.push(hit);
  return scan;
}

/**
 * Parses (incrementally, from the file's latest tree when one is kept) and collects the facts. A scan
 * stopped here for a newer text leaves its tree, walked, with what the facts' memo recorded of it
 * (only the statements recorded in that run are taken over next), as the next analysis's starting
 * point: otherwise each keystroke of fast typing stopped an analysis, and the next one parsed afresh
 * and evaluated every statement again.
 */
function* parseAndCollect(
  file: string,
  text: string,
  factContext: FactContext,
  keepTree = false,
): Generator<void, { sourceFile: ts.SourceFile; facts: JsFacts; scopes: ScopeTable; memo?: FactMemo }, void> {
  const previous = keepTree ? recallLatest(file) : undefined;
  // A re-parse moves the previous tree's nodes: that tree is never used again.
  if (previous) forgetTree(file);
  // (The scope walk below sets the parents of a fresh tree: see parseWithoutParents.)
  const sourceFile = previous
    ? reparseSource(previous.tree.sourceFile, previous.text, text)
    : parseWithoutParents(file, text);
  const memo = keepTree ? (previous?.tree.memo ?? new FactMemo()) : undefined;
  let walked: ScopeTable | undefined;
  let outcome: 'stopped' | 'failed' | 'done' = 'stopped';
  try {
    yield;
    const { facts, scopes } = yield* factSteps(sourceFile, factContext, memo, (s) => (walked = s));
    outcome = 'done';
    return { sourceFile, facts, scopes, memo };
  } catch (e) {
    outcome = 'failed'; // the caller forgets the tree: a half-updated one must not seed a re-parse
    throw e;
  } finally {
    if (outcome === 'stopped' && memo) {
      const scopes = walked ?? new ScopeTable(sourceFile, undefined, memo.scopes);
      rememberTree(file, text, { sourceFile, scopes, memo });
    }
  }
}

const plans = new WeakMap<CompiledRule[], Map<string, CompiledRule[]>>();

/**
 * The applicable rules that can hit a file of this kind, with or without facts: a file the
 * prefilter left unparsed has no imports, env reads or tree, and only manifests declare dependencies.
 * (Kept per rule list; rulesFor gives the files with the same globs answers one shared list.)
 */
function rulesThatCanHit(applicable: CompiledRule[], kind: FileKind, hasFacts: boolean): CompiledRule[] {
  let byCase = plans.get(applicable);
  if (!byCase) plans.set(applicable, (byCase = new Map()));
  const key = `${kind}|${hasFacts}`;
  let rules = byCase.get(key);
  if (!rules) byCase.set(key, (rules = applicable.filter((rule) => canHit(rule.matcher, kind, hasFacts))));
  return rules;
}

function canHit(m: CompiledRule['matcher'], kind: FileKind, hasFacts: boolean): boolean {
  switch (m.type) {
    case 'member':
      return false; // matched later, across files (match.ts)
    case 'import':
      return hasFacts;
    case 'env':
      return (m.in !== 'dotenv' && hasFacts) || (m.in !== 'code' && kind === 'dotenv');
    case 'dependency':
      return kind === 'package-json' || kind === 'deno-json';
    case 'check':
      // Linked and workspace checks run later; a JS file without a tree runs only text checks.
      return m.check.scope === 'file' && (m.check.textOnly === true || kind !== 'js' || hasFacts);
    default:
      return true;
  }
}

function localHits(rule: CompiledRule, scan: FileScan, checkFile: CheckFile): RawHit[] {
  const m = rule.matcher;
  const id = rule.id;
  switch (m.type) {
    case 'import':
      return (scan.facts?.imports ?? [])
        .filter((imp) => anyGlobMatches(m.modules, imp.module))
        .map((imp) => ({ ruleId: id, span: { start: imp.start, end: imp.end }, vars: { name: imp.module } }));
    case 'dependency':
      return packageNameHits(scan)
        .filter((d) => anyGlobMatches(m.packages, d.name))
        .map((d) => ({ ruleId: id, span: d.span, vars: { name: d.name } }));
    case 'env': {
      const reads = [
        ...(m.in !== 'dotenv' && scan.facts ? envReadsFromFacts(scan.facts) : []),
        ...(m.in !== 'code' && scan.kind === 'dotenv' ? dotenvEntries(scan.text) : []),
      ];
      return reads
        .filter((r) => anyGlobMatches(m.names, r.name))
        .map((r) => ({ ruleId: id, span: r.span, vars: { name: r.name } }));
    }
    case 'text':
      return textHits(id, m.regex, scan.text);
    case 'file':
      return [{ ruleId: id, span: firstContentLine(scan.text) }];
    case 'check':
      if (m.check.scope !== 'file') return [];
      // No tree: the prefilter decided the check cannot fire here, or the file did not parse.
      // (Decided before the check's own prefilter: most files of an audit are such JS files.)
      if (scan.kind === 'js' && !checkFile.sourceFile && !m.check.textOnly) return [];
      if (!mayFire(m.check, scan.text, scan.literals)) return [];
      return m.check.run(checkFile, m.options).map((h) => ({ ruleId: id, span: h.span, vars: h.vars }));
    case 'member':
      return [];
  }
}

/** Package names a manifest declares: package.json dependency keys, deno.json import map targets. */
function packageNameHits(scan: FileScan): { name: string; span: { start: number; end: number } }[] {
  if (scan.kind === 'package-json') return dependencyHits(scan.text);
  if (scan.kind !== 'deno-json') return [];
  let json: { imports?: Record<string, unknown> };
  try {
    json = parseJsonc(scan.text) as typeof json;
  } catch {
    return [];
  }
  const out: { name: string; span: { start: number; end: number } }[] = [];
  for (const [key, value] of Object.entries(json.imports ?? {})) {
    if (typeof value !== 'string') continue;
    const at = scan.text.indexOf(JSON.stringify(key));
    out.push({
      name: normalizeSpecifier(value),
      span: { start: Math.max(at, 0), end: Math.max(at, 0) + key.length + 2 },
    });
  }
  return out;
}

const textGates = new WeakMap<RegExp, ((text: string) => boolean) | undefined>();

function textHits(ruleId: string, regex: RegExp, text: string): RawHit[] {
  // A text without any of the words every match holds is not scanned with the regex (most files).
  if (!textGates.has(regex)) textGates.set(regex, textGate(regex));
  if (textGates.get(regex)?.(text) === false) return [];
  const hits: RawHit[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    if (m[0].length === 0) regex.lastIndex++;
    const at = m.indices?.groups?.at;
    const start = at ? at[0] : m.index;
    hits.push({ ruleId, span: { start, end: at ? at[1] : m.index + m[0].length } });
    if (hits.length >= MAX_TEXT_HITS_PER_RULE) break;
  }
  return hits;
}

/**
 * Will a linked check (the caller checks) want this file's tree soon? Only if the file touches a
 * platform and holds text a linked check looks for, or facts it reads across files; such backend
 * files are few and small.
 */
function mayBeModelled(
  applicable: CompiledRule[],
  text: string,
  literals: ReadonlySet<Literal>,
  facts: JsFacts,
): boolean {
  if (facts.sites.length === 0) return false;
  return applicable.some((rule) => {
    const m = rule.matcher;
    return (
      m.type === 'check' &&
      m.check.scope === 'linked' &&
      (mayFire(m.check, text, literals) || m.check.readsTreeOf?.(facts) === true)
    );
  });
}

/** Why a JS file is not to be parsed into a tree, if it is too large or nested too deeply. */
function whyNotParse(text: string): string | undefined {
  if (text.length > MAX_PARSE_CHARS) return `too large to parse (${(text.length / 1048576).toFixed(1)} MB)`;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) {
      if (++depth > MAX_NESTING) return `nested too deeply to parse (brackets more than ${MAX_NESTING} levels deep)`;
    } else if ((c === 41 || c === 93 || c === 125) && depth > 0) depth--;
  }
  return undefined;
}

/** A file-presence finding sits on the first line with content (past leading comments and blanks). */
function firstContentLine(text: string): { start: number; end: number } {
  const line = /^(?![ \t]*(?:\/\/|#|--|\/\*|\*|<!--|$)).*$/m.exec(text);
  if (!line) return { start: 0, end: Math.max(0, text.indexOf('\n')) };
  return { start: line.index, end: line.index + line[0].length };
}
