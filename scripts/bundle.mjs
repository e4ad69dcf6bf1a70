// Bundles the shipped programs with esbuild: the CLI (also the standalone language server).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };

await build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' });
