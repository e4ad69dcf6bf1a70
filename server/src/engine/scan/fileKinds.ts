// Which files the engine reads, and as what.

import { posix } from 'node:path';
import { isProjectConfig } from '../workspace/aliases';

export type FileKind = 'js' | 'package-json' | 'deno-json' | 'tsconfig' | 'dotenv' | 'other';

/** Script files, and single-file components whose script blocks are parsed (see js/components.ts). */
const JS_FILE = /\.(?:[cm]?[jt]sx?|vue|svelte|astro)$/i;
const DECLARATION_FILE = /\.d\.[cm]?ts$/i;

export function fileKindOf(rel: string): FileKind {
  const name = posix.basename(rel);
  // Declarations are skipped, but for those typing a framework's context (SvelteKit's and Astro's App.Locals).
  if (JS_FILE.test(name)) return DECLARATION_FILE.test(name) && name !== 'app.d.ts' && name !== 'env.d.ts' ? 'other' : 'js';
  if (name === 'package.json') return 'package-json';
  if (name === 'deno.json' || name === 'deno.jsonc') return 'deno-json';
  if (/^[tj]sconfig(\..+)?\.json$/.test(name)) return 'tsconfig';
  if (isDotenvName(name)) return 'dotenv';
  return 'other';
}

/** `.env`, `.env.local`, `.env.production`, `prod.env`, Cloudflare's `.dev.vars`. */
export function isDotenvName(name: string): boolean {
  return /^\.env(\..+)?$/.test(name) || /\.env$/.test(name) || /^\.dev\.vars(\..+)?$/.test(name);
}

/** Files read whatever the rules say: code, manifests, project configs, env files. */
export function isAlwaysWanted(rel: string): boolean {
  return fileKindOf(rel) !== 'other' || isProjectConfig(rel);
}
