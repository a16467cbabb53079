import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectMojibake } from '../../src/core/mojibake.js';

/** Text as a wrong decoder shows it: the UTF-8 bytes read as windows-1252. */
function misread(s: string): string {
  return new TextDecoder('windows-1252').decode(new TextEncoder().encode(s));
}

describe('detectMojibake', () => {
  it('finds UTF-8 read as Latin-1 ("Ã©" for "é")', () => {
    const r = detectMojibake('Le cafÃ© est ouvert.');
    expect(r).toEqual({ count: 1, samples: ['Ã©'] });
  });

  it('finds a curly apostrophe read as windows-1252 ("â€™")', () => {
    expect(detectMojibake('Itâ€™s worth it').samples).toEqual(['â€™']);
  });

  it('finds GBK read as Latin-1 ("ÖÐ¹ú" for "中国")', () => {
    const gbk = Uint8Array.from([0xd6, 0xd0, 0xb9, 0xfa, 0xc8, 0xcb, 0xc3, 0xf1]); // 中国人民
    const r = detectMojibake(`Title: ${new TextDecoder('latin1').decode(gbk)}`);
    expect(r.count).toBeGreaterThan(0);
  });

  it('keeps at most three samples but counts them all', () => {
    const r = detectMojibake('Ã© Ã¨ Ã± Ã¢ Ã´');
    expect(r.count).toBe(5);
    expect(r.samples).toHaveLength(3);
  });

  it.each([
    ['Chinese dashes and ellipses', '惟楚有才，于斯为盛————中南大学……“新宠”———“播客”。'],
    ['English ellipses and quotes', 'OOOPS……………..sigh…… “quoted” — dash'],
    ['Latin-script words with accents', 'São Paulo, Größe, naïve café, Ñandú, déjà vu, Ærøskøbing, 5 °C ± 2, © 2024'],
  ])('finds nothing in %s', (_name, text) => {
    expect(detectMojibake(text).count).toBe(0);
  });

  it('finds nothing in the sample dump', () => {
    expect(detectMojibake(readFileSync('fixtures/seed-dump.txt', 'utf8')).count).toBe(0);
  });

  it('finds every accented Latin word once it is misread', () => {
    const accented = fc.constantFrom(...'éèàâôûçëïüößñãõæøåÉÀÇ’“”–—€');
    const word = fc.tuple(fc.string({ unit: fc.constantFrom(...'abcdefgh'), maxLength: 5 }), accented, fc.string({ unit: fc.constantFrom(...'abcdefgh'), maxLength: 5 }));
    fc.assert(fc.property(word, ([a, x, b]) => detectMojibake(misread(`${a}${x}${b}`)).count > 0));
  });
});
