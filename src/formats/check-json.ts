import type { CheckReport, CheckSummary, FileResult } from './check-report.js';

export const CHECK_SCHEMA_ID = 'deboil-check/1';

/** For tools: one JSON document with the summary and every file, clean ones included. */
export function toCheckJson(report: CheckReport): string {
  return assembleCheckJson(report.files.map(checkJsonPart), report.summary);
}

function fileDoc(f: FileResult) {
  return {
    path: f.path,
    format: f.format,
    encoding: f.encoding,
    error: f.error,
    findings: f.findings.map((x) => ({
      id: x.id,
      line: x.lines?.[0] ?? null,
      endLine: x.lines?.[1] ?? null,
      rule: x.rule,
      reason: x.reason,
      message: x.message,
      text: x.text,
    })),
  };
}

/** One file's entry of `files`, as JSON.stringify(doc, null, 2) lays it out at that depth. */
export function checkJsonPart(file: FileResult): string {
  return JSON.stringify(fileDoc(file), null, 2).replace(/^/gmu, '    ');
}

/**
 * What goes around the files' parts (joined by jsonSeparator) to make the document: `{schema,
 * summary, files}` with two-space indents, byte for byte what JSON.stringify gives for the whole.
 * The summary comes first, so the parts wait for it.
 */
export function checkJsonEnvelope(summary: CheckSummary, parts: number): [head: string, tail: string] {
  const whole = JSON.stringify({ schema: CHECK_SCHEMA_ID, summary, files: [] }, null, 2);
  if (parts === 0) return [`${whole}\n`, ''];
  return [`${whole.slice(0, -'[]\n}'.length)}[\n`, '\n  ]\n}\n'];
}

export function jsonSeparator(soFar: boolean): string {
  return soFar ? ',\n' : '';
}

export function assembleCheckJson(parts: readonly string[], summary: CheckSummary): string {
  const [head, tail] = checkJsonEnvelope(summary, parts.length);
  return `${head}${parts.join(jsonSeparator(true))}${tail}`;
}
