// Bundles the shipped programs with esbuild: the CLI and language server, and the VS Code client.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };

// The CLI also carries the language server (`lockin-lens lsp`), which the extension starts.
await build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' });
await build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] });
