import type { Finding } from '../core/findings.js';
import { excerpt, type CheckReport } from './check-report.js';

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
  const parts: string[] = [];
  for (const file of report.files) {
    if (file.error !== null) {
      parts.push(`${style.path(file.path)}\n  ${style.error('error'.padStart(6))}  ${file.error}\n`);
      continue;
    }
    if (file.findings.length === 0) continue;
    parts.push(`${style.path(file.path)}\n${file.findings.map((f) => `${row(f, style)}\n`).join('')}`);
  }
  return parts.join('\n');
}
