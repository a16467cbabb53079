import { resolve } from 'node:path';
import { extract } from '../core/pipeline.js';
import { toExplainJson, toExplainText } from '../formats/explain.js';
import { readDump, type Loaded } from '../io/read.js';
import { createWriter, type Io } from './io.js';
import { messenger, painter } from './report.js';
import { resolveOptions } from './options.js';
import { guarded, loadStdin, type CleanFlags } from './clean.js';
import { loadTemplates, templateNote } from './templates.js';

/** Runs `deboil explain` with the parsed flags. */
export async function runExplain(file: string | undefined, flags: CleanFlags, io: Io): Promise<void> {
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
}
