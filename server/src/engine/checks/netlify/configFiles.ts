// Netlify's site configuration: `netlify.toml`, and the `_headers` / `_redirects` files at the top of
// what it publishes. Cloudflare Pages reads the same two file names: where a Wrangler config serves
// the file's folder (see ../cloudflare/pagesFiles.ts), the app deploys to Cloudflare and the file is
// that platform's, not Netlify's.

import { posix } from 'node:path';
import { servedByWrangler } from '../cloudflare/pagesFiles';
import type { CheckHit, LinkedCheck } from '../registry';

const SHARED_NAMES = new Set(['_headers', '_redirects']);

export const netlifyConfigFilesCheck: LinkedCheck = {
  name: 'netlify-config-files',
  scope: 'linked',
  run(file, view) {
    const name = posix.basename(file.file);
    if (name !== 'netlify.toml' && !SHARED_NAMES.has(name)) return []; // a Wrangler config, read for the test below
    if (SHARED_NAMES.has(name) && servedByWrangler(file.file, view)) return [];
    const first = firstSetting(file.text);
    return first ? [first] : [];
  },
};

/** The first line with content past blank and `#` comment lines: where the file's settings start. */
function firstSetting(text: string): CheckHit | undefined {
  const m = /^(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*([^\s#])/.exec(text);
  if (!m) return undefined;
  const start = m.index + m[0].length - 1;
  return { span: { start, end: start + 1 } };
}
