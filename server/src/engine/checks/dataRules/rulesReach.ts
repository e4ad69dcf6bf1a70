// How far a Security Rules grant reaches, for the rules check's two judgements that need more than
// the condition: is an open read plainly public content (a catalogue, a news feed: information,
// not a warning), and does a sign-in-only grant reach other users' data?

import type { AllowStatement, RulesFile } from './rulesLang';
import { expand, openKind, tokenize } from './rulesExpr';

const WRITE_METHODS = new Set(['write', 'create', 'update', 'delete']);
/** Changes of existing data: `create` alone is how signed-in users add their own documents. */
const CHANGE_METHODS = new Set(['write', 'update', 'delete']);
/** Collection and folder names that suggest personal or business-private data. */
const PRIVATE_NAME = /user|profile|account|member|customer|client|order|pay|salar|invoice|billing|message|chat|private|secret|token|key|credential|admin|log|email|contact|address|phone|transaction|wallet|subscription|session|patient|employee|student|health|medical|booking|applica|submission/i;

/**
 * An open read is public content when its path names a collection or folder (not only wildcards),
 * none of its names suggests private data, it is not keyed by user, and nothing in the same match
 * lets everyone write: the author opened reading on purpose and kept writing closed.
 */
export function publicContent(allow: AllowStatement, rules: RulesFile, service: string): boolean {
  const fixed = allow.path.filter((s) => !s.wildcard).map((s) => s.text).filter((t) => t && t !== 'databases' && t !== 'documents' && t !== 'b' && t !== 'o');
  if (fixed.length === 0 || fixed.some((t) => PRIVATE_NAME.test(t))) return false;
  if (allow.path.some((s) => s.wildcard && /^(uid|user|owner|author|account|member|profile|customer)/i.test(s.wildcard))) return false;
  const samePath = (other: AllowStatement) => other.service === service && other.path.length === allow.path.length && other.path.every((s, i) => s.text === allow.path[i].text);
  return !rules.allows.some((other) => {
    if (!samePath(other) || !other.methods.some((m) => WRITE_METHODS.has(m))) return false;
    if (other.condition === undefined) return true;
    return openKind(expand(tokenize(other.condition), rules.functions)) !== undefined;
  });
}

export interface Reach {
  key: string;
  why: string;
}

/** Why a grant that checks only sign-in reaches other users' data, or undefined when it need not. */
export function authOnlyReach(allow: AllowStatement, userKey: string | undefined, mentioned: (name: string) => boolean): Reach | undefined {
  if (userKey && !mentioned(userKey)) return { key: userKey, why: `the rule checks sign-in, not that ${userKey} is the caller` };
  const recursive = allow.path.find((s) => s.wildcard && /=\s*\*\*/.test(s.text));
  if (recursive && !mentioned(recursive.wildcard!)) {
    return { key: recursive.wildcard!, why: `the rule checks sign-in only, and ${recursive.text} covers every path below, other users' included` };
  }
  if (allow.methods.some((m) => CHANGE_METHODS.has(m))) {
    return { key: 'the owner', why: 'the rule checks sign-in only, so anyone with an account can change or delete what others wrote' };
  }
  return undefined;
}
