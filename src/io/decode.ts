import { createRequire } from 'node:module';
import { CP1252_C1 } from '../core/cp1252.js';
import { plausibility } from './plausibility.js';

export interface Decoded {
  readonly text: string;
  /** WHATWG name of the encoding used ('utf-8', 'gb18030', 'big5', 'utf-16le', ...). */
  readonly encoding: string;
  /**
   * 1 for a BOM, valid UTF-8 or a forced label; below 1 for UTF-8 with a few bad bytes; otherwise
   * the detector's confidence, or the share of common characters when the CJK tie-break overruled it.
   */
  readonly confidence: number;
  /** U+FFFD characters the decoder put in for bytes it could not read. */
  readonly replacements: number;
  readonly gzip: boolean;
}

/** Input that is not text: the message says what it looks like. */
export class BinaryInputError extends Error {
  override readonly name = 'BinaryInputError';
}

/** A label TextDecoder does not know; the message lists the ones it does. */
export class UnknownEncodingError extends Error {
  override readonly name = 'UnknownEncodingError';
}

const GZIP = [0x1f, 0x8b];
const SIGNATURES: readonly { name: string; bytes: readonly number[] }[] = [
  { name: 'a PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'a ZIP archive (or an Office document)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'a gzip archive', bytes: GZIP },
  { name: 'a 7-Zip archive', bytes: [0x37, 0x7a, 0xbc, 0xaf] },
  { name: 'a RAR archive', bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
  { name: 'a zstd archive', bytes: [0x28, 0xb5, 0x2f, 0xfd] },
  { name: 'an xz archive', bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a] },
  { name: 'a bzip2 archive', bytes: [0x42, 0x5a, 0x68] },
  { name: 'an old Office document', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { name: 'an ELF executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'a WebP/RIFF file', bytes: [0x52, 0x49, 0x46, 0x46] },
  { name: 'an SQLite database', bytes: [...'SQLite format 3'].map((c) => c.charCodeAt(0)) },
];

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

/** Detector names (chardet's Python codec names) to labels TextDecoder knows. */
const LABELS: Readonly<Record<string, string>> = {
  ascii: 'utf-8',
  'utf-8-sig': 'utf-8',
  gb2312: 'gb18030',
  gbk: 'gb18030',
  cp936: 'gb18030',
  ms936: 'gb18030',
  'euc-cn': 'gb18030',
  big5hkscs: 'big5',
  cp950: 'big5',
  cp932: 'shift_jis',
  ms932: 'shift_jis',
  shift_jis_2004: 'shift_jis',
  'euc-jis-2004': 'euc-jp',
  iso2022_jp: 'iso-2022-jp',
  'iso2022-jp-2': 'iso-2022-jp',
  'iso2022-jp-2004': 'iso-2022-jp',
  'iso2022-jp-ext': 'iso-2022-jp',
  cp949: 'euc-kr',
  ms949: 'euc-kr',
  uhc: 'euc-kr',
  'utf-16': 'utf-16le',
  'utf-16-le': 'utf-16le',
  'utf-16-be': 'utf-16be',
  cp874: 'windows-874',
  'tis-620': 'windows-874',
  'mac-roman': 'macintosh',
  'mac-cyrillic': 'x-mac-cyrillic',
  cp866: 'ibm866',
};

/** The TextDecoder label for a user's or detector's name, or null when TextDecoder cannot decode it. */
export function toWhatwgLabel(name: string): string | null {
  const lower = name.trim().toLowerCase();
  const label = LABELS[lower] ?? lower.replace(/^cp(125\d)$/u, 'windows-$1');
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

/** Every encoding of the WHATWG Encoding Standard except the replacement and x-user-defined ones. */
const WHATWG_ENCODINGS = [
  'utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'gbk', 'big5', 'shift_jis', 'euc-jp', 'iso-2022-jp', 'euc-kr',
  'windows-1250', 'windows-1251', 'windows-1252', 'windows-1253', 'windows-1254', 'windows-1255',
  'windows-1256', 'windows-1257', 'windows-1258', 'windows-874', 'ibm866', 'iso-8859-2', 'iso-8859-3',
  'iso-8859-4', 'iso-8859-5', 'iso-8859-6', 'iso-8859-7', 'iso-8859-8', 'iso-8859-8-i', 'iso-8859-10',
  'iso-8859-13', 'iso-8859-14', 'iso-8859-15', 'iso-8859-16', 'koi8-r', 'koi8-u', 'macintosh', 'x-mac-cyrillic',
];

/**
 * Names that TextDecoder reads as one of the encodings above, for jschardet's sake: it scores
 * ISO-8859-1 apart from windows-1252, and without it guessed ISO-8859-15 for a page that is neither.
 */
const WHATWG_ALIASES = ['ascii', 'iso-8859-1', 'iso-8859-9', 'tis-620'];

/** The encodings this Node.js can decode, by their WHATWG names (a build without full ICU has fewer). */
export function listEncodings(): string[] {
  return WHATWG_ENCODINGS.filter((e) => toWhatwgLabel(e) !== null);
}

/** The TextDecoder label for a forced encoding; an unknown one throws with the list of known ones. */
export function resolveEncoding(name: string): string {
  const label = toWhatwgLabel(name);
  if (!label) throw new UnknownEncodingError(`unknown encoding '${name}'; known encodings: ${listEncodings().join(', ')}`);
  return label;
}

const C1 = /[\u0080-\u009f]/gu;

/** TextDecoder, except that windows-1252 (and its aliases latin1, ascii) gets its real 0x80-0x9F. */
function decodeAs(label: string, bytes: Uint8Array): string {
  const text = new TextDecoder(label).decode(bytes);
  return label === 'windows-1252' ? text.replace(C1, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]!) : text;
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/** Bytes from each end of the input that detection reads, so a 20 MB file costs what a 32 KiB one does. */
export const SAMPLE_BYTES = 16 * 1024;

/**
 * The head and the tail of the input, each cut at a line break: no legacy CJK encoding uses 0x0A
 * inside a character, so the sample decodes without the stray replacement characters that cutting
 * a double-byte character in half would give.
 */
export function sampleOf(bytes: Uint8Array): Uint8Array {
  if (bytes.length <= SAMPLE_BYTES * 2) return bytes;
  const lastBreak = bytes.lastIndexOf(0x0a, SAMPLE_BYTES - 1);
  const headEnd = lastBreak >= SAMPLE_BYTES / 2 ? lastBreak + 1 : SAMPLE_BYTES;
  const firstBreak = bytes.indexOf(0x0a, bytes.length - SAMPLE_BYTES);
  const tailStart = firstBreak >= 0 && firstBreak < bytes.length - SAMPLE_BYTES / 2 ? firstBreak + 1 : bytes.length - SAMPLE_BYTES;
  const out = new Uint8Array(headEnd + bytes.length - tailStart);
  out.set(bytes.subarray(0, headEnd), 0);
  out.set(bytes.subarray(tailStart), headEnd);
  return out;
}

// Unassigned, private-use and control characters (bar tab, line breaks and form feed), and U+FFFD:
// what bytes that are not UTF-16 turn into when read as UTF-16.
const NOT_TEXT = /[\p{Cn}\p{Co}\ufffd\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/gu;

/**
 * UTF-16 without a BOM. Western text shows a NUL byte beside every ASCII character, Cyrillic or
 * Greek text beside its spaces and digits, and CJK text may show none at all (U+4E00 一 even puts
 * one on the wrong side). So the byte order is not decided by counting NULs alone: the decoding must
 * be clean (almost no unassigned or control characters) and read like text: mostly ASCII, NULs on
 * one side only and no rare ideographs, or plausible CJK. Binary fails the first test, and 8-bit
 * text read as UTF-16 fails the second, because it turns into rare CJK ideographs.
 */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 8192);
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  let best: { label: 'utf-16le' | 'utf-16be'; score: number } | null = null;
  for (const [label, own, other] of [['utf-16le', oddNul, evenNul], ['utf-16be', evenNul, oddNul]] as const) {
    const text = new TextDecoder(label).decode(bytes.subarray(0, n));
    if ((text.match(NOT_TEXT)?.length ?? 0) > text.length * 0.02) continue;
    const p = plausibility(text);
    const isAscii = own > pairs * 0.3;
    const isOneSided = own >= 2 && own >= other * 8 && p.bad <= text.length * 0.05;
    const isCjk = p.score > 0 && p.good >= 4;
    if (!isAscii && !isOneSided && !isCjk) continue;
    const score = own - other + p.score;
    if (!best || score > best.score) best = { label, score };
  }
  return best?.label ?? null;
}

// Bit b set: control byte b is allowed in text (see controlShare).
const ALLOWED_CONTROLS = [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x1a, 0x1b].reduce((mask, b) => mask | (1 << b), 0);

/**
 * C0 control bytes that no text encoding we read uses. Tab, line breaks, form feed, ESC (ANSI
 * colours, ISO-2022) and SO/SI (ISO-2022-KR) are left out, and so is SUB (0x1A, a DOS end-of-file
 * mark). Random binary has about 8% of them; text has none.
 */
function controlShare(sample: Uint8Array): number {
  let n = 0;
  // An indexed loop with a bit mask: the iterator over 32 KiB of every input showed in the profile.
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b < 0x20 && ((ALLOWED_CONTROLS >>> b) & 1) === 0) n++;
  }
  return sample.length === 0 ? 0 : n / sample.length;
}

/** ISO-2022-JP is 7-bit, so it passes as UTF-8; its escape sequences give it away. */
function isIso2022Jp(sample: Uint8Array): boolean {
  for (let i = sample.indexOf(0x1b); i >= 0 && i + 2 < sample.length; i = sample.indexOf(0x1b, i + 1)) {
    if (sample[i + 1] === 0x24 && (sample[i + 2] === 0x42 || sample[i + 2] === 0x40)) return !sample.some((b) => b >= 0x80);
  }
  return false;
}

/** Where a UTF-8 sequence that the input ends in the middle of begins, or the length if none does. */
function incompleteTail(bytes: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const b = bytes[bytes.length - back]!;
    if (b < 0x80) return bytes.length;
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return need > back ? bytes.length - back : bytes.length;
    }
  }
  return bytes.length;
}

const FATAL_UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * UTF-8 that is not quite valid: cut off in the middle of its last character (a truncated scrape),
 * or a few bad bytes among many good multi-byte characters (a page that mixed in one Latin-1
 * string). Reading that as a legacy encoding would garble every character to save a few.
 */
function nearUtf8(bytes: Uint8Array, sample: Uint8Array): { text: string; confidence: number } | null {
  const cut = incompleteTail(bytes);
  if (cut < bytes.length) {
    try {
      const head = FATAL_UTF8.decode(bytes.subarray(0, cut));
      // Without one good multi-byte character before it, a high last byte is likelier a Latin-1
      // letter ("Straße" ending in 0xDF) than a cut-off UTF-8 one.
      if (/[^\u0000-\u007f]/u.test(head)) return { text: `${head}\ufffd`, confidence: 0.99 };
    } catch {
      // more is wrong than the tail
    }
  }
  const text = new TextDecoder('utf-8').decode(sample);
  const bad = countReplacements(text);
  let good = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) good++;
  good -= bad;
  if (good < 16 || bad * 50 > good) return null;
  return { text: new TextDecoder('utf-8').decode(bytes), confidence: Math.round((good / (good + bad)) * 1000) / 1000 };
}

const CJK_CANDIDATES = ['gb18030', 'big5', 'shift_jis', 'euc-jp', 'euc-kr'] as const;
// jschardet 4 scores right answers low (0.08 for its own Big5 sample), so only a near-certain
// guess skips the tie-break.
const STRONG = 0.95;

function isCjk(label: string): boolean {
  return (CJK_CANDIDATES as readonly string[]).includes(label);
}

/**
 * Settles a weak guess by which decoding of the sample reads most like real text. Between CJK
 * encodings the most plausible one wins; a single-byte guess loses only to a CJK decoding that is
 * clearly plausible, so European text stays European.
 */
function tieBreak(sample: Uint8Array, guess: string): { label: string; share: number } | null {
  const own = plausibility(decodeAs(guess, sample));
  let best = { label: guess, ...own };
  for (const label of CJK_CANDIDATES) {
    if (label === guess) continue;
    const p = plausibility(decodeAs(label, sample));
    const margin = isCjk(guess) ? 0 : 3;
    if (p.score > best.score + margin && p.good > p.bad) best = { label, ...p };
  }
  if (best.label === guess) return null;
  return { label: best.label, share: Math.round((best.good / (best.good + best.bad)) * 1000) / 1000 };
}

export interface Detector {
  detect(bytes: Uint8Array): { encoding: string | null; confidence: number };
}

interface Jschardet {
  detect(bytes: Uint8Array, options: { detectEncodings: readonly string[] }): { encoding: string | null; confidence: number };
}

const require = createRequire(import.meta.url);
let jschardet: { lib: Jschardet; allow: readonly string[] } | undefined;
/**
 * jschardet costs ~100 ms to load its model, so only inputs that are not UTF-8 pay for it. It is
 * asked to choose among the encodings TextDecoder can read: a guess of cp437 or Johab could not be
 * decoded anyway, and scoring its 86 encodings rather than these 42 took 3.7 times as long (7.1 ms
 * against 1.9 ms a corpus page, with the same answers on all 29 legacy-encoded pages).
 */
export const lazyJschardet: Detector = {
  detect(bytes) {
    // The list holds windows-1252, jschardet's answer when nothing fits, so it never warns of it.
    jschardet ??= { lib: require('jschardet') as Jschardet, allow: [...listEncodings(), ...WHATWG_ALIASES] };
    const { lib, allow } = jschardet;
    return inflatingWhole(() => lib.detect(bytes, { detectEncodings: allow }));
  },
};

/** jschardet's models inflate ~33 times (715 KB -> 23 MB): room for that in one output chunk. */
const inflateChunk = (compressed: number): number => Math.min(32 << 20, Math.max(64 << 10, compressed * 64));

/**
 * Runs `fn` with node:zlib's inflateSync asking for one output chunk (see inflateChunk). jschardet
 * inflates its models on its first detect with inflateSync's default 16 KB chunks, and the ~1,400
 * chunks left ~28 MB of malloc arena in the thread that loaded them, freed but never given back;
 * one chunk is mapped and unmapped whole. Peak RSS at 10,000 bench files, -j 2: 207-210 -> 186-189
 * MB. jschardet looks inflateSync up on the module's exports when it calls it, so the export is
 * swapped for the call and put back at once (synchronous: nothing else runs in between).
 */
export function inflatingWhole<T>(fn: () => T): T {
  const exports = zlibModule() as { inflateSync: (buf: Uint8Array, opts?: object) => Buffer };
  const inflateSync = exports.inflateSync;
  exports.inflateSync = (buf, opts) => inflateSync(buf, { chunkSize: inflateChunk(buf.byteLength), ...opts });
  try {
    return fn();
  } finally {
    exports.inflateSync = inflateSync;
  }
}

// node:zlib, like jschardet, is loaded only by the input that needs it.
let zlib: typeof import('node:zlib') | undefined;

function zlibModule(): typeof import('node:zlib') {
  return (zlib ??= require('node:zlib') as typeof import('node:zlib'));
}

function gunzip(bytes: Uint8Array): Uint8Array {
  try {
    return zlibModule().gunzipSync(bytes);
  } catch (e) {
    throw new BinaryInputError(`gzip file that does not decompress (${(e as Error).message}); is it truncated?`);
  }
}

/**
 * Decodes bytes to text. gzip is unpacked first. A forced label wins; otherwise a BOM, then
 * refusing binary (signatures, NUL or control bytes), UTF-16 without a BOM, ISO-2022-JP, strict
 * UTF-8, nearly-UTF-8, and last jschardet on a bounded sample with a plausibility tie-break
 * between the CJK encodings. Throws only BinaryInputError and UnknownEncodingError.
 */
export function decodeBytes(input: Uint8Array, forced?: string, detector: Detector = lazyJschardet): Decoded {
  const label = forced ? resolveEncoding(forced) : undefined;
  const gzip = startsWith(input, GZIP);
  const bytes = gzip ? gunzip(input) : input;
  const done = (text: string, encoding: string, confidence: number): Decoded => ({
    text,
    encoding,
    confidence,
    replacements: countReplacements(text),
    gzip,
  });
  if (label) return done(decodeAs(label, bytes), label, 1);
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return done(new TextDecoder('utf-8').decode(bytes), 'utf-8', 1);
  if (startsWith(bytes, [0xff, 0xfe])) return done(new TextDecoder('utf-16le').decode(bytes), 'utf-16le', 1);
  if (startsWith(bytes, [0xfe, 0xff])) return done(new TextDecoder('utf-16be').decode(bytes), 'utf-16be', 1);
  const inside = gzip ? ' (inside gzip)' : '';
  for (const sig of SIGNATURES) {
    if (startsWith(bytes, sig.bytes)) throw new BinaryInputError(`binary file${inside}: ${sig.name}, not a text dump`);
  }
  const sample = sampleOf(bytes);
  const nul = sample.indexOf(0);
  const controls = controlShare(sample);
  if (nul >= 0 || controls > 0.02) {
    const utf16 = guessUtf16(bytes);
    if (utf16) return done(new TextDecoder(utf16).decode(bytes), utf16, 0.9);
    const where = sample === bytes ? `at byte ${nul}` : 'in the first or last 16 KiB';
    throw new BinaryInputError(`binary file${inside}: ${nul >= 0 ? `NUL byte ${where}` : 'full of control bytes'}, not a text dump`);
  }
  if (isIso2022Jp(sample)) return done(new TextDecoder('iso-2022-jp').decode(bytes), 'iso-2022-jp', 1);
  try {
    return done(FATAL_UTF8.decode(bytes), 'utf-8', 1);
  } catch {
    // not UTF-8: UTF-16 without NULs, a rescue, and then detection
  }
  const utf16 = guessUtf16(bytes);
  if (utf16) return done(new TextDecoder(utf16).decode(bytes), utf16, 0.9);
  const near = nearUtf8(bytes, sample);
  if (near) return done(near.text, 'utf-8', near.confidence);
  const guess = detector.detect(sample);
  const guessed = guess.encoding ? toWhatwgLabel(guess.encoding) : null;
  const chosen = guessed ?? 'windows-1252';
  const confidence = guessed ? guess.confidence : 0;
  const better = confidence < STRONG ? tieBreak(sample, chosen) : null;
  if (better) return done(decodeAs(better.label, bytes), better.label, better.share);
  return done(decodeAs(chosen, bytes), chosen, confidence);
}
