#!/usr/bin/env node
// Throughput, latency and memory of deboil, side by side with the floor (a plain copy) and the shell
// baseline a user would otherwise write (one awk pass). Not part of `npm test`: timings on a shared
// machine are noise for a unit test, so this prints medians and spreads for a person to read.
//
//   npm run bench [-- --files 1000,10000] [--runs 3] [--latency-runs 15] [--core-runs 5]
//                    [--json FILE (default .bench/latest.json)] [--compare OLD.json] [--bin PATH] [--batch-bin PATH] [--jobs N]
//                    [--tmp DIR] [--keep] [--no-cli] [--no-core] [--help]
//
// The scrape folder is synthetic but deterministic: dumps drawn with replacement from the corpus by a
// seeded generator, each with a few digits changed on pure-ASCII lines (so legacy GBK/GB18030 and
// windows-1252 bytes stay valid and the page means the same), written as raw bytes.
// Exit code 1 when --compare finds a regression.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const options = {
  files: { type: 'string', default: '1000,10000' },
  runs: { type: 'string', default: '3' },
  'latency-runs': { type: 'string', default: '15' },
  'core-runs': { type: 'string', default: '5' },
  seed: { type: 'string', default: '20240808' },
  corpus: { type: 'string', default: resolve(root, '../shared/corpus') },
  json: { type: 'string', default: join(root, '.bench/latest.json') },
  compare: { type: 'string' },
  bin: { type: 'string', default: join(root, 'bin/deboil') },
  'batch-bin': { type: 'string' },
  jobs: { type: 'string', default: String(availableParallelism()) },
  tmp: { type: 'string', default: join(tmpdir(), 'deboil-bench') },
  keep: { type: 'boolean', default: false },
  'no-cli': { type: 'boolean', default: false },
  'no-core': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
};
let args;
try {
  ({ values: args } = parseArgs({ options }));
} catch (e) {
  console.error(`bench: ${e.message} (see node scripts/bench.mjs --help)`);
  process.exit(2);
}

if (args.help) {
  // The usage is the comment at the top of this file, up to the first line that is not a comment.
  const head = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1);
  const usage = head.slice(0, head.findIndex((l) => !l.startsWith('//'))).map((l) => l.replace(/^\/\/ ?/u, ''));
  console.log(usage.join('\n').trim());
  process.exit(0);
}

const sizes = args.files.split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0);
const runs = Math.max(1, Number(args.runs));
const jobs = Math.max(1, Number(args.jobs));
const notes = [];

if (!existsSync(join(args.corpus, 'manifest.jsonl'))) {
  console.log(`bench: no corpus at ${args.corpus}; skipping.`);
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// Statistics

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const summary = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length, all: xs });

// ---------------------------------------------------------------------------------------------
// The synthetic scrape folder

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Start and end of each line whose bytes are all ASCII and hold a digit: safe to edit in any ASCII-compatible charset. */
function editableLines(buf) {
  const out = [];
  let start = 0;
  for (let i = 0; i <= buf.length; i++) {
    if (i < buf.length && buf[i] !== 0x0a) continue;
    let ascii = true;
    let digit = false;
    for (let k = start; k < i; k++) {
      if (buf[k] >= 0x80) {
        ascii = false;
        break;
      }
      if (buf[k] >= 0x30 && buf[k] <= 0x39) digit = true;
    }
    if (ascii && digit) out.push([start, i]);
    start = i + 1;
  }
  return out;
}

function buildFolder(n) {
  const manifest = readFileSync(join(args.corpus, 'manifest.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const dir = join(args.tmp, `in-${n}-seed${args.seed}`);
  const stamp = join(dir, '.stamp');
  const want = `${n} ${args.seed} ${manifest.length}`;
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').split('\n')[0] === want) {
    const [, bytes, sha] = readFileSync(stamp, 'utf8').split('\n');
    return { dir, bytes: Number(bytes), sha, files: n, reused: true };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const sources = manifest.map((r) => ({ id: r.id, bytes: readFileSync(join(args.corpus, r.dump)) }));
  const lines = sources.map((s) => editableLines(s.bytes));
  const rand = mulberry32(Number(args.seed) + n);
  const hash = createHash('sha256');
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const k = Math.floor(rand() * sources.length);
    const buf = Buffer.from(sources[k].bytes);
    const candidates = lines[k];
    const edits = candidates.length ? Math.floor(rand() * 3) : 0;
    for (let e = 0; e < edits; e++) {
      const [a, b] = candidates[Math.floor(rand() * candidates.length)];
      const digits = [];
      for (let p = a; p < b; p++) if (buf[p] >= 0x30 && buf[p] <= 0x39) digits.push(p);
      const p = digits[Math.floor(rand() * digits.length)];
      buf[p] = 0x30 + ((buf[p] - 0x30 + 1 + Math.floor(rand() * 9)) % 10);
    }
    const name = `${String(i).padStart(6, '0')}-${sources[k].id}.txt`;
    writeFileSync(join(dir, name), buf);
    hash.update(name).update(buf);
    bytes += buf.length;
  }
  const sha = hash.digest('hex').slice(0, 16);
  writeFileSync(stamp, `${want}\n${bytes}\n${sha}\n`);
  return { dir, bytes, sha, files: n, reused: false };
}

// ---------------------------------------------------------------------------------------------
// Running commands: wall time from here, peak RSS from GNU time (or the kernel's high-water mark)

const hasGnuTime = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M %U %S', 'true']).status === 0;
if (!hasGnuTime) notes.push('peak RSS and CPU time: /usr/bin/time not found (apt-get install time); those columns are empty');

function measure(cmd, argv, opts = {}) {
  const rssFile = join(args.tmp, '.rss');
  // CPU time (user + system, children included) is what a loaded machine distorts least.
  const [file, list] = hasGnuTime ? ['/usr/bin/time', ['-f', '%M %U %S %R', '-o', rssFile, cmd, ...argv]] : [cmd, argv];
  const t0 = process.hrtime.bigint();
  const env = opts.replaceEnv ? opts.env : { ...process.env, ...opts.env };
  const r = spawnSync(file, list, { stdio: ['ignore', 'ignore', 'pipe'], env, maxBuffer: 64 << 20 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  let rssMB = null;
  let cpu = null;
  let faults = null;
  if (hasGnuTime && existsSync(rssFile)) {
    const [kb, user, sys, minor] = readFileSync(rssFile, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
    if (Number.isFinite(kb)) rssMB = kb / 1024;
    if (Number.isFinite(user) && Number.isFinite(sys)) cpu = user + sys;
    if (Number.isFinite(minor)) faults = minor;
  }
  const stderr = r.stderr?.toString() ?? '';
  return { wall, rssMB, cpu, faults, status: r.status, stderr: stderr.split('\n').filter((l) => !/^Command exited with non-zero status/u.test(l)).join('\n').trim() };
}

/** Whether a deboil bin takes a folder with --out-dir (batch mode). */
function supportsBatch(bin) {
  if (!existsSync(bin)) return false;
  const r = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
  return /--out-dir/u.test(r.stdout ?? '');
}

// One awk process for the whole folder: read the file list, drop read-more lines and repeated lines
// of each file, write each file's survivors to its own output (the corpus README's shell baseline).
const AWK = String.raw`BEGIN {
  while ((getline f < list) > 0) {
    n = f; sub(/.*\//, "", n); o = out "/" n
    printf "" > o
    split("", seen)
    while ((getline line < f) > 0) {
      t = line; sub(/\r$/, "", t)
      if (t ~ /^[ \t]*(阅读全文|閱讀全文|Read more)[ \t]*$/) continue
      if (seen[line]++) continue
      print line > o
    }
    close(f); close(o)
  }
}`;

// Read and write every file in one Node process: what deboil's own I/O costs before any cleaning.
const NODE_COPY = `const fs=require('fs'),p=require('path');const [i,o]=process.argv.slice(1);fs.mkdirSync(o,{recursive:true});for(const f of fs.readdirSync(i)){if(f.startsWith('.'))continue;fs.writeFileSync(p.join(o,f),fs.readFileSync(p.join(i,f)))}`;

function cliCommands(data, out, batchBin) {
  const list = join(args.tmp, `list-${data.files}.txt`);
  writeFileSync(list, readdirSync(data.dir).filter((f) => !f.startsWith('.')).map((f) => join(data.dir, f)).join('\n') + '\n');
  const cmds = [
    { name: 'floor: cp -r', run: () => measure('cp', ['-r', data.dir, out]) },
    { name: 'node read+write', run: () => measure(process.execPath, ['-e', NODE_COPY, data.dir, out]) },
    {
      name: 'awk read-more+dups',
      run: () => {
        mkdirSync(out, { recursive: true });
        return measure('awk', ['-v', `list=${list}`, '-v', `out=${out}`, AWK], { env: { LC_ALL: 'C' } });
      },
    },
  ];
  if (batchBin) {
    for (const j of [...new Set([1, jobs])]) {
      cmds.push({ name: `deboil -j ${j}`, deboil: true, jobs: j, run: () => measure(process.execPath, [batchBin, data.dir, '-o', out, '-f', 'json', '-j', String(j)]) });
    }
  }
  return cmds;
}

function runCli(data, batchBin) {
  const out = join(args.tmp, `out-${data.files}`);
  const cmds = cliCommands(data, out, batchBin);
  const results = Object.fromEntries(cmds.map((c) => [c.name, { wall: [], rss: [], cpu: [], failures: [] }]));
  for (let r = 0; r < runs; r++) {
    // Rotate the order each round so drift on a shared machine spreads over all commands.
    for (let k = 0; k < cmds.length; k++) {
      const c = cmds[(k + r) % cmds.length];
      rmSync(out, { recursive: true, force: true });
      const m = c.run();
      const res = results[c.name];
      res.wall.push(m.wall);
      if (m.rssMB !== null) res.rss.push(m.rssMB);
      if (m.cpu !== null) res.cpu.push(m.cpu);
      const written = existsSync(out) ? countFiles(out) : 0;
      if (m.status !== 0 || written !== data.files) res.failures.push(`exit ${m.status}, ${written}/${data.files} outputs${m.stderr ? `: ${m.stderr.slice(0, 300)}` : ''}`);
      process.stderr.write('.');
    }
  }
  rmSync(out, { recursive: true, force: true });
  process.stderr.write('\n');
  const table = {};
  for (const c of cmds) {
    const r = results[c.name];
    const wall = summary(r.wall);
    table[c.name] = {
      wall,
      mbps: data.bytes / 1e6 / wall.median,
      filesPerSec: data.files / wall.median,
      rssMB: r.rss.length ? summary(r.rss) : null,
      cpuSeconds: r.cpu.length ? summary(r.cpu) : null,
      // GNU time reports CPU in hundredths: a copy of a small folder can round to zero.
      filesPerCpuSec: r.cpu.length && median(r.cpu) > 0 ? data.files / median(r.cpu) : null,
      failures: r.failures,
      ...(c.deboil ? { jobs: c.jobs } : {}),
    };
  }
  return table;
}

function countFiles(dir) {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) n += e.isDirectory() ? countFiles(join(dir, e.name)) : e.name.startsWith('.') ? 0 : 1;
  return n;
}

/**
 * NODE_EXTRA_CA_CERTS makes every Node process read and parse a certificate bundle before any
 * script runs, whatever it runs: ~40 ms of `node -e 0` on the machine this was found on, where
 * npm needs it for a proxy. deboil opens no TLS connection. When the shell sets it, latency is
 * also measured without it, and both rows are reported.
 */
const START_ENV = ['NODE_EXTRA_CA_CERTS'];
const CLEAN_SUFFIX = ' [without NODE_EXTRA_CA_CERTS]';

function runLatency(bin) {
  const sample = join(root, 'fixtures/seed-dump.txt');
  const set = START_ENV.filter((k) => process.env[k] !== undefined);
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !START_ENV.includes(k)));
  const variants = [{ suffix: '', env: process.env }, ...(set.length ? [{ suffix: CLEAN_SUFFIX, env: clean }] : [])];
  if (set.length) notes.push(`latency: this shell sets ${set.join(', ')}; rows marked '${CLEAN_SUFFIX.trim()}' ran without them`);
  const cmds = variants.flatMap(({ suffix, env }) => [
    { name: `node -e 0 (runtime start)${suffix}`, run: () => measure(process.execPath, ['-e', '0'], { env, replaceEnv: true }) },
    { name: `deboil fixtures/seed-dump.txt${suffix}`, run: () => measure(process.execPath, [bin, sample], { env, replaceEnv: true }) },
  ]);
  const n = Math.max(1, Number(args['latency-runs']));
  const res = Object.fromEntries(cmds.map((c) => [c.name, { wall: [], rss: [], cpu: [], faults: [] }]));
  for (let r = 0; r < n; r++) {
    for (const c of r % 2 ? [...cmds].reverse() : cmds) {
      const m = c.run();
      res[c.name].wall.push(m.wall * 1000);
      if (m.rssMB !== null) res[c.name].rss.push(m.rssMB);
      if (m.cpu !== null) res[c.name].cpu.push(m.cpu * 1000);
      if (m.faults !== null) res[c.name].faults.push(m.faults);
    }
  }
  return Object.fromEntries(
    Object.entries(res).map(([k, v]) => [
      k,
      { ms: summary(v.wall), cpuMs: v.cpu.length ? summary(v.cpu) : null, rssMB: v.rss.length ? summary(v.rss) : null, pageFaults: v.faults.length ? summary(v.faults) : null },
    ]),
  );
}

// ---------------------------------------------------------------------------------------------
// The core in this process, on one core: CPU time, so other load on the machine counts less

async function runCore() {
  // The checkout of --bin (its bin/ folder's parent), so that --bin compares the core of another build too.
  const at = resolve(dirname(args.bin), '..');
  const { createContext, extract, defaultRules, clean } = await import(join(at, 'dist/index.js'));
  const { languageProfiles } = await import(join(at, 'dist/rules/langs.js'));
  const { decodeBytes } = await import(join(at, 'dist/io/decode.js'));
  const manifest = readFileSync(join(args.corpus, 'manifest.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const raw = manifest.map((r) => readFileSync(join(args.corpus, r.dump)));
  const texts = raw.map((b) => decodeBytes(b).text);
  const bytes = raw.reduce((s, b) => s + b.length, 0);
  const ctx = createContext(defaultRules, languageProfiles, 'balanced');
  const cpu = (f) => {
    const c = process.cpuUsage();
    f();
    const e = process.cpuUsage(c);
    return (e.user + e.system) / 1e6;
  };
  // One warm-up round each, so the JIT's first compile is not in the figures.
  const rounds = Math.max(1, Number(args['core-runs']));
  const ex = [];
  const cl = [];
  cpu(() => texts.forEach((t) => extract(t, ctx)));
  cpu(() => raw.forEach((b) => JSON.stringify(clean(b))));
  for (let r = 0; r < rounds; r++) {
    ex.push(cpu(() => texts.forEach((t) => extract(t, ctx))));
    cl.push(cpu(() => raw.forEach((b) => JSON.stringify(clean(b)))));
  }
  const row = (xs) => ({ cpuSeconds: summary(xs), mbps: bytes / 1e6 / median(xs), pagesPerSec: manifest.length / median(xs) });
  return { docs: manifest.length, bytes, dist: join(at, 'dist'), extract: row(ex), clean: row(cl), floors: await runFloors(at, { raw, texts, bytes, ctx, extract, decodeBytes, cpu, rounds }) };
}

/**
 * Work that any faster deboil would still do, each part timed alone: what the throughput goals are
 * up against. The corpus split into blocks (segment), every regex call extract() makes in a round,
 * replayed on its own input, and the decoding of the dumps that are not UTF-8, which is where
 * jschardet runs. The ceilings are what each part alone would allow if everything else were free.
 */
async function runFloors(at, { raw, texts, bytes, ctx, extract, decodeBytes, cpu, rounds }) {
  // CPU seconds of each round after a warm-up one.
  const timed = (f) => Array.from({ length: rounds + 1 }, () => cpu(f)).slice(1);
  const { segment } = await import(join(at, 'dist/core/segment.js'));
  const seg = timed(() => texts.forEach((t) => segment(t)));

  // The round is recorded through RegExp.prototype (String methods go through exec once it is
  // replaced), then each call is replayed as it was made: same regex, method, input and lastIndex.
  const calls = [];
  const { exec, test } = RegExp.prototype;
  RegExp.prototype.exec = function (s) {
    calls.push([this, exec, String(s), this.lastIndex]);
    return exec.call(this, s);
  };
  RegExp.prototype.test = function (s) {
    calls.push([this, test, String(s), this.lastIndex]);
    return exec.call(this, s) !== null;
  };
  try {
    texts.forEach((t) => extract(t, ctx));
  } finally {
    Object.assign(RegExp.prototype, { exec, test });
  }
  const replay = (list) => () => {
    for (const [re, method, input, lastIndex] of list) {
      re.lastIndex = lastIndex;
      method.call(re, input);
    }
  };
  const rx = timed(replay(calls));
  // The rule packs' own patterns (data) apart from the pipeline's helpers (code): a rule runs as
  // its pattern or as the pattern without its length guard (match.ts unguarded).
  const { unguarded, sharedPatterns, PATTERN_LISTS } = await import(join(at, 'dist/core/match.js'));
  const key = (re) => `${re.flags}/${re.source}`;
  const rulePatterns = [...sharedPatterns(ctx.rules), ...PATTERN_LISTS.flatMap((l) => ctx.rules.pack[l].map((r) => r.pattern))].filter(Boolean);
  const ruleKeys = new Set(rulePatterns.flatMap((p) => [p, unguarded(p)]).filter(Boolean).map(key));
  const ruleCalls = calls.filter(([re]) => ruleKeys.has(key(re)));
  const ruleRx = timed(replay(ruleCalls));

  // Strict UTF-8 comes first in decodeBytes; the rest is detected (jschardet on a sample).
  const { isUtf8 } = await import('node:buffer');
  const legacy = raw.filter((b) => !isUtf8(b));
  let detect = null;
  if (legacy.length > 0) {
    const msEach = summary(timed(() => legacy.forEach((b) => decodeBytes(b))).map((s) => (s * 1000) / legacy.length));
    const share = legacy.length / raw.length;
    detect = { files: legacy.length, share, msEach, filesPerCpuSecCeiling: 1000 / (share * msEach.median) };
  }
  return {
    segment: { cpuSeconds: summary(seg), mbps: bytes / 1e6 / median(seg) },
    regexCalls: {
      calls: calls.length,
      patterns: new Set(calls.map(([re]) => key(re))).size,
      cpuSeconds: summary(rx),
      mbps: bytes / 1e6 / median(rx),
      ruleCalls: ruleCalls.length,
      ruleCpuSeconds: summary(ruleRx),
    },
    coreCeilingMbps: bytes / 1e6 / (median(seg) + median(rx)),
    detect,
  };
}

// ---------------------------------------------------------------------------------------------
// Report

const f1 = (x) => (x === null || x === undefined ? '-' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const spread = (s) => `${f1(s.median)} (${f1(s.min)}-${f1(s.max)})`;

function printSize(size) {
  const { table } = size;
  const floor = table['floor: cp -r']?.wall.median;
  const awk = table['awk read-more+dups']?.wall.median;
  console.log(`\n${size.files} files, ${(size.bytes / 1e6).toFixed(1)} MB (data ${size.sha}, warm page cache), ${runs} runs each, interleaved`);
  console.log(`${'command'.padEnd(22)} ${'wall s median (min-max)'.padEnd(24)} ${'MB/s'.padStart(7)} ${'files/s'.padStart(8)} ${'CPU s'.padStart(7)} ${'files/CPU s'.padStart(11)} ${'peak RSS MB'.padStart(12)} ${'x floor'.padStart(8)} ${'x awk'.padStart(6)}`);
  for (const [name, r] of Object.entries(table)) {
    console.log(
      `${name.padEnd(22)} ${spread(r.wall).padEnd(24)} ${f1(r.mbps).padStart(7)} ${f1(r.filesPerSec).padStart(8)} ${f1(r.cpuSeconds?.median).padStart(7)} ${f1(r.filesPerCpuSec).padStart(11)} ${(r.rssMB ? f1(r.rssMB.median) : '-').padStart(12)} ${f1(r.wall.median / floor).padStart(8)} ${f1(r.wall.median / awk).padStart(6)}`,
    );
    for (const fail of r.failures.slice(0, 2)) console.log(`  ! ${fail}`);
  }
}

function goals(result) {
  const lines = [];
  const at = (n) => result.sizes.find((s) => s.files === n);
  const ten = at(10000);
  const all = ten && Object.values(ten.table).find((r) => r.jobs === jobs);
  const one = ten && Object.values(ten.table).find((r) => r.jobs === 1);
  const awk = ten?.table['awk read-more+dups'];
  const check = (ok, text) => lines.push(`${ok === null ? ' n/a' : ok ? '  ok' : 'MISS'}  ${text}`);
  const fl = result.core?.floors;
  // The floors below for this folder, shared out over the cores as if nothing else ran.
  const floorS = ten && fl?.detect ? (ten.bytes / 1e6 / fl.coreCeilingMbps + (ten.files * fl.detect.share * fl.detect.msEach.median) / 1000) / jobs : null;
  const awkCap = floorS && awk ? `; the floors alone take ${f1(floorS)} s (${f1(floorS / awk.wall.median)}x)` : '';
  check(all && awk ? all.wall.median <= 1.5 * awk.wall.median : null, `10,000 files on all cores within 1.5x awk: ${all && awk ? `${f1(all.wall.median / awk.wall.median)}x${awkCap}` : 'not measured'}`);
  // Per core means per CPU-second: on a shared machine wall time also counts the other load.
  const perCore = one?.filesPerCpuSec ?? one?.filesPerSec ?? result.core?.clean.pagesPerSec;
  const detectCap = fl?.detect ? `; decoding the non-UTF-8 share alone allows ${f1(fl.detect.filesPerCpuSecCeiling)}` : '';
  check(perCore ? perCore >= 2500 : null, `per core >= 2,500 pages/s (50x trafilatura): ${perCore ? `${f1(perCore)} (${one ? 'CLI -j 1, per CPU second' : 'in process'})${detectCap}` : 'not measured'}`);
  const coreCap = fl ? `; segment and the regex calls alone allow ${f1(fl.coreCeilingMbps)}` : '';
  check(result.core ? result.core.extract.mbps >= 40 : null, `core >= 40 MB/s on one core: ${result.core ? `${f1(result.core.extract.mbps)} MB/s CPU time${coreCap}` : 'not measured'}`);
  const rss10 = all?.rssMB?.median;
  check(rss10 ? rss10 < 200 : null, `peak RSS < 200 MB at 10,000 files: ${rss10 ? `${f1(rss10)} MB` : 'not measured'}`);
  const forty = at(40000);
  const all40 = forty && Object.values(forty.table).find((r) => r.jobs === jobs);
  check(all40?.rssMB && rss10 ? all40.rssMB.median <= 1.25 * rss10 : null, `RSS at 40,000 within 1.25x of 10,000: ${all40?.rssMB && rss10 ? `${f1(all40.rssMB.median / rss10)}x` : 'run with --files 10000,40000'}`);
  const lat = result.latency?.['deboil fixtures/seed-dump.txt'];
  check(lat ? lat.ms.median < 150 : null, `single-file latency < 150 ms: ${lat ? `${f1(lat.ms.median)} ms wall, ${f1(lat.cpuMs?.median)} ms CPU` : 'not measured'}`);
  const bare = result.latency?.[`deboil fixtures/seed-dump.txt${CLEAN_SUFFIX}`];
  if (bare) check(bare.ms.median < 150, `single-file latency < 150 ms${CLEAN_SUFFIX}: ${f1(bare.ms.median)} ms wall, ${f1(bare.cpuMs?.median)} ms CPU`);
  return lines;
}

/** Regressions against an older result: slower by more than 10% (medians) or 10% more memory. */
function compare(now, old) {
  const rows = [];
  const worse = (name, a, b, higherIsBetter) => {
    if (typeof a !== 'number' || typeof b !== 'number' || b === 0) return;
    const change = (a - b) / b;
    const bad = higherIsBetter ? change < -0.1 : change > 0.1;
    rows.push({ name, old: b, now: a, change, bad });
  };
  for (const size of now.sizes) {
    const before = old.sizes?.find((s) => s.files === size.files);
    if (!before) continue;
    for (const [cmd, r] of Object.entries(size.table)) {
      const o = before.table[cmd];
      if (!o) continue;
      worse(`${size.files} ${cmd} wall s`, r.wall.median, o.wall.median, false);
      worse(`${size.files} ${cmd} CPU s`, r.cpuSeconds?.median, o.cpuSeconds?.median, false);
      worse(`${size.files} ${cmd} peak RSS MB`, r.rssMB?.median, o.rssMB?.median, false);
    }
  }
  for (const [cmd, r] of Object.entries(now.latency ?? {})) {
    worse(`latency ${cmd} ms`, r.ms.median, old.latency?.[cmd]?.ms.median, false);
    worse(`latency ${cmd} CPU ms`, r.cpuMs?.median, old.latency?.[cmd]?.cpuMs?.median, false);
  }
  if (now.core && old.core) {
    worse('core extract MB/s', now.core.extract.mbps, old.core.extract.mbps, true);
    worse('core clean MB/s', now.core.clean.mbps, old.core.clean.mbps, true);
  }
  console.log(`\ncompared with ${args.compare} (${old.date ?? '?'}, ${old.git?.commit ?? '?'}):`);
  for (const r of rows) console.log(`${r.bad ? 'REGRESSION' : '          '}  ${r.name.padEnd(48)} ${f1(r.old).padStart(8)} -> ${f1(r.now).padStart(8)}  ${(r.change >= 0 ? '+' : '') + (r.change * 100).toFixed(0)}%`);
  return rows.filter((r) => r.bad).length;
}

// ---------------------------------------------------------------------------------------------

/**
 * What touching a fresh 4 KB page costs here, in microseconds: a start-up's cost follows the memory
 * it touches, and on the virtual machine this was written on each first touch took ~15 us (a page
 * fault through its hypervisor) against well under 1 us on bare metal. A buffer this large is
 * mapped, not taken from the heap, so its pages are touched first by the loop below.
 */
function pageFaultMicros() {
  const pages = 8192;
  const times = [];
  for (let k = 0; k < 3; k++) {
    const buf = new Uint8Array(pages * 4096);
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < buf.length; i += 4096) buf[i] = 1;
    times.push(Number(process.hrtime.bigint() - t0) / 1e3 / pages);
  }
  return Number(median(times).toFixed(2));
}

mkdirSync(args.tmp, { recursive: true });
const git = (a) => spawnSync('git', a, { cwd: root, encoding: 'utf8' }).stdout?.trim() ?? '';
const result = {
  schema: 'deboil-bench/1',
  date: new Date().toISOString(),
  git: { commit: git(['rev-parse', '--short', 'HEAD']), dirty: git(['status', '--porcelain', '--untracked-files=no']) !== '' },
  machine: {
    nproc: availableParallelism(),
    cpu: cpus()[0]?.model ?? 'unknown',
    memGB: Math.round(totalmem() / 2 ** 30),
    loadBefore: loadavg().map((x) => Number(x.toFixed(2))),
    pageFaultUs: pageFaultMicros(),
    node: process.version,
  },
  params: { sizes, runs, jobs, seed: Number(args.seed), bin: args.bin },
  sizes: [],
  latency: null,
  core: null,
  notes,
};

if (!args['no-cli']) {
  let batchBin = supportsBatch(args.bin) ? args.bin : null;
  if (!batchBin) {
    const candidates = [args['batch-bin'], resolve(root, '../wt-batch/bin/deboil')].filter(Boolean);
    batchBin = candidates.find((b) => supportsBatch(b)) ?? null;
    notes.push(
      batchBin
        ? `${args.bin} has no --out-dir yet (batch mode not merged): deboil rows ran ${batchBin} instead`
        : `${args.bin} has no --out-dir yet (batch mode not merged) and no --batch-bin was found: deboil batch rows skipped`,
    );
  }
  result.params.batchBin = batchBin;
  for (const n of sizes) {
    process.stderr.write(`building ${n} files in ${args.tmp} ... `);
    const data = buildFolder(n);
    process.stderr.write(`${(data.bytes / 1e6).toFixed(1)} MB${data.reused ? ' (reused)' : ''}\nrunning `);
    const table = runCli(data, batchBin);
    result.sizes.push({ files: n, bytes: data.bytes, sha: data.sha, table });
    printSize(result.sizes.at(-1));
    // A folder an earlier run kept is someone's to reuse: only the one this run built goes.
    if (!args.keep && !data.reused) rmSync(data.dir, { recursive: true, force: true });
  }
  process.stderr.write('latency ');
  result.latency = runLatency(args.bin);
  process.stderr.write('\n');
  console.log(`\nsingle-file latency, start to exit, ${args['latency-runs']} runs each`);
  for (const [name, r] of Object.entries(result.latency)) {
    console.log(`${name.padEnd(Math.max(...Object.keys(result.latency).map((k) => k.length)))} ${spread(r.ms).padEnd(24)} ms wall   ${f1(r.cpuMs?.median)} ms CPU   peak RSS ${r.rssMB ? f1(r.rssMB.median) : '-'} MB   ${r.pageFaults ? Math.round(r.pageFaults.median) : '-'} page faults`);
  }
}

if (!args['no-core']) {
  result.core = await runCore();
  const c = result.core;
  console.log(`\ncore in process, one core, ${c.docs} corpus dumps (${(c.bytes / 1e6).toFixed(2)} MB), ${args['core-runs']} rounds, CPU time${c.dist === join(root, 'dist') ? '' : `, ${c.dist}`}`);
  console.log(`extract (decoded text -> Article)   ${spread(c.extract.cpuSeconds)} s   ${f1(c.extract.mbps)} MB/s   ${f1(c.extract.pagesPerSec)} pages/s`);
  console.log(`clean (bytes -> decode -> JSON)     ${spread(c.clean.cpuSeconds)} s   ${f1(c.clean.mbps)} MB/s   ${f1(c.clean.pagesPerSec)} pages/s`);
  const fl = c.floors;
  console.log('\nfloors: parts of that work timed alone, and what each would allow if the rest were free');
  const ms = (s) => spread({ median: s.median * 1000, min: s.min * 1000, max: s.max * 1000 });
  console.log(`segment (text -> blocks)            ${ms(fl.segment.cpuSeconds)} ms   ${f1(fl.segment.mbps)} MB/s`);
  console.log(`regex calls of extract(), replayed  ${ms(fl.regexCalls.cpuSeconds)} ms   ${f1(fl.regexCalls.mbps)} MB/s   (${fl.regexCalls.calls.toLocaleString('en-US')} calls of ${fl.regexCalls.patterns} patterns; the rule packs' ${fl.regexCalls.ruleCalls.toLocaleString('en-US')} of them ${f1(fl.regexCalls.ruleCpuSeconds.median * 1000)} ms)`);
  console.log(`both together                       ${f1(fl.coreCeilingMbps)} MB/s at most for extract()`);
  if (fl.detect) {
    console.log(`decoding the ${fl.detect.files} dumps that are not UTF-8 (${f1(fl.detect.share * 100)}% of the corpus, as of the bench folders): ${f1(fl.detect.msEach.median)} ms each, so at most ${f1(fl.detect.filesPerCpuSecCeiling)} files per CPU second`);
  }
}

result.machine.loadAfter = loadavg().map((x) => Number(x.toFixed(2)));
console.log(`\nmachine: ${result.machine.nproc} cores, ${result.machine.cpu}, ${result.machine.memGB} GB, node ${result.machine.node}, ~${result.machine.pageFaultUs} us a first touch of a page; load ${result.machine.loadBefore.join(' ')} before, ${result.machine.loadAfter.join(' ')} after`);
for (const n of notes) console.log(`note: ${n}`);
console.log('\ngoals (issue 8):');
for (const l of goals(result)) console.log(l);

mkdirSync(dirname(args.json), { recursive: true });
writeFileSync(args.json, `${JSON.stringify(result, null, 2)}\n`);
console.log(`\nresult: ${args.json}`);

if (args.compare) {
  const regressions = compare(result, JSON.parse(readFileSync(args.compare, 'utf8')));
  if (regressions > 0) process.exitCode = 1;
}
if (!args.keep && existsSync(args.tmp) && statSync(args.tmp).isDirectory()) {
  for (const f of readdirSync(args.tmp)) if (f.startsWith('list-') || f === '.rss') rmSync(join(args.tmp, f), { force: true });
}
