import { excerpt, type CheckReport, type FileResult } from './check-report.js';

// Workflow command escaping as GitHub's runner does it (toolkit core `command.ts`): the message
// escapes %, CR and LF; property values also escape ':' and ','.
export function escapeGithubData(s: string): string {
  return s.replace(/%/gu, '%25').replace(/\r/gu, '%0D').replace(/\n/gu, '%0A');
}

export function escapeGithubProperty(s: string): string {
  return escapeGithubData(s).replace(/:/gu, '%3A').replace(/,/gu, '%2C');
}

function command(props: Readonly<Record<string, string | number | undefined>>, message: string): string {
  const list = Object.entries(props)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => `${k}=${escapeGithubProperty(String(v))}`)
    .join(',');
  return `::error ${list}::${escapeGithubData(message)}\n`;
}

/**
 * GitHub Actions workflow commands: one `::error` per finding, so each shows as an annotation on the
 * pull request at its file and line; file-level findings and input errors carry no line.
 */
export function toCheckGithub(report: CheckReport): string {
  return report.files.map(checkGithubPart).join('');
}

/** One file's workflow commands. */
export function checkGithubPart(file: FileResult): string {
  let out = '';
  if (file.error !== null) out += command({ file: file.path, title: 'deboil check: input error' }, file.error);
  for (const f of file.findings) {
    const text = f.text === null ? '' : `\n${excerpt(f.text, 200)}`;
    const rule = f.rule ? ` [${f.rule}]` : '';
    out += command(
      { file: file.path, line: f.lines?.[0], endLine: f.lines?.[1], title: `deboil check: ${f.id}` },
      `${f.message}${rule}${text}`,
    );
  }
  return out;
}
