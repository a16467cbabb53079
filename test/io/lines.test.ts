import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readLines, type Line } from '../../src/io/lines.js';

async function lines(chunks: (string | Uint8Array)[], max?: number): Promise<Line[]> {
  const out: Line[] = [];
  for await (const l of readLines(chunks, max)) out.push(l);
  return out;
}

describe('readLines', () => {
  it('splits on \\n, drops a \\r before it, and keeps a last line without newline', async () => {
    expect((await lines(['a\r\nb\n', '\nc'])).map((l) => [l.number, l.text])).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, ''],
      [4, 'c'],
    ]);
  });

  it('gives the same lines however the bytes are cut into chunks, even inside a character', async () => {
    const text = fc.array(fc.string({ unit: 'grapheme', maxLength: 12 }), { maxLength: 8 }).map((ls) => ls.join('\n'));
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.nat(), { maxLength: 6 }), async (t, cuts) => {
        fc.pre(!/[\r\ufeff]/u.test(t));
        const bytes = Buffer.from(t);
        const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...at].map((start, i) => bytes.subarray(start, [...at, bytes.length][i]));
        const whole = (await lines([bytes])).map((l) => l.text);
        expect((await lines(chunks)).map((l) => l.text)).toEqual(whole);
        expect(whole.join('\n')).toBe(t.replace(/\n$/u, ''));
      }),
    );
  });

  it('skips a line over maxBytes without holding it, and goes on after it', async () => {
    const got = await lines(['ok\n', 'x'.repeat(10), 'y'.repeat(10), '\nnext\n'], 15);
    expect(got.map((l) => [l.text, l.bytes])).toEqual([
      ['ok', 2],
      [null, 20],
      ['next', 4],
    ]);
  });
});
