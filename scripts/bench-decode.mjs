#!/usr/bin/env node
// What decoding costs on a large file: builds 20 MB dumps in memory (GBK, Big5, windows-1252,
// UTF-8), times decodeBytes on each, and shows how many bytes the detector was shown, to prove
// that detection reads a bounded sample and not the whole file. Also times the mojibake scan,
// which the CLI runs on every decoded text.
//
//   npm run -s build && node scripts/bench-decode.mjs [--mb 20] [--runs 3]
//
// The first legacy input pays jschardet's one-off load (~100-300 ms); "cold" shows it, "warm" is
// the median of the runs after it.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import iconv from 'iconv-lite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({ options: { mb: { type: 'string', default: '20' }, runs: { type: 'string', default: '3' } } });
const { decodeBytes, lazyJschardet } = await import(join(root, 'dist/io/decode.js'));
const { detectMojibake } = await import(join(root, 'dist/core/mojibake.js'));

const SIZE = Number(args.mb) * 1024 * 1024;
const RUNS = Number(args.runs);

const PARAGRAPHS = {
  zh: '国务院总理今天主持召开国务院常务会议，部署进一步优化营商环境的措施，决定延续实施部分减税降费政策。会议指出，当前经济运行总体平稳，但仍面临不少困难和挑战。',
  hant: '行政院今天召開院會，通過「國土計畫法」部分條文修正草案，將送請立法院審議。行政院發言人表示，這次修法的重點在於強化地方政府的規劃權限。',
  fr: 'Le gouvernement français a présenté mercredi un projet de loi visant à réduire les délais de procédure pour les entreprises. « Nous voulons simplifier la vie des PME », a déclaré le ministre.',
};

/** About SIZE bytes of numbered lines, so no two lines are the same. */
function dump(paragraph, encoding) {
  const lines = [];
  let bytes = 0;
  for (let i = 0; bytes < SIZE; i++) {
    const line = `${i} ${paragraph}\n`;
    lines.push(line);
    bytes += Buffer.byteLength(line) * (encoding === 'utf-8' ? 1 : 0.7);
  }
  const text = lines.join('');
  return encoding === 'utf-8' ? Buffer.from(text) : iconv.encode(text, encoding);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(0).padStart(5)} ms`;

/** Wall and CPU milliseconds of one call: CPU time says more on a machine shared with others. */
function time(f) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = f();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { value, wall, cpu: (c.user + c.system) / 1000 };
}

const cases = [
  ['GBK', dump(PARAGRAPHS.zh, 'gbk')],
  ['Big5', dump(PARAGRAPHS.hant, 'big5')],
  ['windows-1252', dump(PARAGRAPHS.fr, 'windows-1252')],
  ['UTF-8 (Chinese)', dump(PARAGRAPHS.zh, 'utf-8')],
];

console.log(`decodeBytes on ${args.mb} MB inputs. cold: first call in this process (the first legacy input loads`);
console.log(`jschardet); warm: median of ${RUNS}; bare: TextDecoder alone on the same bytes; the difference is`);
console.log('what detection and the checks add. Times are CPU time (wall time in brackets).\n');
console.log('input              size  encoding           cold            warm            bare   detector saw   mojibake scan');
for (const [name, bytes] of cases) {
  let seen = 0;
  const detector = {
    detect(sample) {
      seen = sample.length;
      return lazyJschardet.detect(sample);
    },
  };
  const runs = Array.from({ length: RUNS + 1 }, () => time(() => decodeBytes(bytes, undefined, detector)));
  const result = runs[0].value;
  const bare = Array.from({ length: RUNS }, () => time(() => new TextDecoder(result.encoding).decode(bytes)));
  const scan = time(() => detectMojibake(result.text));
  const cell = (xs) => `${ms(median(xs.map((x) => x.cpu)))} (${median(xs.map((x) => x.wall)).toFixed(0)})`.padStart(15);
  console.log(
    [
      name.padEnd(16),
      `${(bytes.length / 1024 / 1024).toFixed(1).padStart(5)} MB`,
      result.encoding.padEnd(12),
      cell([runs[0]]),
      cell(runs.slice(1)),
      cell(bare),
      (seen ? `${(seen / 1024).toFixed(0)} KiB` : 'not called').padStart(14),
      `${cell([scan])}${scan.value.count ? ` (${scan.value.count} found!)` : ''}`,
    ].join(' '),
  );
}
