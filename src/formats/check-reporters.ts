import type { CheckReport, CheckSummary, FileResult } from './check-report.js';
import { checkGithubPart, toCheckGithub } from './check-github.js';
import { checkJsonEnvelope, checkJsonPart, jsonSeparator, toCheckJson } from './check-json.js';
import { checkJunitEnvelope, checkJunitPart, toCheckJunit } from './check-junit.js';
import { checkTextPart, textSeparator, toCheckText, type CheckTextStyle } from './check-text.js';

export type ReporterName = 'text' | 'json' | 'github' | 'junit';

/** `deboil check --reporter` name to reporter; only the text one takes a style (colour). */
export const reporters: Readonly<Record<ReporterName, (r: CheckReport, style?: CheckTextStyle) => string>> = {
  text: toCheckText,
  json: toCheckJson,
  github: toCheckGithub,
  junit: toCheckJunit,
};

export const reporterNames = Object.keys(reporters) as ReporterName[];

export function isReporterName(s: string): s is ReporterName {
  return Object.hasOwn(reporters, s);
}

/**
 * A reporter one file at a time, so a run keeps each file's findings only until its part is made.
 * The report is the parts, each after `separator(anything so far, part)`, inside `envelope`.
 */
export interface PartReporter {
  part(file: FileResult, style?: CheckTextStyle): string;
  separator(soFar: boolean, part: string): string;
  /** Head and tail, once the summary and the number of parts are known; null for none, when the parts can be written as they come. */
  readonly envelope: ((summary: CheckSummary, parts: number) => readonly [string, string]) | null;
}

const none = (): string => '';

export const partReporters: Readonly<Record<ReporterName, PartReporter>> = {
  text: { part: checkTextPart, separator: textSeparator, envelope: null },
  github: { part: checkGithubPart, separator: none, envelope: null },
  json: { part: checkJsonPart, separator: jsonSeparator, envelope: checkJsonEnvelope },
  junit: { part: checkJunitPart, separator: none, envelope: checkJunitEnvelope },
};
