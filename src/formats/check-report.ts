import { FINDING_IDS, type Finding, type FindingId } from '../core/findings.js';
import { displayWidth } from '../core/text.js';
import type { CheckedFormat } from './read-back.js';

/** One checked input: its findings with line numbers in the file, or the error that stopped it. */
export interface FileResult {
  /** Path as the user should see it: relative to the working directory when inside it. */
  readonly path: string;
  readonly format: CheckedFormat | null;
  readonly encoding: string | null;
  readonly findings: readonly Finding[];
  /** Set when the file could not be read, decoded or parsed; it then has no findings. */
  readonly error: string | null;
}

export interface CheckSummary {
  readonly files: number;
  readonly filesWithFindings: number;
  readonly findings: number;
  readonly errors: number;
  /** Findings per id, every id present (0 when none), in the order of FINDING_IDS. */
  readonly byId: Readonly<Record<FindingId, number>>;
}

export interface CheckReport {
  readonly files: readonly FileResult[];
  readonly summary: CheckSummary;
}

/** A summary counted one file at a time, so a run need not keep its files' findings to count them. */
export class SummaryCount {
  #files = 0;
  #filesWithFindings = 0;
  #findings = 0;
  #errors = 0;
  readonly #byId = Object.fromEntries(FINDING_IDS.map((id) => [id, 0])) as Record<FindingId, number>;

  add(f: FileResult): void {
    this.#files++;
    if (f.findings.length > 0) this.#filesWithFindings++;
    this.#findings += f.findings.length;
    if (f.error !== null) this.#errors++;
    for (const x of f.findings) this.#byId[x.id]++;
  }

  get errors(): number {
    return this.#errors;
  }

  get findings(): number {
    return this.#findings;
  }

  get summary(): CheckSummary {
    return { files: this.#files, filesWithFindings: this.#filesWithFindings, findings: this.#findings, errors: this.#errors, byId: { ...this.#byId } };
  }
}

export function summarize(files: readonly FileResult[]): CheckSummary {
  const count = new SummaryCount();
  for (const f of files) count.add(f);
  return count.summary;
}

export function toCheckReport(files: readonly FileResult[]): CheckReport {
  return { files, summary: summarize(files) };
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The one-line summary that goes to stderr whatever the reporter. */
export function summaryLine(s: CheckSummary): string {
  const errors = s.errors > 0 ? `, ${plural(s.errors, 'input error')}` : '';
  if (s.findings === 0) return `check: no findings in ${plural(s.files, 'file')}${errors}`;
  return `check: ${plural(s.findings, 'finding')} in ${s.filesWithFindings} of ${plural(s.files, 'file')}${errors}`;
}

/** Shortens text to about `columns` terminal columns (CJK characters take two), never inside a character. */
export function excerpt(text: string, columns = 80): string {
  if (displayWidth(text) <= columns) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = displayWidth(ch);
    if (used + w > columns - 1) break;
    out += ch;
    used += w;
  }
  return `${out}…`;
}
