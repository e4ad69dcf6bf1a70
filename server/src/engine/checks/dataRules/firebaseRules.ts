// Checks over Firestore and Cloud Storage Security Rules. One check, three findings selected by the
// rule's options, so the file is parsed the same way for each:
//   open-write  an `allow` granting a write method to everyone (no condition, `if true`, test mode)
//   open-read   the same for an `allow` that grants only read methods, on data that may be private
//   open-read-public  an open read of what is plainly public content (see publicContent), as information
//   auth-only   `request.auth != null` as the whole condition (helpers that return true aside) where
//               that reaches other users' data: a path keyed by a user id, a recursive wildcard, or a
//               change (update, delete, write) of documents anyone signed in may have made
// `options.service` picks the rules service (`cloud.firestore` or `firebase.storage`).

import type { CheckHit, FileCheck } from '../registry';
import { parseRules, PathSegment, RulesFile } from './rulesLang';
import { expand, mentions, onlyChecksSignIn, OpenKind, openKind, tokenize } from './rulesExpr';
import { authOnlyReach, publicContent } from './rulesReach';

const WRITE_METHODS = new Set(['write', 'create', 'update', 'delete']);
const READ_METHODS = new Set(['read', 'get', 'list']);

/** Wildcards that name the user a document belongs to. */
const USER_KEY = /^(uid|user|user_?id|user_?uid|owner|owner_?(id|uid)|author_?(id|uid)|account_?id|member_?id|profile_?id|customer_?id)$/i;
/** Collections whose documents are keyed by user id even when the wildcard is called `{id}`. */
const USER_COLLECTION = /^(users?|user_?profiles|profiles?|accounts?|members?|customers?)$/i;
/** Service-level prefixes that say nothing about the data (`/databases/{database}/documents`, `/b/{bucket}/o`). */
const ROOT_PREFIX: Record<string, number> = { 'cloud.firestore': 3, 'firebase.storage': 3 };

const REASONS: Record<OpenKind | 'none', string> = {
  none: 'no condition',
  always: 'the condition is always true',
  'until-date': 'only a test-mode expiry date',
};

let cache: { text: string; parsed: RulesFile } | undefined;

function parsedOnce(text: string): RulesFile {
  if (cache?.text !== text) cache = { text, parsed: parseRules(text) };
  return cache.parsed;
}

export const firebaseRulesCheck: FileCheck = {
  name: 'firebase-rules',
  scope: 'file',
  run(file, options) {
    const service = typeof options.service === 'string' ? options.service : 'cloud.firestore';
    const finding = options.finding;
    if (!/\bservice\s+(cloud\.firestore|firebase\.storage)\b/.test(file.text)) return [];
    const rules = parsedOnce(file.text);
    const hits: CheckHit[] = [];
    for (const allow of rules.allows) {
      if (allow.service !== service) continue;
      const tokens = allow.condition === undefined ? undefined : expand(tokenize(allow.condition), rules.functions);
      const open: OpenKind | 'none' | undefined = tokens ? openKind(tokens) : 'none';
      const writes = allow.methods.some((m) => WRITE_METHODS.has(m));
      const reads = allow.methods.every((m) => READ_METHODS.has(m));
      const vars = { methods: allow.methods.join(', '), path: showPath(allow.path, service) };
      const span = { start: allow.start, end: allow.end };
      if (open && finding === 'open-write' && writes) hits.push({ span, vars: { ...vars, reason: REASONS[open] } });
      if (open && reads && (finding === 'open-read' || finding === 'open-read-public')) {
        const isPublic = publicContent(allow, rules, service);
        if ((finding === 'open-read-public') === isPublic) hits.push({ span, vars: { ...vars, reason: REASONS[open] } });
      }
      if (!open && tokens && finding === 'auth-only' && onlyChecksSignIn(tokens)) {
        const why = authOnlyReach(allow, userKey(allow.path), (name) => mentions(tokens, name));
        if (why) hits.push({ span, vars: { ...vars, ...why } });
      }
    }
    return hits;
  },
};

/** The wildcard that keys the path by user, if any (`/users/{userId}`, `/profiles/{id}`). */
export function userKey(path: PathSegment[]): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const name = path[i].wildcard;
    if (!name) continue;
    if (USER_KEY.test(name)) return name;
    const before = path[i - 1];
    if (before && !before.wildcard && USER_COLLECTION.test(before.text)) return name;
  }
  return undefined;
}

function showPath(path: PathSegment[], service: string): string {
  const skip = ROOT_PREFIX[service] ?? 0;
  const rootLike = path.length > skip && path.slice(0, skip).some((s) => s.wildcard === 'database' || s.wildcard === 'bucket');
  const shown = rootLike ? path.slice(skip) : path;
  return shown.length === 0 ? '/' : '/' + shown.map((s) => s.text).join('/');
}
