import type { CheckReport } from './check-report.js';
import { toCheckGithub } from './check-github.js';
import { toCheckJson } from './check-json.js';
import { toCheckJunit } from './check-junit.js';
import { toCheckText, type CheckTextStyle } from './check-text.js';

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
