// `_headers` and `_redirects` at the top of the folder a Wrangler config serves (a Pages project's
// `pages_build_output_dir`, a Worker's `assets.directory`, or the `public/` folder a build copies
// there): Cloudflare applies each rule in them, and each is rewritten in another host's own format.
// Netlify reads the same file names, so a file no Wrangler config serves is left to Netlify's rule.

import { posix } from 'node:path';
import { isWranglerConfig, wranglerOutputDirs } from '../../workspace/wrangler';
import type { CheckHit, LinkedCheck, LinkedView } from '../registry';

const RULE_FILES = new Set(['_headers', '_redirects']);

export const pagesFilesCheck: LinkedCheck = {
  name: 'cloudflare-pages-files',
  scope: 'linked',
  run(file, view) {
    if (!RULE_FILES.has(posix.basename(file.file)) || !servedByWrangler(file.file, view)) return [];
    const hits: CheckHit[] = [];
    // A rule starts at the line's first column (a path or URL); a header under it is indented.
    for (const m of file.text.matchAll(/^([^\s#][^\s]*)/gm)) {
      hits.push({ span: { start: m.index!, end: m.index! + m[1].length }, vars: { path: m[1] } });
    }
    return hits;
  },
};

/** Folders a build copies to the top of its output (Vite, Astro, SvelteKit, Next.js). */
const COPIED_TO_OUTPUT = ['public', 'static'];

/**
 * Is the file's folder the output folder of some Wrangler config in the workspace, or the folder
 * beside the config that the build copies there? (Build output itself is not read: dist/ is pruned.)
 */
export function servedByWrangler(file: string, view: LinkedView): boolean {
  const folder = posix.dirname(file);
  return view.files().some((config) => {
    if (!isWranglerConfig(config.file)) return false;
    const base = posix.dirname(config.file);
    const outputs = wranglerOutputDirs(config.file, config.text);
    if (outputs.length === 0) return false;
    const served = [...outputs, ...COPIED_TO_OUTPUT].map((dir) => posix.normalize(posix.join(base, dir)));
    return served.some((dir) => dir.replace(/(.)\/+$/, '$1') === folder);
  });
}
