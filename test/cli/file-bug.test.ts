import { describe, expect, it } from 'vitest';
import { guarded } from '../../src/cli/clean.js';
import { FileBugError } from '../../src/cli/errors.js';

// A throw inside the pipeline is a bug; the user still needs to know which file met it. main()
// prints a FileBugError as `deboil: error: <path>: internal error: <message>`. The e2e test that
// reached this through a real bug (a stack overflow on 125,000 lines) lost its trigger when the
// bug was fixed, so the wrapper is checked here.
describe('guarded', () => {
  it('turns a throw into a FileBugError that names the file and keeps the cause', () => {
    const cause = new RangeError('Maximum call stack size exceeded');
    const err = (() => {
      try {
        guarded('in/lines.txt', () => {
          throw cause;
        });
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(FileBugError);
    expect(err).toMatchObject({ path: 'in/lines.txt', message: 'Maximum call stack size exceeded', cause });
  });

  it('returns what the work returns', () => {
    expect(guarded('a.txt', () => 42)).toBe(42);
  });
});
