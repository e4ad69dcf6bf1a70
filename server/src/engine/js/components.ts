// Single-file components (.vue, .svelte, .astro): their code is in `<script>` blocks, and in an
// Astro file also in the frontmatter between `---` fences. The parser is given the file's text
// with everything else blanked out (newlines kept), so every node keeps its true offset and
// findings land on the component's own lines and columns. Svelte markup's `{…}` expressions are kept
// too (see svelteMarkup.ts).

import { markupExpressions } from './svelteMarkup';

const COMPONENT_FILE = /\.(?:vue|svelte|astro)$/i;
const SCRIPT_BLOCK = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
/** Script types that hold no code (JSON-LD, templates, import maps). */
const NOT_CODE = /\btype\s*=\s*["']?(?!module\b|text\/javascript\b|application\/javascript\b|text\/typescript\b|ts\b)[\w/+.-]+/i;

export function isComponentFile(file: string): boolean {
  return COMPONENT_FILE.test(file);
}

/** The code of a component at its own offsets; other files' text unchanged. */
export function codeOf(file: string, text: string): string {
  return isComponentFile(file) ? componentCode(text, /\.svelte$/i.test(file)) : text;
}

function componentCode(text: string, svelte: boolean): string {
  const ranges: [number, number][] = [];
  const frontmatter = /^(?:\uFEFF)?\s*---[^\S\n]*\r?\n/.exec(text);
  if (frontmatter) {
    const close = /\r?\n---[^\S\n]*(?:\r?\n|$)/g;
    close.lastIndex = frontmatter[0].length - 1;
    const end = close.exec(text);
    if (end) ranges.push([frontmatter[0].length, end.index]);
  }
  SCRIPT_BLOCK.lastIndex = 0;
  for (let m = SCRIPT_BLOCK.exec(text); m; m = SCRIPT_BLOCK.exec(text)) {
    if (NOT_CODE.test(m[1])) continue;
    const start = m.index + m[0].indexOf('>') + 1;
    ranges.push([start, start + m[2].length]);
  }
  if (svelte) ranges.push(...markupExpressions(text, ranges));
  let out = '';
  let at = 0;
  for (const [start, end] of ranges.sort((a, b) => a[0] - b[0])) {
    if (start < at) continue;
    out += blank(text.slice(at, start)) + text.slice(start, end);
    at = end;
  }
  return out + blank(text.slice(at));
}

/** The same length of text with every character but line breaks made a space. */
function blank(text: string): string {
  return text.replace(/[^\r\n]/g, ' ');
}
