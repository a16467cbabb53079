import { readFile } from 'node:fs/promises';
import { ProfileError, serializeProfile, validateProfile, type SiteProfile } from '../core/template.js';
import { InputError } from './read.js';
import { writeAtomic } from './write.js';

/** Reads and validates a profile file; any fault is an InputError naming the file and the bad key. */
export async function readProfile(path: string): Promise<SiteProfile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(path, code === 'ENOENT' ? 'no such profile' : `cannot read profile (${code ?? (e as Error).message})`, { cause: e });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new InputError(path, `not a profile: invalid JSON (${(e as Error).message})`, { cause: e });
  }
  try {
    return validateProfile(raw);
  } catch (e) {
    if (e instanceof ProfileError) throw new InputError(path, `not a valid profile: ${e.message}`, { cause: e });
    throw e;
  }
}

/** Writes a profile atomically. */
export async function writeProfile(path: string, profile: SiteProfile): Promise<void> {
  await writeAtomic(path, serializeProfile(profile));
}
