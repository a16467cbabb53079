import { describe, expect, it } from 'vitest';
import { InputError, decodeOrFail } from '../../src/io/read.js';
import { UnknownEncodingError } from '../../src/io/decode.js';

describe('decodeOrFail', () => {
  it('carries a mojibake warning with the decoded text', () => {
    const loaded = decodeOrFail('a.txt', Buffer.from('Câ€™est la rÃ©gion, dÃ©jÃ  connue.\n'), {});
    expect(loaded.warnings).toHaveLength(1);
    expect(loaded.warnings[0]).toMatch(/mojibake sequence\(s\) such as "â€™"/u);
  });

  it('has no warnings for clean text', () => {
    expect(decodeOrFail('a.txt', Buffer.from('C’est la région, déjà connue.\n'), {}).warnings).toEqual([]);
  });

  it('turns a binary refusal into an InputError naming the file', () => {
    const err = (() => {
      try {
        decodeOrFail('scan.txt', Buffer.from('%PDF-1.4\n'), {});
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(InputError);
    expect(err).toMatchObject({ path: 'scan.txt', message: 'binary file: a PDF document, not a text dump' });
  });

  it('lets an unknown encoding through as a usage problem, not a file problem', () => {
    expect(() => decodeOrFail('a.txt', Buffer.from('x'), { encoding: 'nope' })).toThrow(UnknownEncodingError);
  });
});
