import type { Finding } from '../core/findings.js';
import { excerpt, type CheckReport, type CheckSummary, type FileResult } from './check-report.js';

// XML 1.0 forbids most C0 controls, lone surrogates and U+FFFE/U+FFFF even as character references;
// dumps do hold form feeds and escape codes, so those are shown as \uXXXX instead.
// With the u flag a surrogate range matches only unpaired halves.
const NOT_XML_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/gu;

/** Text safe inside an XML attribute value or element. */
export function escapeXml(s: string): string {
  return s
    .replace(NOT_XML_CHAR, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`)
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/"/gu, '&quot;')
    .replace(/'/gu, '&apos;')
    // Attribute values normalise raw newlines and tabs to spaces; references keep them.
    .replace(/\n/gu, '&#10;')
    .replace(/\r/gu, '&#13;')
    .replace(/\t/gu, '&#9;');
}

function where(f: Finding): string {
  if (!f.lines) return 'file';
  return f.lines[0] === f.lines[1] ? `line ${f.lines[0]}` : `lines ${f.lines[0]}-${f.lines[1]}`;
}

function failure(f: Finding): string {
  const rule = f.rule ? ` [${f.rule}]` : '';
  const message = `${where(f)}: ${f.message}${rule}`;
  const body = f.text === null ? '' : escapeXml(excerpt(f.text, 200));
  return `      <failure type="${escapeXml(f.id)}" message="${escapeXml(message)}">${body}</failure>\n`;
}

/**
 * JUnit XML for CI dashboards: one testsuite, one testcase per file, one <failure> per finding and an
 * <error> for a file that could not be read. `failures` counts files with findings, as `tests`
 * counts files. No timestamps, so the same input gives the same bytes.
 */
export function toCheckJunit(report: CheckReport): string {
  return assembleCheckJunit(report.files.map(checkJunitPart), report.summary);
}

/** One file's testcase. */
export function checkJunitPart(file: FileResult): string {
  const name = escapeXml(file.path);
  const open = `    <testcase classname="deboil.check" name="${name}" file="${name}"`;
  if (file.error !== null) return `${open}>\n      <error type="input-error" message="${escapeXml(file.error)}"/>\n    </testcase>\n`;
  if (file.findings.length === 0) return `${open}/>\n`;
  return `${open}>\n${file.findings.map(failure).join('')}    </testcase>\n`;
}

/** What goes around the testcases; the counts on the suites come first, so the parts wait for them. */
export function checkJunitEnvelope(summary: CheckSummary): [head: string, tail: string] {
  const counts = `tests="${summary.files}" failures="${summary.filesWithFindings}" errors="${summary.errors}" skipped="0"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n' + `<testsuites name="deboil check" ${counts}>\n` + `  <testsuite name="deboil check" ${counts}>\n`,
    '  </testsuite>\n</testsuites>\n',
  ];
}

export function assembleCheckJunit(parts: readonly string[], summary: CheckSummary): string {
  const [head, tail] = checkJunitEnvelope(summary);
  return `${head}${parts.join('')}${tail}`;
}
