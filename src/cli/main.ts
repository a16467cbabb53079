import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { EXIT, FileBugError, InputError, OutputError, UsageError, type ExitCode } from './errors.js';
import { type Io, StdoutClosed } from './io.js';
import { loadColor, messenger } from './report.js';
import { registerClean } from './clean.js';
import { registerExplain } from './explain.js';
import { registerCheck } from './check.js';
import { registerLearn } from './learn.js';
import { UnknownEncodingError } from '../io/decode.js';

export { nodeIo } from './io.js';
export type { Io } from './io.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
export const VERSION = pkg.version;

/** Options every command shares. */
export function commonOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--mode <mode>', 'threshold set').choices(['precision', 'balanced', 'recall']))
    .option('--config <file>', 'config file (default: deboil.config.json from the working directory upward)')
    .option('--encoding <label>', 'force the input encoding (e.g. gb18030, big5, utf-16le); default: detect')
    .option('-q, --quiet', 'no progress, summary or warnings on stderr')
    .option('--debug', 'print stack traces with errors');
}

/** Holder for the code a command action decided on; commander actions return nothing. */
export interface RunState {
  code: ExitCode;
}

function buildProgram(io: Io, state: RunState): Command {
  const program = new Command('deboil')
    .description('Clean scraped news-page text dumps: keep the article, drop read-more links, trending lists, teasers, navigation, footers and doubled captions.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .exitOverride()
    // Each subcommand parses its own copy of the shared options; without this the root command
    // would take `--config` given after `explain`, and the subcommand would never see it.
    .enablePositionalOptions()
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
      // One line in our own shape, with the hint in it: scripts grep for `deboil: error:`.
      outputError: (s, write) => write(`deboil: error: ${s.trim().replace(/^error:\s*/u, '')} (see deboil --help)\n`),
    });
  registerClean(program, io, state);
  registerExplain(program, io, state);
  registerCheck(program, io, state);
  registerLearn(program, io, state);
  program.addHelpText(
    'after',
    `
Exit codes:
  0  ok: outputs written (check: nothing found)
  1  check found boilerplate
  2  usage error, unreadable or undecodable input (input errors win over findings)
  130 interrupted (Ctrl-C)

Environment:
  NO_COLOR / FORCE_COLOR   turn colour off / on (colour goes only to a terminal by default)`,
  );
  return program;
}

/** Runs the CLI: everything testable, nothing global. Never calls process.exit. */
export async function main(argv: readonly string[], io: Io): Promise<ExitCode> {
  const state: RunState = { code: EXIT.ok };
  const debug = argv.includes('--debug');
  await loadColor(io);
  const say = messenger(io);
  try {
    await buildProgram(io, state).parseAsync([...argv], { from: 'user' });
    return state.code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.error;
    if (e instanceof StdoutClosed) return state.code;
    if (e instanceof UsageError || e instanceof UnknownEncodingError) {
      say.error(e instanceof UnknownEncodingError ? `${e.message} (see https://encoding.spec.whatwg.org/#names-and-labels for valid labels)` : e.message);
      return EXIT.error;
    }
    if (e instanceof InputError || e instanceof OutputError) {
      say.error(`${e.path}: ${e.message}`);
      if (debug && e.stack) io.stderr.write(`${e.stack}\n`);
      return EXIT.error;
    }
    if (e instanceof FileBugError) {
      say.error(`${e.path}: internal error: ${e.message}${debug ? '' : ' (run with --debug for a stack trace)'}`);
      if (debug) io.stderr.write(`${(e.cause as Error | undefined)?.stack ?? e.stack ?? ''}\n`);
      return EXIT.error;
    }
    say.error(`internal error: ${(e as Error).message ?? String(e)}${debug ? '' : ' (run with --debug for a stack trace)'}`);
    if (debug) io.stderr.write(`${(e as Error).stack ?? ''}\n`);
    return EXIT.error;
  }
}
