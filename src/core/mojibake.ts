// Mojibake baked into already-decoded text: bytes of one encoding read as Latin-1/windows-1252.

/** The characters windows-1252 puts at 0x80-0x9F, which a wrong decoding yields as often as Latin-1. */
const CP1252_HIGH = '\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178';
const CONT = `\\u0080-\\u00bf${CP1252_HIGH}`;

/**
 * UTF-8 read as Latin-1 ("Ã©" for "é", "â€™" for "’"): a lead byte shown as Â-ß or à-ï followed by
 * continuation bytes. GBK read as Latin-1 ("ÖÐ¹ú" for "中国"): a run of four or more Latin-1
 * letters and signs, which real Latin-script words almost never have back to back. The windows-1252
 * punctuation stays out of that run: "————" and "……" are real Chinese and English typography.
 */
const MOJIBAKE_G = new RegExp(`[\\u00c2-\\u00df][${CONT}]|[\\u00e0-\\u00ef][${CONT}]{2}|[\\u00a1-\\u00ff]{4,}`, 'gu');

export interface MojibakeReport {
  /** Suspicious sequences found. */
  readonly count: number;
  /** The first few of them, as they stand in the text. */
  readonly samples: readonly string[];
}

const MAX_SAMPLES = 3;

/** Finds byte sequences of another encoding shown as Latin-1 characters. */
export function detectMojibake(text: string): MojibakeReport {
  const samples: string[] = [];
  let count = 0;
  for (const m of text.matchAll(MOJIBAKE_G)) {
    count++;
    if (samples.length < MAX_SAMPLES) samples.push(m[0]);
  }
  return { count, samples };
}
