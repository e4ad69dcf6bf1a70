// Single-file components: the script blocks of .vue and .svelte files and the frontmatter and
// scripts of .astro files are parsed, and findings keep the component's own lines and columns.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { codeOf } from '../../server/src/engine/js/components';
import { scanMemory } from '../helpers/workspace';

const client = `import { createClient } from '@acme/sdk'\nexport const db = createClient()\n`;
const at = (findings: { ruleId: string; file: string; line: number; column: number }[]) =>
  findings.filter((f) => f.ruleId === 'acme/from').map((f) => `${f.file}:${f.line}:${f.column}`);

describe('single-file components', () => {
  it('finds uses in .vue script blocks (setup and plain, lang ts) at their true positions', () => {
    const { findings } = scanMemory({
      'src/lib/db.ts': client,
      'src/components/Orders.vue': [
        `<template>`,
        `  <button @click="db.from('template')">Load</button>`,
        `</template>`,
        ``,
        `<script setup lang="ts">`,
        `import { db } from '@/lib/db'`,
        `const rows = await db.from('orders').select()`,
        `</script>`,
        `<script lang="ts">`,
        `export default { async mounted() { await db.from('mounted') } }`,
        `</script>`,
        `<style>.x { color: red }</style>`,
      ].join('\n'),
    });
    assert.deepEqual(at(findings), ['src/components/Orders.vue:7:20', 'src/components/Orders.vue:10:42']);
  });

  it('finds uses in .svelte scripts and markup and .astro frontmatter and scripts, not in JSON-LD', () => {
    const { findings } = scanMemory({
      'src/lib/db.ts': client,
      'src/routes/+page.svelte': [
        `<script context="module" lang="ts">`,
        `  import { db } from '$lib/db'`,
        `</script>`,
        `<script lang="ts">`,
        `  const list = db.from('tasks')`,
        `</script>`,
        `<p>{db.from('markup')}</p>`,
      ].join('\n'),
      'src/pages/index.astro': [
        `---`,
        `import { db } from '../lib/db'`,
        `const { data } = await db.from('posts').select()`,
        `---`,
        `<ul>{data.map((p) => <li>{p.title}</li>)}</ul>`,
        `<script type="application/ld+json">{"db.from('json')": 1}</script>`,
        `<script>`,
        `  import { db } from '../lib/db'; db.from('browser')`,
        `</script>`,
      ].join('\n'),
    });
    const expected = ['src/pages/index.astro:3:24', 'src/pages/index.astro:8:35', 'src/routes/+page.svelte:5:16'];
    assert.deepEqual(at(findings), [...expected, 'src/routes/+page.svelte:7:5']);
  });

  it('reads Svelte markup expressions with the script bindings, leaving control tags, spreads and styles', () => {
    const markup = [
      `<script lang="ts">`,
      `  import { db } from '$lib/db'`,
      `  let { rest } = $props()`,
      `</script>`,
      `{#if rest}`,
      `  <img src={db.from('avatars')} alt="a" {...rest} />`,
      `{:else}`,
      `  <p class:on={rest}>{rest.db.from('not-ours')} and {\`\${rest.name}\`}</p>`,
      `{/if}`,
      `<style>.badge { font-family: serif } .x { color: red }</style>`,
    ].join('\n');
    const { findings } = scanMemory({ 'src/lib/db.ts': client, 'src/lib/Badge.svelte': markup });
    assert.deepEqual(at(findings), ['src/lib/Badge.svelte:6:13']);
    const code = codeOf('Badge.svelte', markup);
    const parsed = ts.createSourceFile('Badge.ts', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    assert.deepEqual((parsed as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics, []);
    assert.equal(code.length, markup.length);
    assert.ok(code.includes(`{db.from('avatars')}`) && !code.includes('{#if') && !code.includes('font-family'));
  });

  it('keeps the text length and every line break, blanking everything outside code', () => {
    const text = `<template>\r\n  <p>{{ x }}</p>\r\n</template>\r\n<script>\r\nconst a = 1\r\n</script>\r\n`;
    const code = codeOf('A.vue', text);
    assert.equal(code.length, text.length);
    assert.equal(code.split('\n').length, text.split('\n').length);
    assert.equal(code.trim(), 'const a = 1');
    assert.equal(codeOf('a.ts', text), text);
  });
});
