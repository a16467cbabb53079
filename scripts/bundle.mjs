#!/usr/bin/env node
// The second half of `npm run build`: bundles tsc's dist/cli into a few files in dist/bundle, which
// bin/deboil loads. Node 20 pays ~0.8 ms per ES module it loads (and has no compile cache), and the
// CLI's graph is ~60 of our modules plus commander's and stopword's: stopword's ESM build alone is
// 236 KB for 60 languages, of which we use 9 (tree shaking keeps only those).
//
// The entries are the modules something loads by URL: main (bin), worker (new URL('./worker.js') in
// batch.ts) and the two batch tasks (new URL('./clean-task.js') and './learn-task.js'). Chunks go
// next to them under their own names, so those URLs and main's '../../package.json' still resolve.
// The commands' lazy imports stay lazy chunks. jschardet and re2js are not bundled: they are
// loaded with createRequire when an input needs them.
//
// dist/cli and the rest of dist stay as tsc wrote them: the library (dist/index.js) and the tests
// use them.
import { existsSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist/cli');
const out = join(root, 'dist/bundle');
const ENTRIES = ['main', 'worker', 'clean-task', 'learn-task'];

for (const name of ENTRIES) {
  if (!existsSync(join(cli, `${name}.js`))) {
    console.error(`bundle: ${join(cli, `${name}.js`)} is missing; run tsc first (npm run build does)`);
    process.exit(2);
  }
}
const builtins = new Set(builtinModules);
const bundle = await rolldown({
  input: Object.fromEntries(ENTRIES.map((name) => [name, join(cli, `${name}.js`)])),
  platform: 'node',
  external: (id) => id.startsWith('node:') || builtins.has(id),
  logLevel: 'warn',
});
rmSync(out, { recursive: true, force: true });
await bundle.write({ dir: out, format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' });
await bundle.close();
