// Bundles the client, the server, the CLI and the end-to-end suites (vscode-eslint's esbuild.js pattern).
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The hash of the pure core's sources (server/src/indexStore/extractorFingerprint.ts computes the same). */
function extractorFingerprint(folder) {
  const hash = createHash('sha256');
  const files = readdirSync(folder, { recursive: true }).filter(file => file.endsWith('.ts')).map(file => file.split(path.sep).join('/'));
  for (const file of files.sort()) hash.update(file).update('\0').update(readFileSync(path.join(folder, file))).update('\0');
  return hash.digest('hex').slice(0, 32);
}

const watch = process.argv.includes('--watch');
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', logOverride: { 'require-resolve-not-external': 'silent' } };
// Parses stored in the index cache are valid only for the extraction rules that made them.
const server = { ...common, define: { __EXTRACTOR_FINGERPRINT__: JSON.stringify(extractorFingerprint('server/src/core')) } };
const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
  // The timeline webview's script runs in the page, not in Node.
  { bundle: true, platform: 'browser', target: 'es2022', format: 'iife', sourcemap: false, logLevel: 'warning', entryPoints: ['client/webview/timeline.ts'], outfile: 'client/out/timeline.js' },
  { ...server, entryPoints: ['server/src/main.ts'], outfile: 'server/out/main.js' },
  { ...server, entryPoints: ['server/src/cli.ts'], outfile: 'server/out/cli.js' },
  { ...common, entryPoints: ['server/src/parseWorker.ts'], outfile: 'server/out/parseWorker.js' },
  { ...common, entryPoints: ['test/e2e/suite/index.ts'], outfile: 'out/test/e2e/suite/index.js', external: ['vscode'] },
  { ...common, entryPoints: ['test/e2e/vsix/index.ts'], outfile: 'out/test/e2e/vsix/index.js', external: ['vscode'] },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map(options => esbuild.build(options)));
}
