import { addDocument, summarizeProfile, type ProfileDraft, type SiteProfile } from '../core/template.js';
import type { InputFile } from '../io/glob.js';
import { InputError, readBytes } from '../io/read.js';
import { fileInput, runBatch, type Prepared } from './batch.js';
import type { LearnInit, LearnInput, LearnOutput } from './learn-task.js';
import { siteOf, type SiteFlags } from './templates.js';

const TASK = new URL('./learn-task.js', import.meta.url);

export interface CountSettings {
  /** Threads, as jobsFor gives them for these files. */
  readonly jobs: number;
  readonly encoding?: string | undefined;
  readonly maxBytes?: number | undefined;
  readonly siteFlags: SiteFlags;
  readonly signal?: AbortSignal | undefined;
}

/**
 * Counts files into a profile on worker threads (decoding is the costly part). Counts are sums,
 * so the order results arrive in does not matter; a file that cannot be read or decoded goes to
 * `onError` and is not counted.
 */
export async function countFiles(files: readonly InputFile[], into: ProfileDraft, s: CountSettings, onError: (f: InputFile, reason: string) => void): Promise<void> {
  const init: LearnInit = { encoding: s.encoding };
  const prepare = async (f: InputFile): Promise<Prepared<LearnInput>> => {
    const raw = await readBytes(f.path, { maxBytes: s.maxBytes }).catch((e: unknown) => {
      throw e instanceof InputError ? new InputError(f.display, e.message) : e;
    });
    return fileInput<LearnInput>({ path: f.display, bytes: raw.bytes }, raw.bytes, s.encoding);
  };
  await runBatch<InputFile, LearnInput, LearnOutput>(files, { module: TASK, init }, {
    jobs: s.jobs,
    prepare,
    onResult: (f, outcome) => {
      if (!outcome.ok) return onError(f, outcome.error.message);
      // A file always has a folder, so it always has a site.
      addDocument(into, siteOf({ path: f.path }, s.siteFlags)!, outcome.value.hashes);
    },
    signal: s.signal,
  });
}

/** One line about what a profile holds, for stderr: `learn: 24 document(s) of 1 site(s); ...`. */
export function learnSummary(profile: SiteProfile, prefix = ''): string {
  const s = summarizeProfile(profile);
  const t = profile.thresholds;
  const small = s.smallSites ? `; ${s.smallSites} site(s) with fewer than ${t.minDocs} documents learn nothing` : '';
  return `learn: ${prefix}${s.docs} document(s) of ${s.sites} site(s); ${s.templateLines} template line(s) (in ${t.minDocs}+ documents and ${Math.round(t.minShare * 1000) / 10}%+ of their site)${small}`;
}
