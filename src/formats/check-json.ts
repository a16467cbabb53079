import type { CheckReport } from './check-report.js';

export const CHECK_SCHEMA_ID = 'deboil-check/1';

/** For tools: one JSON document with the summary and every file, clean ones included. */
export function toCheckJson(report: CheckReport): string {
  const doc = {
    schema: CHECK_SCHEMA_ID,
    summary: report.summary,
    files: report.files.map((f) => ({
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
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
