#!/usr/bin/env node
// Scores deboil on the evaluation corpus: runs the built library on every dump, writes the `text`
// predictions to a temp folder and hands them to the shared scorer. Prints per-source P/R/F1, the
// pages below 0.80, metadata and encoding-detection accuracy.
//
//   npm run eval [-- --corpus DIR] [--mode balanced] [--thresholds '{"minBodyWeight":50}'] [--worst 10] [--json FILE] [--keep DIR] [--learn]
//
// --learn also learns each site's template from all of its DEV dumps (site = manifest `site`; only
// sites with 3 or more pages can have one) and scores again with it: F1 per source and per learnt
// site, without and with learning. --min-docs and --min-share change the thresholds (3, 0.3).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    corpus: { type: 'string', default: resolve(root, '../shared/corpus') },
    scorer: { type: 'string', default: resolve(root, '../shared/tools/score.mjs') },
    mode: { type: 'string', default: 'balanced' },
    worst: { type: 'string', default: '10' },
    json: { type: 'string' },
    keep: { type: 'string' },
    only: { type: 'string' },
    'with-title': { type: 'boolean', default: false },
    thresholds: { type: 'string' },
    learn: { type: 'boolean', default: false },
    'min-docs': { type: 'string', default: '3' },
    'min-share': { type: 'string', default: '0.3' },
  },
});

if (!existsSync(join(args.corpus, 'manifest.jsonl')) || !existsSync(args.scorer)) {
  console.log(`eval: no corpus at ${args.corpus} (or no scorer at ${args.scorer}); skipping.`);
  process.exit(0);
}

const { clean, documentLines, emptyProfile, addDocument } = await import(join(root, 'dist/index.js'));
const manifest = readFileSync(join(args.corpus, 'manifest.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l))
  .filter((r) => !args.only || r.id.includes(args.only) || r.source === args.only);

const out = args.keep ? resolve(args.keep) : mkdtempSync(join(tmpdir(), 'deboil-eval-'));
const family = (e) => (e === 'gbk' || e === 'gb18030' || e === 'gb2312' ? 'gb18030' : e);
const norm = (s) => (s ?? '').normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
let encOk = 0;
let encTotal = 0;
const legacyMiss = [];
const meta = { title: [0, 0], titleProxy: [0, 0], author: [0, 0], date: [0, 0] };
const records = new Map();
let bytes = 0;
const t0 = performance.now();
for (const row of manifest) {
  const raw = readFileSync(join(args.corpus, row.dump));
  bytes += raw.length;
  const rec = clean(raw, { mode: args.mode, path: row.dump, thresholds: args.thresholds ? JSON.parse(args.thresholds) : undefined });
  records.set(row.id, rec);
  mkdirSync(join(out, row.source), { recursive: true });
  // --with-title scores title + text, to see how much a source's gold counts the headline.
  writeFileSync(join(out, row.source, `${row.id}.txt`), args['with-title'] && rec.title ? `${rec.title}\n\n${rec.text}` : rec.text);
  if (row.dump_encoding !== 'utf-8') {
    encTotal++;
    if (family(rec.source.encoding) === family(row.dump_encoding)) encOk++;
    else legacyMiss.push(`${row.id}: ${row.dump_encoding} read as ${rec.source.encoding}`);
  }
  const gold = JSON.parse(readFileSync(join(args.corpus, row.meta), 'utf8')).gold ?? {};
  // No dataset here records titles, but dragnet's gold starts with the headline: a proxy.
  if (row.source === 'dragnet') {
    const head = readFileSync(join(args.corpus, row.gold), 'utf8').split('\n').filter(Boolean).slice(0, 3).map(norm);
    meta.titleProxy[1]++;
    if (rec.title && head.some((h) => h === norm(rec.title) || (norm(rec.title).length > 12 && h.includes(norm(rec.title))))) meta.titleProxy[0]++;
  }
  if (gold.title) {
    meta.title[1]++;
    if (rec.title && norm(rec.title) === norm(gold.title)) meta.title[0]++;
  }
  if (gold.author) {
    meta.author[1]++;
    // cwce records the editor as the author when the page names no reporter.
    const who = rec.byline ?? rec.editor;
    if (who && (norm(gold.author).includes(norm(who)) || norm(who).includes(norm(gold.author)))) meta.author[0]++;
  }
  if (gold.date) {
    meta.date[1]++;
    const [y, m, d] = (gold.date.match(/\d+/gu) ?? []).map(Number);
    const iso = y ? `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : '';
    if (rec.date && rec.date.iso.startsWith(iso)) meta.date[0]++;
  }
}
const seconds = (performance.now() - t0) / 1000;

/** Scores the predictions in `dir` with the shared scorer: one entry per document. */
function score(dir) {
  const scored = JSON.parse(
    execFileSync(process.execPath, [args.scorer, '--gold', args.corpus, '--pred', dir, '--json', '--per-doc'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    }),
  );
  return (scored.docs ?? scored.per_doc ?? scored.documents ?? []).filter((d) => !args.only || manifest.some((r) => r.id === d.id));
}

const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const f = (x) => x.toFixed(3);
/** Macro P/R/F1 per group of documents (`key` names the group). */
function summarise(list, key) {
  const groups = new Map();
  for (const d of list) {
    const k = key(d);
    groups.set(k, [...(groups.get(k) ?? []), d]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([source, ds]) => ({
    source,
    n: ds.length,
    p: mean(ds.map((d) => d.precision ?? d.p)),
    r: mean(ds.map((d) => d.recall ?? d.r)),
    f1: mean(ds.map((d) => d.f1)),
    below: ds.filter((d) => d.f1 < 0.8).length,
  }));
}

const docs = score(out);
if (!args.keep) rmSync(out, { recursive: true, force: true });
const rows = summarise(docs, (d) => d.source);
console.log('source        docs  P      R      F1     F1<0.80');
for (const r of rows) console.log(`${r.source.padEnd(13)} ${String(r.n).padStart(4)}  ${f(r.p)}  ${f(r.r)}  ${f(r.f1)}  ${r.below}`);
const meanOfSources = mean(rows.map((r) => r.f1));
const below = docs.filter((d) => d.f1 < 0.8).length;
console.log(`mean of sources F1 ${f(meanOfSources)}; all docs F1 ${f(mean(docs.map((d) => d.f1)))}; below 0.80: ${below}/${docs.length} (${((100 * below) / Math.max(1, docs.length)).toFixed(1)}%)`);
const pct = ([a, b]) => (b ? `${a}/${b} (${((100 * a) / b).toFixed(0)}%)` : 'n/a');
console.log(`metadata vs gold: title ${pct(meta.title)} (dragnet headline line: ${pct(meta.titleProxy)}), author (byline, else editor) ${pct(meta.author)}, date (day) ${pct(meta.date)}`);
console.log(`encoding detection (legacy dumps, GBK/GB18030 one family): ${encOk}/${encTotal}${legacyMiss.length ? `; missed: ${legacyMiss.join(', ')}` : ''}`);
console.log(`speed: ${manifest.length} dumps, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(2)} s (${(bytes / 1e6 / seconds).toFixed(1)} MB/s, one core, in process)`);
const worst = [...docs].sort((a, b) => a.f1 - b.f1).slice(0, Number(args.worst));
console.log(`worst ${worst.length}:`);
for (const d of worst) console.log(`  ${d.id.padEnd(16)} F1 ${f(d.f1)}  P ${f(d.precision ?? d.p)}  R ${f(d.recall ?? d.r)}`);

let learning = null;
if (args.learn) {
  // Counted per site over every DEV dump of it, the page being cleaned included, as `deboil --learn`
  // does on a folder; a site with fewer than minDocs pages learns nothing.
  const minDocs = Number(args['min-docs']);
  const profile = emptyProfile({ minDocs, minShare: Number(args['min-share']) });
  const pages = new Map();
  for (const row of manifest) {
    addDocument(profile, row.site, documentLines(readFileSync(join(args.corpus, row.dump))));
    pages.set(row.site, (pages.get(row.site) ?? 0) + 1);
  }
  const learnt = new Set([...pages].filter(([, n]) => n >= minDocs).map(([site]) => site));
  const siteOf = new Map(manifest.map((r) => [r.id, r.site]));
  const dir = mkdtempSync(join(tmpdir(), 'deboil-eval-learn-'));
  let changed = 0;
  for (const row of manifest) {
    const raw = readFileSync(join(args.corpus, row.dump));
    const rec = clean(raw, { mode: args.mode, path: row.dump, thresholds: args.thresholds ? JSON.parse(args.thresholds) : undefined, profile, site: row.site });
    if (rec.text !== records.get(row.id).text) changed++;
    mkdirSync(join(dir, row.source), { recursive: true });
    writeFileSync(join(dir, row.source, `${row.id}.txt`), args['with-title'] && rec.title ? `${rec.title}\n\n${rec.text}` : rec.text);
  }
  const learnedDocs = score(dir);
  rmSync(dir, { recursive: true, force: true });
  const withRows = summarise(learnedDocs, (d) => d.source);
  const bySite = (ds) => summarise(ds.filter((d) => learnt.has(siteOf.get(d.id))), (d) => `${d.source}/${siteOf.get(d.id)}`);
  const siteRows = bySite(docs);
  const siteWith = bySite(learnedDocs);
  const inLearnt = manifest.filter((r) => learnt.has(r.site)).length;
  console.log(`\nlearning (--learn): ${learnt.size} sites with ${minDocs}+ DEV pages (${inLearnt} of ${manifest.length} dumps); ${changed} outputs changed`);
  console.log(`${'source / site'.padEnd(40)} docs  F1 without  F1 with  change`);
  const line = (name, n, a, b) => console.log(`${name.padEnd(40)} ${String(n).padStart(4)}  ${f(a).padStart(10)}  ${f(b).padStart(7)}  ${(b - a >= 0 ? '+' : '') + (b - a).toFixed(3)}`);
  rows.forEach((r, i) => line(r.source, r.n, r.f1, withRows[i].f1));
  siteRows.forEach((r, i) => line(`  ${r.source}`, r.n, r.f1, siteWith[i].f1));
  line('mean of sources', docs.length, meanOfSources, mean(withRows.map((r) => r.f1)));
  const worse = rows.filter((r, i) => withRows[i].f1 < r.f1 - 1e-9).map((r) => r.source);
  console.log(worse.length ? `learning LOWERS macro F1 of: ${worse.join(', ')}` : 'learning lowers no source\'s macro F1');
  learning = { sites: [...learnt], rows: withRows, siteRows, siteWith, changed, docs: learnedDocs };
}
if (args.json) writeFileSync(args.json, `${JSON.stringify({ rows, meanOfSources, below, docs, meta, encOk, encTotal, learning }, null, 2)}\n`);
