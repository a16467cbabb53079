import type { Article, Labeled, Reason } from './types.js';
import { keptText } from './pipeline.js';
import { detectMojibake } from './mojibake.js';

/** Stable ids of what `deboil check` reports; they appear in reports, `--ignore` and the config. */
export const FINDING_IDS = [
  'boilerplate-line',
  'duplicate',
  'too-short',
  'removed-share',
  'not-utf8',
  'replacement-char',
  'mojibake',
] as const;
export type FindingId = (typeof FINDING_IDS)[number];

export function isFindingId(s: string): s is FindingId {
  return (FINDING_IDS as readonly string[]).includes(s);
}

export interface Finding {
  readonly id: FindingId;
  /** 1-based first and last line in the checked text; null for a finding about the whole file. */
  readonly lines: readonly [first: number, last: number] | null;
  /** Rule that decided, for lines deboil would remove ('zh/read-more', 'dedupe/repeated-block'). */
  readonly rule: string | null;
  readonly reason: Reason | null;
  /** One sentence for people: what is wrong. */
  readonly message: string;
  /** The offending text as it stands (display form), or null for file-level findings. */
  readonly text: string | null;
}

export interface CheckSettings {
  /** An article with fewer characters (white space not counted) is too short; 1 flags empty ones only. */
  readonly minChars: number;
  /** Largest share (0-1) of the text that may be removable; 1 turns the check off. */
  readonly maxRemoved: number;
  /** Flag files that were not UTF-8 (or ASCII) on disk. */
  readonly requireUtf8: boolean;
  readonly ignore: readonly FindingId[];
}

export const DEFAULT_CHECK_SETTINGS: CheckSettings = Object.freeze({
  minChars: 1,
  maxRemoved: 1,
  requireUtf8: false,
  ignore: Object.freeze([]) as readonly FindingId[],
});

/** What the I/O edge knows about the bytes: the article alone cannot tell how it was decoded. */
export interface SourceFacts {
  readonly encoding: string;
}

function chars(s: string): number {
  let n = 0;
  for (const ch of s) if (!/\s/u.test(ch)) n++;
  return n;
}

function countOf(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

// UTF-8 read as Latin-1 leaves C1 controls ("â\u0080\u0099" for "’") that print as nothing.
function visible(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

function lineRange(lines: readonly [number, number]): string {
  return lines[0] === lines[1] ? `line ${lines[0]}` : `lines ${lines[0]}-${lines[1]}`;
}

function removalFinding(b: Labeled, firstSeen: ReadonlyMap<string, Labeled>): Finding {
  const { reason = null, rule } = b.verdict;
  if (reason === 'duplicate') {
    const original = firstSeen.get(b.norm);
    const where = original && original.id !== b.id ? `repeats ${lineRange(original.lines)}` : 'repeats an earlier block';
    return { id: 'duplicate', lines: b.lines, rule, reason, message: `duplicated text, ${where}`, text: b.text };
  }
  return { id: 'boilerplate-line', lines: b.lines, rule, reason, message: `deboil would remove this line (${reason ?? b.verdict.label})`, text: b.text };
}

/**
 * What `deboil check` reports about one article: every block deboil would remove, with its reason and
 * rule, then damage (replacement characters, mojibake) line by line, then file-level findings. Titles,
 * datelines and captions are not findings: deboil keeps them as metadata.
 */
export function findings(article: Article, settings: CheckSettings = DEFAULT_CHECK_SETTINGS, source?: SourceFacts): Finding[] {
  const out: Finding[] = [];
  const firstSeen = new Map<string, Labeled>();
  let total = 0;
  let removed = 0;
  for (const b of article.blocks) {
    if (!firstSeen.has(b.norm)) firstSeen.set(b.norm, b);
    const size = chars(b.text);
    total += size;
    if (b.verdict.label === 'boilerplate') {
      removed += size;
      out.push(removalFinding(b, firstSeen));
    }
    const bad = countOf(b.text, '\ufffd');
    if (bad > 0) {
      out.push({ id: 'replacement-char', lines: b.lines, rule: null, reason: null, message: `${bad} replacement character(s) (U+FFFD): bytes the decoder could not read`, text: b.text });
    }
    const moji = detectMojibake(b.text);
    if (moji.count > 0) {
      const samples = moji.samples.map((s) => `"${visible(s)}"`).join(', ');
      out.push({ id: 'mojibake', lines: b.lines, rule: null, reason: null, message: `${moji.count} mojibake sequence(s) such as ${samples}: text decoded with the wrong encoding`, text: b.text });
    }
  }
  const body = chars(keptText(article.blocks));
  if (body < settings.minChars) {
    const message = body === 0 ? 'empty article: deboil keeps no text from this file' : `article too short: ${body} characters, fewer than --min-chars ${settings.minChars}`;
    out.push({ id: 'too-short', lines: null, rule: null, reason: null, message, text: null });
  }
  if (total > 0 && removed / total > settings.maxRemoved) {
    out.push({
      id: 'removed-share',
      lines: null,
      rule: null,
      reason: null,
      message: `${percent(removed / total)} of the text would be removed, more than --max-removed ${percent(settings.maxRemoved)}`,
      text: null,
    });
  }
  if (settings.requireUtf8 && source && source.encoding !== 'utf-8') {
    out.push({ id: 'not-utf8', lines: null, rule: null, reason: null, message: `file is ${source.encoding}, not UTF-8`, text: null });
  }
  const ignored = new Set(settings.ignore);
  return out.filter((f) => !ignored.has(f.id));
}
