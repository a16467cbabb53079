// End-to-end: the built bin (npm run build) on real temp folders. Few tests, each on what a user
// types: help, version, the three formats, a closed pipe, bad flags and files, colour, the library.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'deboil');
const SEED = join(ROOT, 'fixtures', 'seed-dump.txt');
const GOLD = readFileSync(join(ROOT, 'fixtures', 'seed-sample', 'gold.txt'), 'utf8');
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

let tmp = '';

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout with ANSI codes, as written. */
  readonly raw: string;
}

/** Environment without the colour switches of the machine running the tests. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of ['NO_COLOR', 'FORCE_COLOR', 'CI', 'TERM']) delete env[k];
  return { ...env, ...extra };
}

function scrub(s: string): string {
  return stripVTControlCharacters(s).split(tmp).join('<tmp>');
}

function finish(r: ReturnType<typeof spawnSync>): Run {
  const stdout = String(r.stdout ?? '');
  return { code: r.status, stdout: scrub(stdout), stderr: scrub(String(r.stderr ?? '')), raw: stdout };
}

/** Runs `deboil <args>` in the temp folder. */
function deboil(args: readonly string[], opts: { input?: string | Buffer; env?: Record<string, string> } = {}): Run {
  const spawnOpts: SpawnSyncOptions = { cwd: tmp, env: cleanEnv(opts.env), input: opts.input ?? '', encoding: 'utf8', timeout: 30_000 };
  return finish(spawnSync(process.execPath, [BIN, ...args], spawnOpts));
}

/** Runs a bash command line in the temp folder, with `deboil` standing for the built bin. */
function shell(line: string, env: Record<string, string> = {}): Run {
  const script = `deboil() { "${process.execPath}" "${BIN}" "$@"; }\n${line}`;
  return finish(spawnSync('bash', ['-c', script], { cwd: tmp, env: cleanEnv(env), encoding: 'utf8', timeout: 30_000 }));
}

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  tmp = realpathSync(mkdtempSync(join(tmpdir(), 'deboil-e2e-')));
  copyFileSync(SEED, join(tmp, 'page.txt'));
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('deboil --help and --version', () => {
  it('shows usage, examples and the exit codes, on stdout, with exit 0', () => {
    const r = deboil(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: deboil /mu);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('cat page.txt | deboil -f md');
    expect(r.stdout).toMatch(/Exit codes:\n\s+0 .*\n\s+1 .*\n\s+2 .*\n\s+130 /u);
    expect(r.stderr).toBe('');
  });

  it('prints the package version and exits 0', () => {
    const r = deboil(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: `${PKG.version}\n`, stderr: '' });
  });
});

describe('deboil on the sample', () => {
  it('reads stdin and writes the JSON record to stdout', () => {
    const r = deboil([], { input: readFileSync(SEED) });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const record = JSON.parse(r.stdout) as { schema: string; text: string; source: { path: string }; dateline: { place: string; day: number } };
    expect(record.schema).toBe('deboil/1');
    expect(record.source.path).toBe('-');
    expect(record.text).toBe(GOLD.trim());
    expect(record.dateline).toMatchObject({ place: '平壤', day: 19 });
  });

  it('prints the same record as the golden file, path aside', () => {
    const r = deboil(['page.txt']);
    const golden = JSON.parse(readFileSync(join(ROOT, 'fixtures', 'seed-sample', 'expected.json'), 'utf8')) as Record<string, unknown>;
    expect(JSON.parse(r.stdout)).toEqual({ ...golden, source: { ...(golden['source'] as object), path: 'page.txt' } });
  });

  it('writes Markdown with -f md: front matter, subheading, each caption once in italics', () => {
    const r = deboil(['page.txt', '-f', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('---\nschema: "deboil/1"\n')).toBe(true);
    expect(r.stdout).toContain('\nplace: "平壤"\nday: 19\n');
    expect(r.stdout).toContain('\n\n## 两国关系达新战略水准\n\n');
    expect(r.stdout.match(/^\*.*\(图取自.*\)\*$/gmu)).toHaveLength(3);
  });

  it('writes exactly the text and a newline with -f text', () => {
    const r = deboil(['page.txt', '-f', 'text']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(`${GOLD.trim()}\n`);
  });
});

describe('a closed pipe is a normal end', () => {
  it('`deboil page.txt -f text | head -1`: exit 0, nothing on stderr', () => {
    const r = shell('deboil page.txt -f text | head -1; echo "exit=${PIPESTATUS[0]}" >&2');
    expect(r.stdout).toBe(`${GOLD.split('\n')[0]}\n`);
    expect(r.stderr).toBe('exit=0\n');
  });

  it('also when the reader leaves long before the end (JSON Lines far past the pipe buffer)', () => {
    // Forty distinct files (a batch reads a repeated path once): about 0.5 MB of JSON Lines, so the
    // writes after `head` leaves really meet a closed pipe, which the small -f text output does not.
    mkdirSync(join(tmp, 'many'));
    for (let i = 1; i <= 40; i++) copyFileSync(SEED, join(tmp, 'many', `p${i}.txt`));
    const r = shell('deboil many/*.txt | head -c 100 > /dev/null; echo "exit=${PIPESTATUS[0]}" >&2');
    expect(r.stderr).toBe('exit=0\n');
  });
});

describe('errors', () => {
  it('an unknown format is a usage error: exit 2, nothing on stdout', () => {
    const r = deboil(['page.txt', '-f', 'html']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("'html'");
  });

  it('says a usage error in one `deboil: error:` line', () => {
    expect(deboil(['page.txt', '-f', 'html']).stderr).toMatch(/^deboil: error: [^\n]*'html'[^\n]*\n$/u);
  });

  it('a missing file: exit 2 and one line naming it', () => {
    const r = deboil(['missing.txt']);
    expect(r).toMatchObject({ code: 2, stdout: '', stderr: 'deboil: error: missing.txt: no such file\n' });
  });

  it('names the file by the path given, even an absolute one under the temp folder', () => {
    const r = deboil([join(tmp, 'nope', 'x.txt')]);
    expect(r).toMatchObject({ code: 2, stderr: 'deboil: error: <tmp>/nope/x.txt: no such file\n' });
  });
});

describe('colour: `deboil explain`', () => {
  const ANSI = /\u001b\[\d+(?:;\d+)*m/u;

  it('is plain when stdout is a pipe', () => {
    const r = deboil(['explain', 'page.txt']);
    expect(r.code).toBe(0);
    expect(r.raw).not.toMatch(ANSI);
    expect(r.stdout).toMatch(/^\s+3\s+\+ body\s+line\/prose/mu);
  });

  it('is coloured with FORCE_COLOR=1, and the same text once the codes are stripped', () => {
    const plain = deboil(['explain', 'page.txt']);
    const forced = deboil(['explain', 'page.txt'], { env: { FORCE_COLOR: '1' } });
    expect(forced.raw).toMatch(ANSI);
    expect(forced.stdout).toBe(plain.stdout);
  });

  it('is plain with FORCE_COLOR=0, and with NO_COLOR on a terminal', () => {
    expect(deboil(['explain', 'page.txt'], { env: { FORCE_COLOR: '0' } }).raw).not.toMatch(ANSI);
    const tty = shell(`script -qec 'NO_COLOR=1 "${process.execPath}" "${BIN}" explain page.txt' /dev/null`);
    expect(tty.stdout).toContain('line/prose');
    expect(tty.raw).not.toMatch(ANSI);
  });

  it('is coloured on a terminal', () => {
    const tty = shell(`script -qec '"${process.execPath}" "${BIN}" explain page.txt' /dev/null`, { TERM: 'xterm-256color' });
    expect(tty.raw).toMatch(ANSI);
  });
});

describe("the library: import { clean } from 'deboil'", () => {
  it('returns the same object the CLI prints as JSON', () => {
    const script = [
      "import { clean } from 'deboil';",
      "import { readFileSync } from 'node:fs';",
      "process.stdout.write(JSON.stringify(clean(readFileSync('page.txt'), { path: 'page.txt' })));",
    ].join('\n');
    // Run from the package root so the name resolves by self-reference through package.json exports.
    const lib = spawnSync(process.execPath, ['--input-type=module', '-e', script.replace("'page.txt'", JSON.stringify(join(tmp, 'page.txt')))], {
      cwd: ROOT,
      encoding: 'utf8',
      env: cleanEnv(),
    });
    expect(lib.stderr).toBe('');
    const fromLib = JSON.parse(lib.stdout) as Record<string, unknown>;
    expect(fromLib).toEqual(JSON.parse(deboil(['page.txt']).stdout));
  });
});
