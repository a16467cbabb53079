import { Option, type Command } from 'commander';
import type { Io } from './io.js';
import { commonOptions, type RunState } from './main.js';
import type { CleanFlags } from './clean.js';
import { templateOptions } from './templates.js';

export function registerExplain(program: Command, io: Io, _state: RunState): void {
  templateOptions(commonOptions(program.command('explain')))
    .description('show the dump line by line: label, rule id and the features that decided')
    .argument('[file]', 'a dump; "-" or nothing reads stdin')
    .addOption(new Option('-f, --format <format>', 'text for people, json for tools').choices(['text', 'json']).default('text'))
    .addHelpText('after', '\nExamples:\n  deboil explain page.txt | less -R\n  deboil explain page.txt -f json | jq \'.blocks[] | select(.kept)\'')
    .action(async (file: string | undefined, flags: CleanFlags) => {
      // Loaded only when this command runs, so other runs do not pay for its modules.
      const { runExplain } = await import('./explain-run.js');
      await runExplain(file, flags, io);
    });
}
