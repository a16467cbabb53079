import { spawn, spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, existsSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { tempRoot, writeTree } from '../temp.js';
import { BIN, ENV, normaliser, records, ROOT, runBin, until, type Result, type RunOptions } from './bin.js';

const SEED = readFileSync(join(ROOT, 'fixtures', 'seed-dump.txt'), 'utf8');
const PARAS = SEED.split(/\n\s*\n/u).filter((p) => p.trim() !== '');

const { work, tempDir, cleanup } = tempRoot('deboil-batch-');
afterAll(cleanup);
const normalise = normaliser(work);

/** A dump with nav, a title, some of the seed's paragraphs and a trending tail; every 5th one is large. */
function dump(i: number): string {
  const body = PARAS.slice(0, 3 + ((i * 7) % (PARAS.length - 3))).join('\n\n');
  const main = i % 5 === 0 ? Array.from({ length: 15 }, () => body).join('\n\n') : body;
  return ['首页 国际 财经 体育', `第${i}号报道:两国关系新进展`, main, '阅读全文', '热门新闻', '某某新闻一', '某某新闻二', ''].join('\n\n');
}

/** Every file under `dir`, relative path to content. */
function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out[relative(dir, join(e.parentPath, e.name))] = readFileSync(join(e.parentPath, e.name), 'utf8');
  }
  return out;
}

const deboil = (args: string[], opts: RunOptions): Result => runBin(args, opts, normalise);
const pathOf = (r: Record<string, unknown>): unknown => (r['source'] as { path: unknown }).path;

function folder(n: number): string {
  const dir = tempDir();
  writeTree(dir, Object.fromEntries(Array.from({ length: n }, (_, i) => [`in/${i % 3 === 0 ? 'sub/' : ''}p${String(i).padStart(3, '0')}.txt`, dump(i)])));
  return dir;
}

describe('deboil on a folder', () => {
  it('writes one JSON line per file, in sorted order, with a summary on stderr', () => {
    const dir = folder(7);
    const r = deboil(['in', '-j', '2'], { cwd: dir });
    expect(r.code).toBe(0);
    const paths = records(r.stdout).map(pathOf);
    expect(paths).toEqual([...paths].sort());
    expect(paths).toHaveLength(7);
    expect(paths[0]).toBe('in/p001.txt');
    expect(r.stderr).toMatch(/^deboil: 7 files, [\d.]+ MB in, [\d.]+ MB out, [\d.]+% of text removed, 0 errors, <time>\n$/u);
  });

  it('gives the same bytes with -j 1 and -j 4, on stdout and in --out-dir', () => {
    const dir = folder(24);
    const one = deboil(['in', '-j', '1', '-q'], { cwd: dir });
    const four = deboil(['in', '-j', '4', '-q'], { cwd: dir });
    expect([one.code, four.code, one.stderr, four.stderr]).toEqual([0, 0, '', '']);
    expect(records(one.stdout)).toHaveLength(24);
    expect(four.stdout).toBe(one.stdout);
    deboil(['in', '-j', '1', '-q', '-o', 'o1', '-f', 'md'], { cwd: dir });
    deboil(['in', '-j', '4', '-q', '-o', 'o4', '-f', 'md'], { cwd: dir });
    const o1 = readTree(join(dir, 'o1'));
    expect(Object.keys(o1)).toHaveLength(24);
    expect(readTree(join(dir, 'o4'))).toEqual(o1);
  });

  it('reports an unreadable, a binary and an oversized file each in one line, cleans the rest and exits 2', () => {
    const dir = tempDir();
    writeTree(dir, { 'in/a.txt': dump(1), 'in/c.txt': Buffer.from('\x89PNG\r\n\x1a\n\0\0', 'latin1'), 'in/d.txt': dump(0), 'in/e.txt': dump(2) });
    // chmod 000 does not stop root from reading; a dangling symlink is unreadable for everyone.
    writeFileSync(join(dir, 'in/b.txt'), dump(3));
    chmodSync(join(dir, 'in/b.txt'), 0);
    let unreadable = 'permission denied';
    try {
      accessSync(join(dir, 'in/b.txt'), constants.R_OK);
      rmSync(join(dir, 'in/b.txt'));
      symlinkSync(join(dir, 'gone.txt'), join(dir, 'in/b.txt'));
      unreadable = 'broken symbolic link (its target does not exist)';
    } catch {
      // not root: the chmod holds
    }
    const max = String(Buffer.byteLength(dump(0)) - 1);
    const r = deboil(['in', '--max-bytes', max], { cwd: dir });
    expect(r.code).toBe(2);
    const recs = records(r.stdout);
    expect(recs.map((x) => [pathOf(x), x['error'] ?? 'ok'])).toEqual([
      ['in/a.txt', 'ok'],
      ['in/b.txt', unreadable],
      ['in/c.txt', 'binary file: a PNG image, not a text dump'],
      ['in/d.txt', `too large: ${Number(max) + 1} bytes, over --max-bytes ${max}`],
      ['in/e.txt', 'ok'],
    ]);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.slice(0, 3)).toEqual([
      `deboil: error: in/b.txt: ${unreadable}`,
      'deboil: error: in/c.txt: binary file: a PNG image, not a text dump',
      `deboil: error: in/d.txt: too large: ${Number(max) + 1} bytes, over --max-bytes ${max}`,
    ]);
    expect(lines[3]).toMatch(/^deboil: 5 files, .*, 3 errors, <time>$/u);
    expect(lines).toHaveLength(4);
  });

  it('takes files, directories and globs together, with --include and --exclude', () => {
    const dir = tempDir();
    writeTree(dir, { 'a/x.txt': dump(1), 'a/y.text': dump(2), 'a/skip/z.txt': dump(3), 'b/k.txt': dump(4), 'c.dump': dump(5) });
    const r = deboil(['c.dump', 'a', 'b/*.txt', '--include', '**/*.txt', '--include', '**/*.text', '--exclude', '**/skip/**', '-q'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(records(r.stdout).map(pathOf)).toEqual(['a/x.txt', 'a/y.text', 'b/k.txt', 'c.dump']);
  });
});

describe('deboil --out-dir', () => {
  it('mirrors the input tree from the common base, with the extension of the format', () => {
    const dir = tempDir();
    writeTree(dir, { 'in/a.txt': dump(1), 'in/sub/deep/b.txt': dump(2), 'in/sub/c.log': dump(3) });
    for (const [format, ext] of [['json', '.json'], ['md', '.md'], ['text', '.txt']]) {
      const r = deboil(['in', 'in/sub/c.log', '-o', `out-${format}`, '-f', format!, '-q'], { cwd: dir });
      expect(r.code).toBe(0);
      expect(Object.keys(readTree(join(dir, `out-${format}`))).sort()).toEqual([`a${ext}`, `sub/c${ext}`, `sub/deep/b${ext}`]);
    }
    const json = JSON.parse(readFileSync(join(dir, 'out-json/sub/deep/b.json'), 'utf8')) as Record<string, unknown>;
    expect(pathOf(json)).toBe('in/sub/deep/b.txt');
    const single = deboil(['in/sub/deep/b.txt', '-f', 'text'], { cwd: dir });
    expect(readFileSync(join(dir, 'out-text/sub/deep/b.txt'), 'utf8')).toBe(single.stdout);
  });

  const inputOf = (name: string): string => readdirSync(join(ROOT, 'fixtures', name)).find((f) => /^(input|dump)\.txt/u.test(f))!;

  it('decodes each legacy-encoded file in a batch, on the one worker that detects encodings, as it does alone', () => {
    const dir = tempDir();
    const legacy = readdirSync(join(ROOT, 'fixtures')).filter((n) => /^(encoding-|gbk?|gb18030|windows-1252)/u.test(n));
    writeTree(dir, {
      ...Object.fromEntries(legacy.map((n) => [`in/${n}.txt`, readFileSync(join(ROOT, 'fixtures', n, inputOf(n)))])),
      ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`in/u${String(i).padStart(2, '0')}.txt`, dump(i)])),
    });
    expect(legacy.length).toBeGreaterThan(10);
    const two = deboil(['in', '-o', 'o2', '-j', '2', '-q'], { cwd: dir });
    const one = deboil(['in', '-o', 'o1', '-j', '1', '-q'], { cwd: dir });
    expect([two.code, one.code]).toEqual([one.code, one.code]);
    expect(two.stderr).toBe(one.stderr);
    const batch = readTree(join(dir, 'o2'));
    expect(batch).toEqual(readTree(join(dir, 'o1')));
    // -j 1 decodes in the one thread like a single file does; a few single runs confirm it.
    for (const n of ['encoding-big5', 'encoding-gbk-gzip', 'windows-1252-lynx-en-smart-quotes']) {
      const alone = deboil([`in/${n}.txt`, '-f', 'json'], { cwd: dir });
      if (alone.code === 0) expect(batch[`${n}.json`]).toBe(alone.stdout);
      else expect(batch[`${n}.json`]).toBeUndefined();
    }
  });

  it.each(['1', '2'])('-j %s: an output a worker cannot write fails that file only, with the usual message and no temp file', (jobs) => {
    const dir = tempDir();
    writeTree(dir, {
      ...Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`in/p${String(i).padStart(2, '0')}.txt`, dump(i)])),
      // A folder where p50's output goes: the rename onto it fails (EISDIR) after the temp file is
      // written. p50 is read after p00's output was written (the batch holds at most 32 files), so
      // its folder is known and the task writes it, in the worker with -j 2.
      'out/p50.json/keep': 'x',
    });
    const r = deboil(['in', '-o', 'out', '-j', jobs], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('deboil: error: out/p50.json: cannot write: is a directory');
    expect(r.stderr).toMatch(/^deboil: 60 files, .*, 1 errors?, <time>$/mu);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(Array.from({ length: 60 }, (_, i) => `p${String(i).padStart(2, '0')}.json`));
    expect(readdirSync(join(dir, 'out', 'p50.json'))).toEqual(['keep']);
  });

  it('never overwrites an input, even when asked to write text into the input folder', () => {
    const dir = tempDir();
    writeTree(dir, { 'in/a.txt': dump(1), 'in/b.txt': dump(2) });
    const before = readTree(join(dir, 'in'));
    const r = deboil(['in', '-o', 'in', '-f', 'text'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('deboil: error: in/a.txt: its output in/a.txt would overwrite an input; choose another --out-dir or format\n');
    expect(readTree(join(dir, 'in'))).toEqual(before);
  });

  it('leaves an out-dir inside the input folder out of the inputs, so a second run does not clean its own outputs', () => {
    const dir = tempDir();
    writeTree(dir, { 'in/a.txt': dump(1), 'in/sub/b.txt': dump(2) });
    for (let run = 0; run < 2; run++) {
      const r = deboil(['in', '-o', 'in/clean', '-f', 'text'], { cwd: dir });
      expect([r.code, r.stderr.split(',')[0]]).toEqual([0, 'deboil: 2 files']);
    }
    expect(Object.keys(readTree(join(dir, 'in'))).sort()).toEqual(['a.txt', 'clean/a.txt', 'clean/sub/b.txt', 'sub/b.txt']);
  });

  it('refuses options that do not fit a batch, with exit 2', () => {
    const dir = folder(2);
    const cases: [string[], string][] = [
      [['in', '-o', 'out', '-f', 'jsonl'], '-f jsonl makes one stream, not one file per input: with --out-dir use -f json, md or text'],
      [['in', '-f', 'md'], 'several inputs without --out-dir give JSON Lines on stdout; -f md needs --out-dir or one input'],
      [['in', '-j', '0'], "--jobs: '0' is not a whole number of 1 or more"],
      [['in', '-'], "'-' (stdin) cannot be one of several inputs; pipe many dumps as records with --input-format jsonl"],
      [['nothing/*.txt'], 'nothing/*.txt: no such file, and no files match it'],
      [['--input-format', 'jsonl', '-o', 'out'], '--input-format jsonl writes JSON Lines on stdout; it does not take --out-dir'],
      [['-o', 'out'], '--out-dir needs input files, folders or globs: stdin has no name to mirror'],
    ];
    for (const [args, message] of cases) {
      const r = deboil(args, { cwd: dir });
      expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `deboil: error: ${message}\n`]);
    }
  });
});

function jsonl(n: number): string {
  const rows = Array.from({ length: n }, (_, i) =>
    i === 3 ? '{"id": 3, "text": 42}' : i === 6 ? 'not json' : JSON.stringify({ id: `r${i}`, url: `https://example.com/${i}`, site: 'example.com', path: `p${i}.txt`, text: dump(i) }),
  );
  return `${rows.join('\n')}\n`;
}

describe('deboil --input-format jsonl', () => {
  it('writes one record per input record, in order, echoing id, url and site; a bad record gets an error record', () => {
    const dir = tempDir();
    const r = deboil(['--input-format', 'jsonl', '-j', '2'], { cwd: dir, input: jsonl(8) });
    expect(r.code).toBe(2);
    const recs = records(r.stdout);
    expect(recs.map((x) => [x['id'] ?? null, x['url'] ?? null, pathOf(x), 'error' in x])).toEqual([
      ['r0', 'https://example.com/0', 'p0.txt', false],
      ['r1', 'https://example.com/1', 'p1.txt', false],
      ['r2', 'https://example.com/2', 'p2.txt', false],
      [3, null, null, true],
      ['r4', 'https://example.com/4', 'p4.txt', false],
      ['r5', 'https://example.com/5', 'p5.txt', false],
      [null, null, null, true],
      ['r7', 'https://example.com/7', 'p7.txt', false],
    ]);
    expect(recs[1]!['site']).toBe('example.com');
    expect(Object.keys(recs[1]!).slice(0, 4)).toEqual(['schema', 'id', 'url', 'site']);
    expect(r.stderr.split('\n').slice(0, 2)).toEqual([
      'deboil: error: stdin line 4: missing "text": expected a string with the dump',
      `deboil: error: stdin line 7: ${recs[6]!['error'] as string}`,
    ]);
  });

  it('gives the same bytes when the input is cut into chunks and the outputs are joined', () => {
    const dir = tempDir();
    const input = jsonl(10);
    const lines = input.split(/(?<=\n)/u);
    const whole = deboil(['--input-format', 'jsonl', '-j', '2', '-q'], { cwd: dir, input });
    expect(records(whole.stdout)).toHaveLength(10);
    for (const cuts of [[1, 4, 9], [6, 7]]) {
      const chunks = [0, ...cuts].map((start, i) => lines.slice(start, [...cuts, lines.length][i]).join(''));
      const joined = chunks.map((c) => deboil(['--input-format', 'jsonl', '-j', '1', '-q'], { cwd: dir, input: c }).stdout).join('');
      expect(joined).toBe(whole.stdout);
    }
  });

  it('writes each record out as soon as it is ready, before the input ends', async () => {
    const child = spawn(process.execPath, [BIN, '--input-format', 'jsonl', '-q'], { env: ENV, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const line = (i: number): string => `${JSON.stringify({ id: i, text: dump(i) })}\n`;
    child.stdin.write(line(1));
    await until(() => out.split('\n').length === 2);
    child.stdin.write(line(2));
    await until(() => out.split('\n').length === 3);
    child.stdin.end();
    const code = await new Promise((r) => child.on('close', r));
    expect([code, records(out).map((x) => x['id'])]).toEqual([0, [1, 2]]);
  });
});

describe('deboil in a pipeline', () => {
  const sh = (cmd: string, cwd: string) => spawnSync('sh', ['-c', cmd], { cwd, env: { ...ENV, NODE: process.execPath, BIN }, encoding: 'utf8' });

  it('ends quietly when the reader closes the pipe (| head -1)', () => {
    const dir = folder(30);
    sh('{ "$NODE" "$BIN" in -j 2 2>err.txt; echo $? > code.txt; } | head -1 > out.txt', dir);
    expect(records(readFileSync(join(dir, 'out.txt'), 'utf8'))).toHaveLength(1);
    expect(readFileSync(join(dir, 'code.txt'), 'utf8').trim()).toBe('0');
    expect(readFileSync(join(dir, 'err.txt'), 'utf8')).toBe('');
  });

  it('stops reading an endless JSONL stream when the reader closes the pipe', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'rec.json'), JSON.stringify({ id: 1, text: dump(1) }));
    const gen = `"${process.execPath}" -e 'const l=require("fs").readFileSync("rec.json","utf8")+"\\n";(function w(){while(process.stdout.write(l));process.stdout.once("drain",w)})();process.stdout.on("error",()=>process.exit(0))'`;
    sh(`${gen} | { "$NODE" "$BIN" --input-format jsonl 2>err.txt; echo $? > code.txt; } | head -2 > out.txt`, dir);
    expect(readFileSync(join(dir, 'code.txt'), 'utf8').trim()).toBe('0');
    expect(readFileSync(join(dir, 'err.txt'), 'utf8')).toBe('');
    expect(records(readFileSync(join(dir, 'out.txt'), 'utf8')).map((x) => x['id'])).toEqual([1, 1]);
  });
});

const hasParallel = spawnSync('parallel', ['--version'], { encoding: 'utf8' }).status === 0;

describe('the README pipeline recipe', () => {
  it.skipIf(!hasParallel)('gives under GNU parallel --pipe the same bytes as one run', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'records.jsonl'), jsonl(12));
    const one = spawnSync('sh', ['-c', '"$NODE" "$BIN" --input-format jsonl -q < records.jsonl'], { cwd: dir, env: { ...ENV, NODE: process.execPath, BIN }, encoding: 'utf8' });
    // Small blocks so the input is really cut into several chunks.
    const cmd = 'parallel --pipe --keep-order --block 40k -j 2 "$NODE" "$BIN" --input-format jsonl -j 1 -q < records.jsonl';
    const par = spawnSync('sh', ['-c', cmd], { cwd: dir, env: { ...ENV, NODE: process.execPath, BIN }, encoding: 'utf8' });
    expect(records(one.stdout)).toHaveLength(12);
    expect(par.stdout).toBe(one.stdout);
  });
});

describe('deboil interrupted', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('on %s stops the workers, leaves no temp file or partial output, and exits 130', async (sig) => {
    const dir = tempDir();
    writeTree(dir, Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`in/p${String(i).padStart(4, '0')}.txt`, dump(i % 4 === 0 ? 1 : i)])));
    const child = spawn(process.execPath, [BIN, 'in', '-o', 'out', '-j', '2'], { cwd: dir, env: ENV, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    await until(() => existsSync(join(dir, 'out')) && readdirSync(join(dir, 'out')).some((f) => f.endsWith('.json')));
    child.kill(sig);
    const code = await new Promise((r) => child.on('close', (c) => r(c)));
    expect(code).toBe(130);
    const names = readdirSync(join(dir, 'out'));
    expect(names.filter((f) => !f.endsWith('.json'))).toEqual([]);
    for (const f of names) expect(() => JSON.parse(readFileSync(join(dir, 'out', f), 'utf8'))).not.toThrow();
    expect(names.length).toBeLessThan(1500);
    expect(normalise(stderr)).toMatch(/^deboil: error: interrupted; finished outputs are complete, no partial ones were left\ndeboil: \d+ files?, .*<time>\n$/u);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('exits 130 on %s while waiting for more JSONL on stdin', async (sig) => {
    const child = spawn(process.execPath, [BIN, '--input-format', 'jsonl', '-q'], { env: ENV, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdin.write(`${JSON.stringify({ id: 1, text: dump(1) })}\n`);
    await until(() => out.endsWith('\n'));
    child.kill(sig);
    const code = await new Promise((r) => child.on('close', r));
    expect([code, records(out).length, err]).toEqual([130, 1, 'deboil: error: interrupted; finished outputs are complete, no partial ones were left\n']);
  });
});

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

describe('progress', () => {
  it.skipIf(!hasScript)('draws a bar with files, MB/s and ETA on a terminal, and none with --quiet', () => {
    const dir = folder(12);
    const onTty = (extra: string) =>
      stripVTControlCharacters(
        spawnSync('script', ['-qfec', `"${process.execPath}" "${BIN}" in -o out -j 2 ${extra}`, '/dev/null'], { cwd: dir, env: ENV, encoding: 'utf8' }).stdout,
      );
    expect(onTty('')).toMatch(/12\/12 files \| [\d.]+ MB\/s \| ETA/u);
    expect(onTty('-q')).toBe('');
  });

  it('draws nothing on a pipe', () => {
    const r = deboil(['in', '-o', 'out'], { cwd: folder(3) });
    expect(r.stderr).not.toContain('ETA');
    expect(r.stderr.split('\n')).toHaveLength(2);
  });
});
