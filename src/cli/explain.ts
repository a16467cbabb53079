import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { extract } from '../core/pipeline.js';
import { toExplainJson, toExplainText } from '../formats/explain.js';
import { readDump, type Loaded } from '../io/read.js';
import { createWriter, type Io } from './io.js';
import { messenger, painter } from './report.js';
import { resolveOptions } from './options.js';
import { commonOptions, type RunState } from './main.js';
import { guarded, loadStdin, type CleanFlags } from './clean.js';
import { loadTemplates, templateNote, templateOptions } from './templates.js';

export function registerExplain(program: Command, io: Io, _state: RunState): void {
  templateOptions(commonOptions(program.command('explain')))
    .description('show the dump line by line: label, rule id and the features that decided')
    .argument('[file]', 'a dump; "-" or nothing reads stdin')
    .addOption(new Option('-f, --format <format>', 'text for people, json for tools').choices(['text', 'json']).default('text'))
    .addHelpText('after', '\nExamples:\n  deboil explain page.txt | less -R\n  deboil explain page.txt -f json | jq \'.blocks[] | select(.kept)\'')
    .action(async (file: string | undefined, flags: CleanFlags) => {
      const opts = await resolveOptions(flags, io.cwd);
      const loaded: Loaded =
        !file || file === '-' ? await loadStdin(io, flags) : await readDump(file, { encoding: flags.encoding });
      const templates = await loadTemplates(flags, io.cwd, (m) => messenger(io, flags.quiet).warn(m));
      const template = templates.forDocument({ path: file && file !== '-' ? resolve(io.cwd, file) : null });
      const note = templateNote(template);
      const out = createWriter(io.stdout);
      const c = painter(io.env, io.stdoutIsTTY);
      const width = Math.max(80, Number(io.env['COLUMNS']) || 120);
      const text = guarded(file ?? '-', () => {
        const article = extract(loaded.text, opts.context, [], template);
        if (flags.format === 'json') return toExplainJson(article, note);
        return toExplainText(article, width, { kept: (s) => s, removed: (s) => c.dim(s), meta: (s) => c.cyan(s) }, note);
      });
      await out.write(text);
    });
}
