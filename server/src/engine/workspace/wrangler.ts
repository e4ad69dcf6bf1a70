// Bindings a Wrangler config declares (wrangler.toml, wrangler.json, wrangler.jsonc), each with the
// runtime type of the value the Worker's `env` holds under its name: `[[d1_databases]] binding = "DB"`
// makes `env.DB` a D1Database. Code is matched by these types, never by the binding's name.

import { posix } from 'node:path';
import { parseJsonc } from '../util/jsonc';

/** Config sections (including `env.<name>.` variants) and the type each binding in them has. */
const SECTION_TYPES: Record<string, string> = {
  d1_databases: 'D1Database',
  kv_namespaces: 'KVNamespace',
  r2_buckets: 'R2Bucket',
  'durable_objects.bindings': 'DurableObjectNamespace',
  'queues.producers': 'Queue',
  vectorize: 'VectorizeIndex',
  hyperdrive: 'Hyperdrive',
  ai: 'Ai',
  services: 'Fetcher',
  analytics_engine_datasets: 'AnalyticsEngineDataset',
};

/** `wrangler.toml`, `wrangler.jsonc`, and a named variant passed with `--config` (`wrangler.pages.toml`). */
export function isWranglerConfig(rel: string): boolean {
  return /^wrangler(?:\.[\w-]+)?\.(?:toml|jsonc?)$/.test(posix.basename(rel));
}

/** Binding name → runtime type. Unreadable configs give none (their text rules still run). */
export function wranglerBindings(rel: string, text: string): Map<string, string> {
  return rel.endsWith('.toml') ? tomlBindings(text) : jsonBindings(text);
}

function tomlBindings(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let type: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const header = /^\s*\[{1,2}\s*(?:env\.[\w-]+\.)?([\w.]+)\s*\]{1,2}/.exec(line);
    if (header) {
      type = SECTION_TYPES[header[1]];
      continue;
    }
    const binding = /^\s*binding\s*=\s*["']([\w$]+)["']/.exec(line);
    if (binding && type) out.set(binding[1], type);
    // `ai = { binding = "AI" }` and the like, written inline.
    const inline = /^\s*(ai|vectorize|hyperdrive|d1_databases|kv_namespaces|r2_buckets)\s*=.*?\bbinding\s*=\s*["']([\w$]+)["']/.exec(line);
    if (inline) out.set(inline[2], SECTION_TYPES[inline[1]]);
  }
  return out;
}

function jsonBindings(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let json: Record<string, unknown>;
  try {
    json = parseJsonc(text) as Record<string, unknown>;
  } catch {
    return out;
  }
  const read = (config: Record<string, unknown>) => {
    for (const [section, type] of Object.entries(SECTION_TYPES)) {
      let value: unknown = config;
      for (const key of section.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
      for (const entry of Array.isArray(value) ? value : value ? [value] : []) {
        const name = (entry as { binding?: unknown })?.binding;
        if (typeof name === 'string') out.set(name, type);
      }
    }
  };
  if (json && typeof json === 'object') {
    read(json);
    for (const env of Object.values((json.env as Record<string, unknown>) ?? {})) if (env && typeof env === 'object') read(env as Record<string, unknown>);
  }
  return out;
}

/** `[assets]` … `directory = "public"`, and `assets = { directory = "public" }`. */
const ASSETS_TABLE = /^\s*\[assets\][^[]*?^\s*directory\s*=\s*["']([^"'\n]+)["']/m;
const ASSETS_INLINE = /^\s*assets\s*=\s*\{[^}\n]*\bdirectory\s*=\s*["']([^"'\n]+)["']/m;

/**
 * The folders a Wrangler config serves as static output, relative to the config's folder: a Pages
 * project's `pages_build_output_dir` and a Worker's `assets.directory`. The `_headers` and
 * `_redirects` files at their top are Cloudflare's to apply.
 */
export function wranglerOutputDirs(rel: string, text: string): string[] {
  if (rel.endsWith('.toml')) {
    const out: string[] = [];
    const pages = /^\s*pages_build_output_dir\s*=\s*["']([^"'\n]+)["']/m.exec(text);
    if (pages) out.push(pages[1]);
    const assets = ASSETS_TABLE.exec(text) ?? ASSETS_INLINE.exec(text);
    if (assets) out.push(assets[1]);
    return out;
  }
  let json: Record<string, unknown>;
  try {
    json = parseJsonc(text) as Record<string, unknown>;
  } catch {
    return [];
  }
  const assets = json?.assets as { directory?: unknown } | undefined;
  return [json?.pages_build_output_dir, assets?.directory].filter((dir): dir is string => typeof dir === 'string');
}
