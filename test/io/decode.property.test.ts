import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { BinaryInputError, UnknownEncodingError, decodeBytes, listEncodings } from '../../src/io/decode.js';

const LONE_SURROGATE = /\p{Cs}/u;
// Text, as opposed to bytes: no C0 controls but tab and line breaks (NUL and control bytes are how
// binary is told apart, ESC $ B is how ISO-2022-JP is), and no leading U+FEFF (that is a BOM, and a
// BOM is dropped by design).
const asText = (s: string): string => s.replace(/[\u0000-\u0008\u000b-\u001f]/gu, ' ').replace(/^\ufeff+/u, '');

// The 19 private-use code points whose GB18030 bytes differ between the 2005 mapping (iconv-lite)
// and the 2022 one (WHATWG, hence Node's TextDecoder), e.g. U+E5E5 and U+E78D-U+E796. No real text
// holds them.
const GB18030_2022_CHANGES = /[\ue5e5\ue78d-\ue796\ue81e\ue826\ue82b\ue82c\ue832\ue843\ue854\ue864]/u;

const anyText = fc
  .oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }))
  .filter((s) => !LONE_SURROGATE.test(s));

const utf16be = (s: string): Buffer => Buffer.from(s, 'utf16le').swap16();

describe('round trips', () => {
  it('UTF-8: any text comes back identical', () => {
    fc.assert(
      fc.property(anyText.map(asText), (s) => {
        const d = decodeBytes(new TextEncoder().encode(s));
        expect(d.text).toBe(s);
        expect(d.encoding).toBe('utf-8');
      }),
      { numRuns: 300 },
    );
  });

  it('UTF-16LE with a BOM: any string comes back identical, controls and all', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const d = decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]));
        expect(d).toMatchObject({ text: s, encoding: 'utf-16le' });
      }),
      { numRuns: 300 },
    );
  });

  it('UTF-16BE with a BOM: any string comes back identical, controls and all', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const d = decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(s)]));
        expect(d).toMatchObject({ text: s, encoding: 'utf-16be' });
      }),
      { numRuns: 300 },
    );
  });

  it('GB18030 forced with --encoding: any string comes back identical', () => {
    fc.assert(
      fc.property(
        anyText.filter((s) => !GB18030_2022_CHANGES.test(s)),
        (s) => {
          expect(decodeBytes(iconv.encode(s, 'gb18030'), 'gb18030').text).toBe(s);
        },
      ),
      { numRuns: 300 },
    );
  });

  // What detection can promise: text that reads as Chinese. Twenty or more Han characters from
  // real news (the seed dump), mixed with ASCII, CJK punctuation, line breaks and now and then any
  // grapheme at all. Random rare Han characters are not promised: GB18030 bytes of rare characters
  // are as plausible in Big5 as in GB18030, and nothing but the page's own charset could tell.
  const NEWS_HAN = [...new Set(readFileSync(join(import.meta.dirname, '../../fixtures/seed-dump.txt'), 'utf8').match(/\p{Script=Han}/gu))];
  const fragment = fc.oneof(
    { weight: 6, arbitrary: fc.array(fc.constantFrom(...NEWS_HAN), { minLength: 1, maxLength: 12 }).map((a) => a.join('')) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 12 }) },
    { weight: 2, arbitrary: fc.constantFrom('，', '。', '、', '“', '”', '：', '（', '）', '\n', ' ', '2024年') },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 2 }) },
  );
  const chineseText = fc
    .array(fragment, { maxLength: 60 })
    .map((parts) => asText(parts.join('')))
    .filter((s) => (s.match(/\p{Script=Han}/gu)?.length ?? 0) >= 20 && !LONE_SURROGATE.test(s) && !GB18030_2022_CHANGES.test(s));

  it('GB18030 detected: Chinese text with 20+ Han characters comes back identical', () => {
    fc.assert(
      fc.property(chineseText, (s) => {
        const d = decodeBytes(iconv.encode(s, 'gb18030'));
        expect(d.text).toBe(s);
        expect(d.encoding).toBe('gb18030');
      }),
      { numRuns: 200 },
    );
  });
});

describe('arbitrary bytes', () => {
  const prefix = fc.constantFrom(
    [],
    [0x1f, 0x8b],
    [0xef, 0xbb, 0xbf],
    [0xff, 0xfe],
    [0xfe, 0xff],
    [0x25, 0x50, 0x44, 0x46, 0x2d],
    [0x1b, 0x24, 0x42],
  );
  const bytes = fc.tuple(prefix, fc.uint8Array({ maxLength: 2048 })).map(([p, b]) => Uint8Array.from([...p, ...b]));
  const label = fc.option(fc.oneof(fc.constantFrom(...listEncodings()), fc.string({ maxLength: 12 })), { nil: undefined });

  it('decodeBytes throws nothing but BinaryInputError or UnknownEncodingError', () => {
    fc.assert(
      fc.property(bytes, label, (b, forced) => {
        try {
          const d = decodeBytes(b, forced);
          expect(typeof d.text).toBe('string');
          expect(d.replacements).toBeGreaterThanOrEqual(0);
        } catch (e) {
          expect(e instanceof BinaryInputError || e instanceof UnknownEncodingError).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
