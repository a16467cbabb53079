import { createRequire } from 'node:module';
import { gunzipSync } from 'node:zlib';
import { COMMON_HAN } from './common-han.js';

export interface Decoded {
  readonly text: string;
  /** WHATWG label of the encoding used ('utf-8', 'gb18030', 'big5', 'utf-16le', ...). */
  readonly encoding: string;
  /** 1 for a BOM, valid UTF-8 or a forced label; the detector's confidence otherwise. */
  readonly confidence: number;
  /** U+FFFD characters the decoder put in for bytes it could not read. */
  readonly replacements: number;
  readonly gzip: boolean;
}

/** Input that is not text: the message says what it looks like. */
export class BinaryInputError extends Error {
  override readonly name = 'BinaryInputError';
}

/** A label TextDecoder does not know. */
export class UnknownEncodingError extends Error {
  override readonly name = 'UnknownEncodingError';
}

const SIGNATURES: readonly { name: string; bytes: readonly number[] }[] = [
  { name: 'a PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'a ZIP archive', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'a 7-Zip archive', bytes: [0x37, 0x7a, 0xbc, 0xaf] },
  { name: 'an ELF executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'a bzip2 archive', bytes: [0x42, 0x5a, 0x68] },
  { name: 'an xz archive', bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a] },
  { name: 'a WebP/RIFF file', bytes: [0x52, 0x49, 0x46, 0x46] },
];
const GZIP = [0x1f, 0x8b];

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

/** Decoder names from jschardet (Python codec names) to labels TextDecoder knows. */
const LABELS: Readonly<Record<string, string>> = {
  ascii: 'utf-8',
  'utf-8-sig': 'utf-8',
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'hz-gb-2312': 'gb18030',
  cp936: 'gb18030',
  big5hkscs: 'big5',
  cp950: 'big5',
  cp932: 'shift_jis',
  shift_jis_2004: 'shift_jis',
  'euc-jis-2004': 'euc-jp',
  iso2022_jp: 'iso-2022-jp',
  'iso2022-jp-2': 'iso-2022-jp',
  'iso2022-jp-2004': 'iso-2022-jp',
  'iso2022-jp-ext': 'iso-2022-jp',
  cp949: 'euc-kr',
  johab: 'euc-kr',
  'iso-2022-kr': 'euc-kr',
  'utf-16': 'utf-16le',
  'utf-16-le': 'utf-16le',
  'utf-16-be': 'utf-16be',
  cp874: 'windows-874',
  'tis-620': 'windows-874',
  'mac-roman': 'macintosh',
  'mac-cyrillic': 'x-mac-cyrillic',
};

/** The TextDecoder label for a detector's name, or null when TextDecoder cannot decode it. */
export function toWhatwgLabel(name: string): string | null {
  const lower = name.toLowerCase();
  const label = LABELS[lower] ?? lower.replace(/^cp(125\d)$/u, 'windows-$1');
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

// Detection reads a bounded sample, head and tail, so a 20 MB file costs what a 64 KB one does.
const SAMPLE_BYTES = 32 * 1024;

function sampleOf(bytes: Uint8Array): Uint8Array {
  if (bytes.length <= SAMPLE_BYTES * 2) return bytes;
  const out = new Uint8Array(SAMPLE_BYTES * 2);
  out.set(bytes.subarray(0, SAMPLE_BYTES), 0);
  out.set(bytes.subarray(bytes.length - SAMPLE_BYTES), SAMPLE_BYTES);
  return out;
}

/** UTF-16 without a BOM shows as NUL bytes on one side of ASCII characters. */
function guessUtf16(sample: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(sample.length - (sample.length % 2), 4096);
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) evenNul++;
    if (sample[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.3 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.3 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

function hasNul(sample: Uint8Array): boolean {
  return sample.subarray(0, 8192).includes(0);
}

const CJK_CANDIDATES = ['gb18030', 'big5', 'shift_jis', 'euc-kr'] as const;
const COMMON = new Set(COMMON_HAN);
const IDEOGRAPH_G = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/**
 * How badly a decoding reads: replacement characters, and CJK text that is not made of common
 * characters (a wrong double-byte decoding yields valid but rare ones). Kana and Hangul count as
 * common, so Japanese and Korean decodings compete on replacements and rarity alike.
 */
function implausibility(text: string): number {
  let rare = 0;
  for (const ch of text.match(IDEOGRAPH_G) ?? []) {
    if (!COMMON.has(ch) && /\p{Script=Han}/u.test(ch)) rare++;
  }
  return rare + countReplacements(text) * 20;
}

export interface Detector {
  detect(bytes: Uint8Array): { encoding: string | null; confidence: number };
}

const require = createRequire(import.meta.url);
let jschardet: Detector | undefined;
/** jschardet costs ~100 ms to load its model, so only inputs that are not UTF-8 pay for it. */
export const lazyJschardet: Detector = {
  detect(bytes) {
    jschardet ??= require('jschardet') as Detector;
    return jschardet.detect(bytes);
  },
};

/**
 * Decodes bytes to text: a BOM first, then strict UTF-8, then jschardet on a bounded sample, then
 * TextDecoder with the guessed label. A forced label wins over all guesses.
 */
export function decodeBytes(input: Uint8Array, forced?: string, detector: Detector = lazyJschardet): Decoded {
  let bytes = input;
  let gzip = false;
  if (startsWith(bytes, GZIP)) {
    try {
      bytes = gunzipSync(bytes);
      gzip = true;
    } catch (e) {
      throw new BinaryInputError(`looks like gzip but does not decompress (${(e as Error).message})`);
    }
  }
  const done = (text: string, encoding: string, confidence: number): Decoded => ({
    text,
    encoding,
    confidence,
    replacements: countReplacements(text),
    gzip,
  });
  if (forced) {
    const label = toWhatwgLabel(forced);
    if (!label) throw new UnknownEncodingError(`unknown encoding '${forced}'`);
    return done(new TextDecoder(label).decode(bytes), label, 1);
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return done(new TextDecoder('utf-8').decode(bytes), 'utf-8', 1);
  if (startsWith(bytes, [0xff, 0xfe])) return done(new TextDecoder('utf-16le').decode(bytes), 'utf-16le', 1);
  if (startsWith(bytes, [0xfe, 0xff])) return done(new TextDecoder('utf-16be').decode(bytes), 'utf-16be', 1);
  for (const sig of SIGNATURES) {
    if (startsWith(bytes, sig.bytes)) throw new BinaryInputError(`binary file: ${sig.name}, not a text dump`);
  }
  const sample = sampleOf(bytes);
  const utf16 = guessUtf16(sample);
  if (utf16) return done(new TextDecoder(utf16).decode(bytes), utf16, 0.9);
  if (hasNul(sample)) throw new BinaryInputError('binary file: NUL bytes in the first 8 KiB, not a text dump');
  try {
    return done(new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'utf-8', 1);
  } catch {
    // not UTF-8: fall through to detection
  }
  const guess = detector.detect(sample);
  const label = (guess.encoding && toWhatwgLabel(guess.encoding)) || 'windows-1252';
  const text = new TextDecoder(label).decode(bytes);
  const isCjkGuess = (CJK_CANDIDATES as readonly string[]).includes(label);
  // A weak guess between the CJK double-byte encodings is settled by which decoding reads cleanest.
  if (isCjkGuess && guess.confidence < 0.9) {
    let best = { label, bad: implausibility(new TextDecoder(label).decode(sample)) };
    for (const other of CJK_CANDIDATES) {
      if (other === label || best.bad === 0) continue;
      const bad = implausibility(new TextDecoder(other).decode(sample));
      if (bad < best.bad) best = { label: other, bad };
    }
    if (best.label !== label) return done(new TextDecoder(best.label).decode(bytes), best.label, guess.confidence);
  }
  return done(text, label, guess.confidence);
}
