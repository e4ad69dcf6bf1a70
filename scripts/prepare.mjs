// npm's `prepare` step. `npm install <git URL>` clones the project, installs its devDependencies
// there and runs only this script before packing the clone, so a clone without a build is built
// here (`prepack`, which `npm pack` runs, always rebuilds). `npm ci` and `npm install` in a working
// copy run it too: one that already has a build keeps it (`npm run build` is how development
// rebuilds), so only a fresh clone pays for the build.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (existsSync(join(root, 'dist', 'cli.bundle.js'))) process.exit(0);
// npm gives scripts the path of its own CLI; without it (run by hand) the npm on PATH builds.
const npm = process.env.npm_execpath;
const result = npm && npm.endsWith('.js')
  ? spawnSync(process.execPath, [npm, 'run', 'build'], { cwd: root, stdio: 'inherit' })
  : spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(result.status ?? 1);
