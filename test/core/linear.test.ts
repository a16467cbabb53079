// Issue 7, "Bounded": a 10x larger input takes under 15x the CPU time, through extract in-process.
// CPU time (process.cpuUsage), not wall time, so other work on the machine does not count; the best
// of three runs of each size, and up to three tries, so one slow garbage collection does not fail it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext, extract } from '../../src/core/pipeline.js';
import { defaultRules } from '../../src/rules/index.js';
import { languageProfiles } from '../../src/rules/langs.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');
const ctx = createContext(defaultRules, languageProfiles);

/** Paragraphs of the corpus the fixtures hold: the seed dump and the decoded text of every encoding case. */
const PARAS = [join(FIXTURES, 'seed-dump.txt'), ...readdirSync(FIXTURES).map((d) => join(FIXTURES, d, 'decoded.txt')).filter(existsSync)]
  .flatMap((f) => readFileSync(f, 'utf8').split(/\n\s*\n/u))
  .filter((p) => p.trim() !== '');

/** Lines that make regexes and per-character loops work hardest, `n` characters long. */
const ADVERSARIAL: readonly ((n: number) => string)[] = [
  (n) => '中'.repeat(n), // one CJK run without punctuation
  (n) => `${'. '.repeat(n / 2)}x`, // sentence ends that never end the line
  (n) => `.${'”'.repeat(n)}x`, // closing quotes after a full stop
  (n) => 'word '.repeat(n / 5),
  (n) => `分享到${':'.repeat(n)}!`, // once exponential in zh/share
  (n) => 'http://'.repeat(n / 7),
  (n) => '…'.repeat(n),
  (n) => '阅读全文'.repeat(n / 4),
  (n) => '('.repeat(n),
  (n) => '1'.repeat(n),
];

/**
 * A dump of about `chars` characters: corpus paragraphs, each made unique so no cache hides the
 * work, with every adversarial line, chars/40 long, spread among them.
 */
function dump(chars: number, extra: readonly ((n: number) => string)[] = ADVERSARIAL): string {
  const paras: string[] = [];
  for (let i = 0, n = 0; n < chars; i++) {
    const p = `${PARAS[(i * 13) % PARAS.length]!} (${i})`;
    paras.push(p);
    n += p.length + 2;
  }
  const step = Math.floor(paras.length / (extra.length + 1));
  extra.forEach((line, i) => paras.splice((i + 1) * step, 0, line(Math.floor(chars / 40))));
  return paras.join('\n\n');
}

function cpuMs(work: () => void): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** CPU time of the 10x input over that of the 1x one: best of three each, after a warm-up. */
function growth(small: string, big: string): number {
  extract(small, ctx);
  const a: number[] = [];
  const b: number[] = [];
  for (let k = 0; k < 3; k++) {
    a.push(cpuMs(() => extract(small, ctx)));
    b.push(cpuMs(() => extract(big, ctx)));
  }
  return Math.min(...b) / Math.min(...a);
}

/** The smallest ratio over up to `tries` tries, stopping at the first under the bound. */
function bestGrowth(small: string, big: string, bound: number, tries = 3): number[] {
  const seen: number[] = [];
  for (let t = 0; t < tries; t++) {
    seen.push(growth(small, big));
    if (seen.at(-1)! < bound) break;
  }
  return seen;
}

describe('extract takes time linear in the input', () => {
  it('a 2 MB dump of corpus paragraphs and adversarial long lines takes under 15x the CPU time of a 200 KB one', () => {
    const small = dump(200_000);
    const big = dump(2_000_000);
    expect(big.length / small.length).toBeGreaterThan(9.5);
    const ratios = bestGrowth(small, big, 15);
    expect(Math.min(...ratios), `CPU time ratios seen: ${ratios.map((r) => r.toFixed(1)).join(', ')}`).toBeLessThan(15);
  }, 120_000);

  // src/core/segment.ts trimmed each line with /[\s\u3000]+$/u, which retried a run of white space
  // from each of its characters when something followed it: a 200,000-space run took 27 s.
  it('a line with a long run of white space inside it takes under 15x too', () => {
    const run = (n: number) => `a${' '.repeat(n)}b`;
    const small = `${dump(12_000, [])}\n\n${run(2_000)}`;
    const big = `${dump(120_000, [])}\n\n${run(20_000)}`;
    const ratios = bestGrowth(small, big, 15);
    expect(Math.min(...ratios), `CPU time ratios seen: ${ratios.map((r) => r.toFixed(1)).join(', ')}`).toBeLessThan(15);
  }, 120_000);
});
