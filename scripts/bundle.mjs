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
// The bundle is CommonJS (dist/bundle/package.json says so), which dist/cli/boot.cjs compiles with
// V8's code cache; the last step here writes that cache after a warm-up run (see writeCache).
//
// dist/cli and the rest of dist stay as tsc wrote them: the library (dist/index.js) and the tests
// use them.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
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

// commander requires node:child_process at load, for subcommands that are separate executables,
// which deboil has none of; loading it (and net, dgram, the socket list behind it) was ~5% of a
// single-file run. Here it loads on first use instead.
const CHILD_PROCESS = "const childProcess = require('node:child_process');";
const lazyChildProcess = {
  name: 'deboil:lazy-child-process',
  transform(code, id) {
    if (!/[\\/]commander[\\/]lib[\\/]command\.js$/u.test(id)) return null;
    if (!code.includes(CHILD_PROCESS)) this.error(`${id}: no '${CHILD_PROCESS}' to make lazy; check scripts/bundle.mjs against this commander`);
    // map: null keeps the mappings: the change stays on its line.
    return { code: code.replace(CHILD_PROCESS, "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };"), map: null };
  },
};

const bundle = await rolldown({
  input: Object.fromEntries(ENTRIES.map((name) => [name, join(cli, `${name}.js`)])),
  platform: 'node',
  external: (id) => id.startsWith('node:') || builtins.has(id),
  plugins: [lazyChildProcess],
  logLevel: 'warn',
});
rmSync(out, { recursive: true, force: true });
await bundle.write({
  dir: out,
  format: 'cjs',
  entryFileNames: '[name].js',
  chunkFileNames: '[name]-[hash].js',
  // JSDoc is a third of commander's text, read at every start; licence comments stay.
  comments: { legal: true, annotation: true, jsdoc: false },
  // Every start reads each chunk it loads into a string, and on this machine each fresh 4 KB page
  // a process touches costs ~15 us (a page fault under its hypervisor). White space removed, names
  // kept (no mangling, no rewriting): clean-task's chunk 385 -> 290 KB. The source maps map stack
  // traces back (node --enable-source-maps reads them; nothing else does).
  //
  // ASCII (charset), other characters written as \u escapes: V8 keeps a source of Latin-1 characters
  // one byte a character, so each start reads, decodes and keeps half as much (a one-page run: 4,530
  // -> 4,350 page faults, CPU -3 to -4 ms median in two interleaved sets of 30). A regex's source is
  // its text as written, so the prefilter snapshots' keys read such escapes as the characters
  // (patternsKey); test/cli/boot.test.ts holds every rule pattern to its spelling in the bundle.
  minify: { compress: false, mangle: false },
  sourcemap: true,
  charset: 'ascii',
});
await bundle.close();
writeFileSync(join(out, 'package.json'), `${JSON.stringify({ type: 'commonjs' })}\n`);
writeCache();

/**
 * Runs the CLI on a sample dump in each output format, in a fresh Node with bin/deboil's V8 flags
 * and no NODE_OPTIONS (V8 accepts a cache only under the flags it was made with), then writes the
 * code cache of every chunk that ran. Without a cache the CLI still runs, only slower to start,
 * so a failure here is a warning, not a failed build.
 */
function writeCache() {
  const sample = join(root, 'fixtures/seed-dump.txt');
  const warm = `
    const boot = require(${JSON.stringify(join(cli, 'boot.cjs'))});
    const { Readable, Writable } = require('node:stream');
    boot.setV8Flags();
    boot.recordCodeCache();
    (async () => {
      const { main } = await boot.loadMain();
      const sink = () => new Writable({ write: (_c, _e, done) => done() });
      for (const format of ['json', 'md', 'text', 'jsonl']) {
        const io = { stdin: Readable.from([]), stdout: sink(), stderr: sink(), env: {}, cwd: ${JSON.stringify(root)}, stdoutIsTTY: false, stderrIsTTY: false, stdinIsTTY: false };
        const code = await main([${JSON.stringify(sample)}, '-f', format], io);
        if (code !== 0) throw new Error('warm-up run exited ' + code);
      }
      console.log(boot.writeCodeCache().length);
    })().catch((e) => { console.error(e.stack); process.exitCode = 1; });`;
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const r = spawnSync(process.execPath, ['-e', warm], { cwd: root, env, encoding: 'utf8' });
  if (r.status !== 0 || !existsSync(sample)) {
    console.error(`bundle: no code cache written (the CLI will start slower): ${r.stderr.trim() || `exit ${r.status}`}`);
  }
}
