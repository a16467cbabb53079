import type { Finding } from '../core/findings.js';
import { excerpt, type CheckReport, type FileResult } from './check-report.js';

/** Styling hooks, so the plain and the coloured report share one layout. */
export interface CheckTextStyle {
  path(s: string): string;
  location(s: string): string;
  id(s: string): string;
  detail(s: string): string;
  error(s: string): string;
}

const plain: CheckTextStyle = { path: (s) => s, location: (s) => s, id: (s) => s, detail: (s) => s, error: (s) => s };

const INDENT = ' '.repeat(28);

function location(f: Finding): string {
  if (!f.lines) return '-';
  return f.lines[0] === f.lines[1] ? `${f.lines[0]}` : `${f.lines[0]}-${f.lines[1]}`;
}

function row(f: Finding, style: CheckTextStyle): string {
  const rule = f.rule ? ` [${f.rule}]` : '';
  const head = `  ${style.location(location(f).padStart(6))}  ${style.id(f.id.padEnd(16))}  ${f.message}${style.detail(rule)}`;
  return f.text === null ? head : `${head}\n${INDENT}${style.detail(excerpt(f.text))}`;
}

/**
 * For people: the files with findings or errors, each finding with its line, id, what is wrong, the
 * rule, and the offending text on the line below. Clean files are left out.
 */
export function toCheckText(report: CheckReport, style: CheckTextStyle = plain): string {
  return report.files.map((f) => checkTextPart(f, style)).reduce(joinTextParts, '');
}

/** One file's part of the text report; '' for a clean file. */
export function checkTextPart(file: FileResult, style: CheckTextStyle = plain): string {
  if (file.error !== null) return `${style.path(file.path)}\n  ${style.error('error'.padStart(6))}  ${file.error}\n`;
  if (file.findings.length === 0) return '';
  return `${style.path(file.path)}\n${file.findings.map((f) => `${row(f, style)}\n`).join('')}`;
}

/** What follows the report so far for the next part: a blank line between files. */
export function textSeparator(soFar: boolean, part: string): string {
  return soFar && part !== '' ? '\n' : '';
}

function joinTextParts(out: string, part: string): string {
  return out + textSeparator(out !== '', part) + part;
}
