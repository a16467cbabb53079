// The code-cache loader of bin/deboil (src/cli/boot.cts, tested as built). Each case runs in its
// own Node, since the loader keeps its state in require.cache.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { tempRoot, writeTree } from '../temp.js';

const BOOT = join(import.meta.dirname, '..', '..', 'dist', 'cli', 'boot.cjs');
const { tempDir, cleanup } = tempRoot('deboil-boot-');
afterAll(cleanup);

/** Runs `body` in a fresh Node with `boot` loaded; returns what it printed. */
function run(dir: string, body: string): string {
  const script = `const boot = require(${JSON.stringify(BOOT)}); const path = require('node:path'); const at = (f) => path.join(${JSON.stringify(dir)}, f);\n${body}`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim();
}

function bundle(): string {
  const dir = tempDir();
  writeTree(dir, {
    'package.json': '{"type":"commonjs"}',
    'a.js': `const b = require('./b.js'); exports.value = 'a+' + b.value; exports.b = b;`,
    'b.js': `exports.value = 'one';`,
  });
  return dir;
}

/** Writes the caches as the build does, after a run that loaded a.js; returns how many. */
function writeCaches(dir: string): number {
  return Number(run(dir, `boot.recordCodeCache(); boot.requireCached(at('a.js')); console.log(boot.writeCodeCache().length);`));
}

const LOAD_A = `const a = boot.requireCached(at('a.js')); console.log(a.value, require(at('a.js')) === a, require(at('b.js')) === a.b);`;

describe('requireCached', () => {
  it('loads a file and its chunks once, shared with require', () => {
    const dir = bundle();
    expect(writeCaches(dir)).toBe(2);
    expect(readdirSync(dir).filter((f) => f.endsWith('.cache')).sort()).toEqual(['a.js.cache', 'b.js.cache']);
    expect(run(dir, LOAD_A)).toBe('a+one true true');
  });

  it('reads a chunk that is not ASCII as UTF-8, with its cache', () => {
    const dir = tempDir();
    writeTree(dir, { 'package.json': '{"type":"commonjs"}', 'a.js': "exports.value = '阅读全文 café ' + /[读é]/u.source;" });
    expect(run(dir, `boot.recordCodeCache(); boot.requireCached(at('a.js')); console.log(boot.writeCodeCache().length);`)).toBe('1');
    expect(run(dir, `console.log(boot.requireCached(at('a.js')).value, JSON.stringify(boot.cacheReport().accepted.length));`)).toBe('阅读全文 café [读é] 1');
  });

  it('loads the plain way without caches', () => {
    expect(run(bundle(), LOAD_A)).toBe('a+one true true');
  });

  it('ignores a cache V8 rejects', () => {
    const dir = bundle();
    writeCaches(dir);
    writeFileSync(join(dir, 'a.js.cache'), Buffer.alloc(4096, 7));
    writeFileSync(join(dir, 'b.js.cache'), Buffer.alloc(3, 1));
    expect(run(dir, LOAD_A)).toBe('a+one true true');
  });

  it('does not run a cache older than its file, even of the same length', () => {
    const dir = bundle();
    writeCaches(dir);
    writeFileSync(join(dir, 'b.js'), `exports.value = 'two';`);
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(dir, 'b.js'), later, later);
    expect(run(dir, LOAD_A)).toBe('a+two true true');
  });

  it('resolves a package from the file\'s place, as require would', () => {
    const dir = bundle();
    writeTree(dir, {
      'node_modules/dep/index.js': `exports.value = 'dep';`,
      'b.js': `exports.value = require('dep').value + '+' + require('node:path').basename('/x/one');`,
    });
    expect(writeCaches(dir)).toBe(2);
    expect(run(dir, LOAD_A)).toBe('a+dep+one true true');
  });

  it('leaves a file that calls import() to require', () => {
    const dir = bundle();
    writeTree(dir, { 'b.js': `exports.value = 'one'; exports.load = () => import('node:os');` });
    expect(writeCaches(dir)).toBe(1);
    expect(run(dir, `const a = boot.requireCached(at('a.js')); a.b.load().then((os) => console.log(a.value, typeof os.cpus));`)).toBe('a+one function');
  });
});

describe('the built CLI', () => {
  const node = (args: readonly string[]) => spawnSync(process.execPath, args, { encoding: 'utf8' });

  it("takes the build's code cache under bin/deboil's V8 flags", () => {
    const r = node(['-e', `const boot = require(${JSON.stringify(BOOT)}); boot.setV8Flags(); boot.loadMain().then(() => console.log(JSON.stringify(boot.cacheReport())));`]);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as { accepted: string[]; rejected: string[] };
    expect(report.rejected).toEqual([]);
    expect(report.accepted.map((f) => f.split(/[\\/]/u).pop())).toContain('main.js');
  });

  it('sets only flags V8 knows (an unknown one prints an error on every run)', () => {
    const r = node(['-e', `const boot = require(${JSON.stringify(BOOT)}); boot.setV8Flags(); console.log(boot.V8_FLAGS.length);`]);
    expect(r.stderr).toBe('');
    expect(Number(r.stdout)).toBeGreaterThan(0);
  });

  it('cleans one page without loading what only batches and other commands use', () => {
    // Each of these cost a one-page run a few ms to load (issue 8's latency goal).
    const batchOnly = ['worker_threads', 'fs/promises', 'child_process', 'zlib', 'crypto'];
    const dir = tempDir();
    const probe = join(dir, 'probe.cjs');
    writeFileSync(probe, `process.on('exit', () => process.stderr.write(JSON.stringify(process.moduleLoadList)));`);
    const bin = join(import.meta.dirname, '..', '..', 'bin', 'deboil');
    const seed = join(import.meta.dirname, '..', '..', 'fixtures', 'seed-dump.txt');
    const r = node(['-r', probe, bin, seed, '-f', 'md']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('#');
    const loaded = new Set((JSON.parse(r.stderr) as string[]).filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice('NativeModule '.length)));
    expect(batchOnly.filter((m) => loaded.has(m))).toEqual([]);
    expect(loaded.has('fs')).toBe(true);
  });

  it('spells every rule pattern in the bundle as the prefilter snapshots read it', async () => {
    // A snapshot is found by its patterns' sources, which are their text as written. The bundle is
    // ASCII, with \u escapes for other characters, which patternsKey reads as the characters; any
    // other rewriting of a regex literal would leave every page unfiltered.
    const index = pathToFileURL(join(import.meta.dirname, '..', '..', 'dist', 'rules', 'index.js')).href;
    const { defaultRules } = (await import(index)) as typeof import('../../src/rules/index.js');
    const dir = join(import.meta.dirname, '..', '..', 'dist', 'bundle');
    const text = readdirSync(dir)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    const r = defaultRules;
    const lists = [r.boilerplate, r.trendingHeaders, r.endMarkers, r.stamps, r.categories, r.captionCues, r.datelines, r.bylines, r.dates, r.editors];
    const patterns = lists.flat().flatMap((rule) => (rule.pattern ? [rule.pattern] : []));
    expect(patterns.length).toBeGreaterThan(50);
    const ascii = (source: string): string => source.replace(/[^\x00-\x7f]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
    expect(patterns.filter((p) => !text.includes(`/${ascii(p.source)}/${p.flags}`)).map(String)).toEqual([]);
    expect(/[^\x00-\x7f]/u.test(text)).toBe(false);
  });

  it('leaves the library to the V8 flags of whoever imports it', () => {
    const index = join(import.meta.dirname, '..', '..', 'dist', 'index.js');
    const r = node(['--input-type=module', '-e', `await import(${JSON.stringify(pathToFileURL(index).href)}); console.log(JSON.stringify(process.moduleLoadList.filter((m) => m === 'NativeModule v8')));`]);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('[]');
  });
});

describe('exitWhenWritten', () => {
  const decide = (lengths: number[]): string =>
    run(bundle(), `let exited = false; const ended = boot.exitWhenWritten(${JSON.stringify(lengths)}.map((n) => ({ writableLength: n })), () => { exited = true; }); console.log(ended, exited);`);

  it('ends the process when stdout and stderr hold nothing', () => {
    expect(decide([0, 0])).toBe('true true');
  });

  it('leaves the process to end the normal way while a stream still holds bytes', () => {
    expect(decide([0, 12])).toBe('false false');
    expect(decide([3, 0])).toBe('false false');
  });
});
