// The decoder half of issue 7's first invariant: any byte buffer decodes to a string, or is refused
// as binary with a named error; nothing else escapes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/io/decode.js';

const SEED = Number(process.env['FC_SEED'] ?? 20_240_519);
const utf8 = new TextEncoder();

describe('decodeBytes: invariants', () => {
  it('returns a string, or refuses binary input with BinaryInputError, for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4000 }), (bytes) => {
        try {
          const d = decodeBytes(bytes);
          expect(typeof d.text).toBe('string');
          expect(d.replacements).toBeGreaterThanOrEqual(0);
        } catch (e) {
          expect((e as Error).name).toBe('BinaryInputError');
        }
      }),
      { numRuns: 1500, seed: SEED },
    );
  });

  it('gives back exactly the text that was encoded as UTF-8', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 300 }).filter((s) => !s.includes('\0') && !s.startsWith('\ufeff'));
    fc.assert(
      fc.property(text, (s) => {
        const bytes = utf8.encode(s);
        // A text that starts like a PDF, ZIP or image is refused by design; that is not lost text.
        fc.pre(!/^(?:%PDF-|PK\u0003\u0004|GIF8|RIFF|BZh)/u.test(s));
        expect(decodeBytes(bytes)).toMatchObject({ text: s, encoding: 'utf-8', replacements: 0 });
      }),
      { numRuns: 1000, seed: SEED },
    );
  });
});

describe('decodeBytes: windows-1252', () => {
  // Node 20's TextDecoder('windows-1252') decodes 0x80-0x9F as Latin-1 C1 controls
  // (nodejs/node#56542); decode.ts must not rely on it (fixture windows-1252-lynx-en-smart-quotes).
  it('reads 0x91-0x94, 0x96 and 0x80 as ‘ ’ “ ” – €', () => {
    expect(decodeBytes(Uint8Array.from([0x91, 0x92, 0x93, 0x94, 0x96, 0x80]), 'windows-1252').text).toBe('‘’“”–€');
  });
});
