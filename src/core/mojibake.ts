import { CP1252_C1 } from './cp1252.js';

export interface MojibakeReport {
  /** Garbled sequences found; 0 unless the evidence is strong enough to warn about. */
  readonly count: number;
  /** Up to three distinct examples, as they appear in the text (C1 controls escaped). */
  readonly samples: readonly string[];
}

const MAX_SAMPLES = 3;

/** The byte a character stands for when bytes were read as windows-1252 or Latin-1, or -1. */
function byteOf(ch: string): number {
  const cp = ch.charCodeAt(0);
  if (cp >= 0x80 && cp <= 0xff) return cp;
  const i = CP1252_C1.indexOf(ch);
  return i >= 0 ? 0x80 + i : -1;
}

const esc = (s: string): string => [...s].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
// Characters that stand for a UTF-8 continuation byte (0x80-0xBF) once read as windows-1252 or Latin-1.
const CONT = `[\\u0080-\\u00bf${esc(CP1252_C1)}]`;
// The last byte may have become U+FFFD: decoders that leave 0x81, 0x8D, 0x8F, 0x90 and 0x9D
// undefined in windows-1252 turn "”" (E2 80 9D) into the well-known "â€�".
const LAST = `[\\u0080-\\u00bf${esc(CP1252_C1)}\\ufffd]`;
const UTF8_AS_LATIN1 = new RegExp(`[\\u00c2-\\u00df]${LAST}|[\\u00e0-\\u00ef]${CONT}${LAST}|[\\u00f0-\\u00f4]${CONT}{2}${LAST}`, 'gu');
// Double-byte characters read as Latin-1: pairs of a high byte and a high or ASCII 0x40-0x7E byte
// (Big5, Shift_JIS and GBK trail bytes go that low). Windows-1251 or -1253 text read as Latin-1 is
// all high bytes and matches too. European words never hold three such pairs in a row. No-break
// spaces are left out: layout dumps indent with runs of them ("\u00a0\u00a0\u00a0|\u00a0\u00a0\u00a0P").
const HIGH = `\\u0080-\\u009f\\u00a1-\\u00ff${esc(CP1252_C1)}`;
const HIGH_RUN = new RegExp(`(?:[${HIGH}][${HIGH}\\u0040-\\u007e]){3,}`, 'gu');
const ASCII = /[\u0040-\u007e]/u;
const LATIN1 = /[\u00a1-\u00ff]/gu;
// Every finding holds a Latin-1 character (a UTF-8 lead byte, a run of high bytes) or 锟, so text
// without one (most Chinese and English dumps) gets one quick pass instead of three. The class
// leaves out the windows-1252 punctuation: with it V8 scans ten times slower.
const SUSPECT = /[\u0080-\u00ff锟]/u;
// U+FFFD twice in UTF-8 (EF BF BD EF BF BD) read as GBK: the best-known Chinese mojibake.
const KUNJINKAO = /锟斤拷/gu;
// Closing punctuation that can follow an accented capital in real text ("CAFÉ»", "AQUÍ”").
const CLOSERS = new Set(['\u201d', '\u2019', '\u00bb', '\u2026', '\u2013', '\u2014', '\u201c', '\u2018', '\u00ab']);
const LETTER = /\p{L}/u;

/** Whether a match stands for one well-formed UTF-8 character (no overlong form, no surrogate). */
function isUtf8(seq: string): boolean {
  const a = byteOf(seq[0]!);
  const b = byteOf(seq[1]!);
  if (a === 0xe0) return b >= 0xa0;
  if (a === 0xed) return b <= 0x9f;
  if (a === 0xf0) return b >= 0x90;
  if (a === 0xf4) return b <= 0x8f;
  return true;
}

function isAllUtf8(run: string): boolean {
  let at = 0;
  for (const m of run.matchAll(UTF8_AS_LATIN1)) {
    if (m.index !== at || !isUtf8(m[0])) return false;
    at += m[0].length;
  }
  return at === run.length;
}

/** C1 controls (Latin-1 readings of 0x80-0x9F) are invisible; samples show them escaped. */
function printable(s: string): string {
  return s.replace(/[\u0080-\u009f]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Finds mojibake baked into text: UTF-8 bytes once read as windows-1252 or Latin-1 ("Ã©" for
 * "é", "â€™" for "’"), CJK bytes once read as Latin-1 ("ÄãºÃ" for "你好" in GBK) and the GBK
 * reading of two U+FFFD ("锟斤拷"). Evidence is weighed so that real French, German, Portuguese or
 * Spanish text does not trip it: one three-byte sequence, one "Ã"/"Â" sequence or one run of three
 * double-byte characters is enough; other two-byte sequences need company.
 */
export function detectMojibake(text: string): MojibakeReport {
  if (!SUSPECT.test(text) || !mayHoldMojibake(text)) return { count: 0, samples: [] };
  return scanMojibake(text);
}

// Per BMP code unit, what the patterns above make of it: H in HIGH, A in 0x40-0x7E, LATIN1_BIT in
// LATIN1, LEAD a UTF-8 lead byte read as Latin-1 (U+00C2-U+00F4), TAIL in LAST, KUN 锟.
const H = 1;
const A = 2;
const LATIN1_BIT = 4;
const LEAD = 8;
const TAIL = 16;
const KUN = 32;
const UNIT_CLASS = ((): Uint8Array => {
  const t = new Uint8Array(0x10000);
  for (let c = 0x40; c <= 0x7e; c++) t[c]! |= A;
  for (let c = 0x80; c <= 0xff; c++) if (c !== 0xa0) t[c]! |= H;
  for (let c = 0xa1; c <= 0xff; c++) t[c]! |= LATIN1_BIT;
  for (let c = 0xc2; c <= 0xf4; c++) t[c]! |= LEAD;
  for (let c = 0x80; c <= 0xbf; c++) t[c]! |= TAIL;
  for (const ch of CP1252_C1) t[ch.charCodeAt(0)]! |= H | TAIL;
  t[0xfffd]! |= TAIL;
  t[0x951f]! |= KUN;
  return t;
})();

/**
 * False only when detectMojibake would find nothing, read off the code units in one pass: every
 * finding is 锟斤拷, a lead byte right before a continuation (or U+FFFD), or a HIGH_RUN, which takes
 * three pairs in a row, each a HIGH unit and then a HIGH or 0x40-0x7E one, and two LATIN1 units.
 * A page with a "©", a no-break space and a few "é" followed by letters (most European and many
 * Chinese pages) then skips the three passes of regexes over its whole text.
 */
export function mayHoldMojibake(text: string): boolean {
  const n = text.length;
  let latin1 = 0;
  let chain = false;
  // Bit k: a HIGH_RUN pair starts k units back.
  let pairs = 0;
  for (let i = 0; i < n; i++) {
    const cls = UNIT_CLASS[text.charCodeAt(i)]!;
    // LATIN1 and LEAD units are HIGH too: anything else starts no pair and no finding.
    if ((cls & (H | KUN)) === 0) {
      pairs = (pairs << 1) & 0x1f;
      continue;
    }
    if ((cls & KUN) !== 0) return true;
    const next = i + 1 < n ? UNIT_CLASS[text.charCodeAt(i + 1)]! : 0;
    if ((cls & LEAD) !== 0 && (next & TAIL) !== 0) return true;
    if ((cls & LATIN1_BIT) !== 0) latin1++;
    pairs = ((pairs << 1) | ((next & (H | A)) !== 0 ? 1 : 0)) & 0x1f;
    if ((pairs & 0x15) === 0x15) chain = true;
    if (chain && latin1 >= 2) return true;
  }
  return false;
}

/** detectMojibake without the quick checks: every pass over the text (the definition tests hold the checks to). */
export function scanMojibake(text: string): MojibakeReport {
  let weight = 0;
  let count = 0;
  const samples = new Set<string>();
  const note = (s: string, w: number): void => {
    weight += w;
    count++;
    if (samples.size < MAX_SAMPLES) samples.add(printable(s.length > 12 ? `${s.slice(0, 12)}…` : s));
  };
  // Runs first, so GBK read as Latin-1 is reported as runs and not as the odd byte pairs in it that
  // happen to look like UTF-8; a run that is UTF-8 through and through is left to the next pass.
  const rest = text.replace(HIGH_RUN, (m: string) => {
    // Separator lines ("——————", "·-·-·-") are runs too, but of one or two symbols; "éxéxé"-like
    // stretches of real text need a fourth pair before they count.
    if (new Set(m).size < 3 || (ASCII.test(m) && m.length < 8)) return m;
    // Chinese and English typography ("“……——”") is windows-1252 punctuation only; double-byte
    // text read as Latin-1 always shows Latin-1 letters and signs too.
    if ((m.match(LATIN1)?.length ?? 0) < 2) return m;
    if (isAllUtf8(m)) return m;
    note(m, 2);
    return ' ';
  });
  for (const m of rest.matchAll(UTF8_AS_LATIN1)) {
    const seq = m[0];
    if (!isUtf8(seq)) continue;
    // Ã and Â lead the mojibake of every Latin-1 letter and sign ("Ã©", "Â°") and almost never
    // stand before a continuation character in real text, so one is enough. Other two-byte leads
    // (Å, Ð, É...) need company, and an accented capital before closing punctuation at a word's end
    // ("LIBERTÉ»", "AQUÍ”") does not count at all.
    if (seq.length === 2 && seq[0] !== '\u00c2' && seq[0] !== '\u00c3') {
      const after = rest[m.index + 2] ?? '';
      if (CLOSERS.has(seq[1]!) && !LETTER.test(after)) continue;
      note(seq, 1);
    } else note(seq, 2);
  }
  for (const m of text.match(KUNJINKAO) ?? []) note(m, 2);
  return weight >= 2 ? { count, samples: [...samples] } : { count: 0, samples: [] };
}

/** The one-line warning for a text with mojibake, or null when it has none. */
export function mojibakeWarning(text: string): string | null {
  const { count, samples } = detectMojibake(text);
  if (count === 0) return null;
  const examples = samples.slice(0, 3).map((s) => `"${s}"`).join(', ');
  return `text holds ${count} mojibake sequence(s) such as ${examples}: it was mis-decoded before it was saved, and deboil keeps it as it is`;
}
