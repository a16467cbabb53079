import { COMMON_HAN } from './common-han.js';
import { COMMON_HANGUL, COMMON_HANT, COMMON_KANJI } from './common-cjk.js';

// Built on the first call: UTF-8 input, which most runs read only, never asks.
let common: { ideographs: ReadonlySet<string>; syllables: ReadonlySet<string> } | undefined;

export interface Plausibility {
  /** Characters a right decoding of CJK text is mostly made of. */
  readonly good: number;
  /** Weighted count of characters a wrong decoding yields. */
  readonly bad: number;
  /** good - bad: the higher, the likelier this decoding is the right one. */
  readonly score: number;
}

/**
 * How much a decoding reads like real text, for choosing between double-byte encodings that all
 * decode the same bytes without error. Common Han characters, hiragana and common Hangul count
 * for it. Rare Han characters, uncommon Hangul, half-width katakana, bopomofo and compatibility
 * jamo count against it: they are what Big5 read as GB18030, GB18030 read as Shift_JIS or EUC-KR
 * and the like turn into. Replacement characters, private-use and control characters count
 * heavily against it. Everything else (ASCII, Latin, Cyrillic, Greek, punctuation) is neutral, so a
 * single-byte decoding of European text scores near zero.
 */
export function plausibility(text: string): Plausibility {
  common ??= { ideographs: new Set([...COMMON_HAN, ...COMMON_HANT, ...COMMON_KANJI]), syllables: new Set(COMMON_HANGUL) };
  const { ideographs, syllables } = common;
  let good = 0;
  let bad = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) {
      if (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0c && cp !== 0x0d && cp !== 0x1b) bad += 4;
    } else if (cp <= 0x9f) bad += 4;
    else if (cp === 0xfffd) bad += 8;
    else if (cp >= 0xe000 && cp <= 0xf8ff) bad += 4;
    else if (cp >= 0x3041 && cp <= 0x309f) good++;
    else if (cp >= 0xff61 && cp <= 0xff9f) bad++;
    else if ((cp >= 0x3100 && cp <= 0x312f) || (cp >= 0x3131 && cp <= 0x318f)) bad++;
    else if (cp >= 0xac00 && cp <= 0xd7a3) {
      if (syllables.has(ch)) good++;
      else bad++;
    } else if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x20000 && cp <= 0x3ffff)) {
      if (ideographs.has(ch)) good++;
      else bad++;
    }
  }
  return { good, bad, score: good - bad };
}
