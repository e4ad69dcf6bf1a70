// Appwrite write permissions granted to `Role.any()` — anyone, guests included. Found three ways:
// `Permission.update(Role.any())` where both come from an Appwrite SDK import (binding facts, so a
// local `Permission` helper is ignored), the equivalent permission string `'update("any")'` in code,
// and the same strings in Appwrite CLI config (`appwrite.json`, `appwrite.config.json`).

import ts from 'typescript';
import type { CheckHit, FileCheck } from '../registry';
import type { Site } from '../../js/facts';
import { forEachNode, spanOf, treeOf } from './jsonAst';

export const SDK_MODULES = new Set(['appwrite', 'node-appwrite', 'react-native-appwrite']);
const WRITE_ACTIONS = new Set(['write', 'create', 'update', 'delete']);
const PERMISSION_STRING = /^(write|create|update|delete)\("any"\)$/;

export const appwriteAnyPermissionCheck: FileCheck = {
  name: 'appwrite-any-permission',
  scope: 'file',
  // Module names and permission strings are lower case: a case-sensitive search is much faster.
  prefilter: /appwrite|\(\s*\\?["']any\\?["']\s*\)/,
  // `any` then a quote, or a backslash before one (in a JSON string).
  hints: ['appwrite', 'any"', "any'", 'any\\'].map((text) => ({ text })),
  run(file) {
    const hits: CheckHit[] = [];
    if (file.facts) hits.push(...sdkHits(file.facts.sites));
    // Raw permission strings (`'write("any")'`) are rare: look for the text before walking the tree.
    const root = /\(\s*\\?["']any\\?["']\s*\)/.test(file.text) ? treeOf(file) : undefined;
    if (root) {
      forEachNode(root, (node) => {
        const m = ts.isStringLiteral(node) ? PERMISSION_STRING.exec(node.text) : null;
        if (m) hits.push({ span: spanOf(node, root), vars: { action: m[1] } });
      });
    }
    return hits;
  },
};

/** The method after `Permission.`/`Role.` when the site is an SDK call of that shape. */
export function sdkSite(site: Site, head: string): string | undefined {
  if (site.ref.root.kind !== 'module' || !SDK_MODULES.has(site.ref.root.module)) return undefined;
  const [first, action, call, ...rest] = site.ref.path;
  return first === head && call === '()' && rest.length === 0 ? action : undefined;
}

/** `Permission.<write action>(…)` calls whose arguments hold a `Role.any()` call. */
function sdkHits(sites: Site[]): CheckHit[] {
  const anyRoles = sites.filter((s) => sdkSite(s, 'Role') === 'any');
  return sites
    .filter((s) => WRITE_ACTIONS.has(sdkSite(s, 'Permission') ?? ''))
    .filter((s) => anyRoles.some((r) => r.start > s.start && r.end <= s.end))
    .map((s) => ({ span: { start: s.start, end: s.end }, vars: { action: sdkSite(s, 'Permission')! } }));
}
