// A Worker's config files as real repositories hold them: Wrangler configs with a UTF-16 tail that a
// Windows shell appended (`echo … >> wrangler.toml`), or named for one deploy (`wrangler.pages.toml`).
// Their bindings type the code's `env.NAME` as much as a clean `wrangler.toml` does.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auditFolder } from '../../server/src/engine/audit';
import { builtinRulesDir } from '../../server/src/engine/rules/builtin';
import { loadRules } from '../../server/src/engine/rules/load';
import { decodeUtf16Text } from '../../server/src/engine/workspace/textDecode';
import { isWranglerConfig, wranglerOutputDirs } from '../../server/src/engine/workspace/wrangler';
import { writeTree } from '../helpers/workspace';

const utf16 = (text: string) => Buffer.from(text, 'utf16le');

describe('text in UTF-16', () => {
  it('reads a UTF-8 file with a UTF-16LE tail, a whole UTF-16 file either way round, and its line breaks', () => {
    const mixed = Buffer.concat([Buffer.from('name = "api"\r\n'), utf16('[[kv_namespaces]]\r\nbinding = "CACHE"\r\n')]);
    assert.equal(decodeUtf16Text(mixed), 'name = "api"\r\n[[kv_namespaces]]\r\nbinding = "CACHE"\r\n');
    assert.equal(decodeUtf16Text(Buffer.concat([Buffer.from([0xff, 0xfe]), utf16('a = 1\n')])), 'a = 1\n');
    const bigEndian = Buffer.concat([Buffer.from([0xfe, 0xff]), utf16('é = 2\n').swap16()]);
    assert.equal(decodeUtf16Text(bigEndian), 'é = 2\n');
  });

  it('leaves binary data binary: NUL characters, mostly non-ASCII pairs, an odd tail, or no text before it', () => {
    assert.equal(decodeUtf16Text(Buffer.from([0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02, 0x03])), undefined);
    assert.equal(decodeUtf16Text(Buffer.from([0x61, 0x62, 0x00, 0x91, 0x92, 0x93, 0x94])), undefined);
    assert.equal(decodeUtf16Text(Buffer.concat([Buffer.from('ok'), utf16('tail'), Buffer.from([0x41])])), undefined);
    assert.equal(decodeUtf16Text(Buffer.from([0x00, 0x61, 0x00])), undefined);
  });
});

describe('Wrangler configs', () => {
  it('names wrangler.toml, .json, .jsonc and a variant passed with --config, not other TOML files', () => {
    const configs = ['wrangler.toml', 'api/wrangler.jsonc', 'wrangler.json', 'wrangler.pages.toml', 'wrangler.staging.toml'];
    for (const name of configs) assert.ok(isWranglerConfig(name), name);
    const others = ['netlify.toml', 'my-wrangler.toml', 'wrangler.toml.bak', 'wrangler.md'];
    for (const name of others) assert.ok(!isWranglerConfig(name), name);
  });

  it('reads the folders a config serves: Pages output, a Worker\'s assets as a table, inline or in JSON', () => {
    const pages = 'name = "a"\npages_build_output_dir = "./dist"\n';
    assert.deepEqual(wranglerOutputDirs('wrangler.toml', pages), ['./dist']);
    const assets = 'main = "w.js"\n[assets]\nbinding = "ASSETS"\ndirectory = "public"\n';
    assert.deepEqual(wranglerOutputDirs('wrangler.toml', assets), ['public']);
    assert.deepEqual(wranglerOutputDirs('w/wrangler.toml', 'assets = { directory = "./static" }\n'), ['./static']);
    assert.deepEqual(wranglerOutputDirs('wrangler.jsonc', '{ // site\n "assets": { "directory": "out" } }'), ['out']);
    assert.deepEqual(wranglerOutputDirs('wrangler.toml', '[vars]\ndirectory = "not-assets"\n'), []);
  });

  it('types env.NAME from the bindings in a config part of which is UTF-16, and from wrangler.pages.toml', async () => {
    const root = writeTree({
      'worker/wrangler.toml': Buffer.concat([
        Buffer.from('name = "scores"\r\nmain = "index.js"\r\n\r\n'),
        Buffer.from('[[kv_namespaces]]\r\nbinding = "SCORES"\r\nid = "a1"\r\n'),
        utf16('[[kv_namespaces]]\r\nbinding = "SESSIONS"\r\nid = "b2"\r\n'),
      ]),
      'wrangler.pages.toml': 'name = "site"\npages_build_output_dir = "."\n\n'
        + '[[kv_namespaces]]\nbinding = "PLAYERS"\nid = "c3"\n',
      'worker/index.js': [
        'export default {',
        '  async fetch(request, env) {',
        '    await env.SCORES.put("k", "v")',
        '    await env.SESSIONS.delete("s")',
        '    return new Response(await env.PLAYERS.get("p"))',
        '  },',
        '}',
        'function unrelated(env) { return env.NAME.toUpperCase() }',
      ].join('\n'),
    });
    const rules = loadRules([builtinRulesDir()], builtinRulesDir());
    const report = await auditFolder(root, rules, { workers: 0 });
    const lines = (id: string) => report.findings.filter((f) => f.ruleId === id).map((f) => `${f.file}:${f.line}`);
    assert.deepEqual(lines('cloudflare/kv-call'), ['worker/index.js:3', 'worker/index.js:4', 'worker/index.js:5']);
    const bindings = ['worker/wrangler.toml:4', 'worker/wrangler.toml:7', 'wrangler.pages.toml:4'];
    assert.deepEqual(lines('cloudflare/kv-binding'), bindings);
    assert.deepEqual(lines('cloudflare/config-files'), ['worker/wrangler.toml:1', 'wrangler.pages.toml:1']);
  });
});
