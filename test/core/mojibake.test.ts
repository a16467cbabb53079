import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CP1252_C1 } from '../../src/core/cp1252.js';
import { detectMojibake, mayHoldMojibake, mojibakeWarning, scanMojibake } from '../../src/core/mojibake.js';

/** What a UTF-8 string looks like after its bytes were read as windows-1252. */
const asCp1252 = (s: string): string => iconv.decode(Buffer.from(s, 'utf8'), 'windows-1252');
/** What a string looks like after its bytes in `from` were read as Latin-1 (C1 controls and all). */
const asLatin1 = (s: string, from: string): string => iconv.decode(iconv.encode(s, from), 'latin1');

const REAL = {
  French: 'Le président de la République a reçu jeudi à l’Élysée les représentants des syndicats agricoles. « Nous avons entendu la colère », a-t-il déclaré. Des mesures d’urgence seront présentées d’ici à la fin du mois ; les manifestants, déçus, poursuivront dès lundi. Où ? À Paris, près de l’Hôtel de Ville.',
  German: 'Die Bundesregierung hat am Mittwoch einen Gesetzentwurf zur Förderung erneuerbarer Energien beschlossen. „Wir müssen schneller werden“, sagte der Wirtschaftsminister. Die Opposition kritisierte, die Maßnahmen gingen nicht weit genug. Größere Änderungen seien erst für das kommende Jahr geplant. Übrigens äußerten sich die Länder zurückhaltend.',
  Portuguese: 'O governo brasileiro anunciou nesta quarta-feira um pacote de medidas para conter a inflação, que atingiu o maior nível em dois anos. “É uma solução de curto prazo”, afirmou um analista. As ações incluem redução de impostos; a decisão foi criticada por economistas, que temem um aumento do déficit público. SÃO PAULO, NÃO, IRMÃ.',
  Spanish: 'El Gobierno español aprobó este martes una reforma de la ley de vivienda. «Es un paso histórico», señaló la ministra, quien añadió que la norma entrará en vigor el próximo año. ¿Funcionará? ¡Ojalá! Los expertos están divididos: 25 °C, 3 × 4, ½ kilo, 10 €.',
  'all-caps words before closing punctuation': '«LIBERTÉ» et «ÉGALITÉ» — “AQUÍ” — „ÄRGER“ — «PERÚ» — CAFÉ… OLÉ’ — NÃO”',
  'layout indented with no-break spaces': '\u00a0\u00a0\u00a0|\u00a0\u00a0\u00a0Politics\u00a0\u00a0\u00a0|\u00a0\u00a0\u00a0Finance\u00a0\u00a0\u00a0|\u00a0\u00a0\u00a0Life',
  'separator lines': '——————————\n··········\n••••••••\n»»»»»»»»\n°°°°°°°°',
  Chinese: '国务院总理今天主持召开国务院常务会议，部署进一步优化营商环境的措施。行政院今天召開院會，通過「國土計畫法」部分條文修正草案。',
  Russian: 'Правительство России утвердило план мероприятий по поддержке малого и среднего бизнеса.',
  Greek: 'Η κυβέρνηση παρουσίασε την Τετάρτη νέο πακέτο μέτρων για τη στήριξη των νοικοκυριών.',
};

describe('the quick check before the passes (mayHoldMojibake)', () => {
  // Units each pattern class is made of and their neighbours: leads, continuations, HIGH, LATIN1,
  // the no-break space left out of HIGH, 0x40-0x7E, U+FFFD, 锟斤拷, CJK and a surrogate pair.
  const units = ['Ã', 'Â', 'Å', 'é', 'ã', 'ð', 'ô', 'õ', '©', '°', '¡', '¿', '\u00a0', '\u0080', '\u0081', '\u009d', ...CP1252_C1, 'a', 'Z', '@', '~', '?', ' ', '\ufffd', '锟', '斤', '拷', '中', '😀', '\n'];
  const mixed = fc.array(fc.constantFrom(...units), { maxLength: 40 }).map((a) => a.join(''));
  const garbled = fc.constantFrom(...Object.values(REAL)).chain((t) => fc.constantFrom(asCp1252(t), asLatin1(t, 'utf8'), t));

  it('lets through every text the passes find mojibake in, so detectMojibake gives what the passes give', () => {
    fc.assert(fc.property(fc.oneof(mixed, garbled), (s) => {
      expect(detectMojibake(s)).toEqual(scanMojibake(s));
    }), { numRuns: 5000 });
  });

  it('stops European and Chinese text before the passes, and lets mojibake through', () => {
    for (const name of ['French', 'German', 'Spanish', 'Chinese', 'layout indented with no-break spaces'] as const) expect(mayHoldMojibake(REAL[name]), name).toBe(false);
    expect(mayHoldMojibake('cafÃ©')).toBe(true);
    expect(mayHoldMojibake('锟斤拷')).toBe(true);
    expect(mayHoldMojibake(asLatin1('你好世界', 'gbk'))).toBe(true);
  });
});

describe('detectMojibake on real text', () => {
  it.each(Object.entries(REAL))('finds nothing in %s', (_name, text) => {
    expect(detectMojibake(text)).toEqual({ count: 0, samples: [] });
  });
});

describe('detectMojibake on mojibake', () => {
  it('finds UTF-8 read as windows-1252 in French', () => {
    const r = detectMojibake(asCp1252(REAL.French));
    expect(r.count).toBeGreaterThanOrEqual(10);
    expect(r.samples).toContain('Ã©');
  });

  it('finds UTF-8 read as Latin-1, C1 controls shown escaped', () => {
    const r = detectMojibake(asLatin1(REAL.German, 'utf8'));
    expect(r.count).toBeGreaterThan(5);
    expect(r.samples).toContain('Ã¶');
    expect(r.samples.join('')).not.toMatch(/[\u0080-\u009f]/u);
  });

  it('finds one curly apostrophe gone wrong: three-byte sequences are evidence alone', () => {
    expect(detectMojibake(asCp1252('It’s here')).count).toBe(1);
  });

  it('takes one "Ã"/"Â" sequence as enough, other two-byte leads only in company', () => {
    expect(detectMojibake(asCp1252('Pokémon')).count).toBe(1);
    expect(detectMojibake(asCp1252('był')).count).toBe(0);
    expect(detectMojibake(asCp1252('Przyjął wniosek, był')).count).toBe(3);
  });

  it('does not count an accented capital before closing punctuation', () => {
    expect(detectMojibake('«LIBERTÉ» «SANTÉ» “AQUÍ” „ÖL“').count).toBe(0);
  });

  it('does not count Chinese and English typography as a run', () => {
    expect(detectMojibake('惟楚有才，于斯为盛————中南大学……“新宠”———“播客”。他说：“……——”').count).toBe(0);
  });

  it('finds GBK bytes read as Latin-1 as runs, not as odd UTF-8 lookalikes', () => {
    const r = detectMojibake(asLatin1('你好世界', 'gbk'));
    expect(r).toEqual({ count: 1, samples: ['ÄãºÃÊÀ½ç'] });
  });

  it('finds Big5 and windows-1251 bytes read as Latin-1', () => {
    expect(detectMojibake(asLatin1('行政院今天召開院會', 'big5')).count).toBeGreaterThan(0);
    expect(detectMojibake(asLatin1(REAL.Russian, 'windows-1251')).count).toBeGreaterThan(0);
  });

  it('finds Chinese UTF-8 read as windows-1252', () => {
    expect(detectMojibake(asCp1252('中文新闻'))).toEqual({ count: 4, samples: ['ä¸­', 'æ–‡', 'æ–°'] });
  });

  it('finds "â€�": the last byte of ” lost to a decoder that leaves 0x9D undefined', () => {
    expect(detectMojibake('He said â€œyesâ€\ufffd.').count).toBe(2);
  });

  it('does not take replacement characters after an accented letter for mojibake', () => {
    expect(detectMojibake('café\ufffd\ufffd menu').count).toBe(0);
  });

  it('finds 锟斤拷, two U+FFFD read as GBK', () => {
    expect(detectMojibake('标题锟斤拷锟斤拷').count).toBe(2);
  });

  it('keeps at most three samples, each short', () => {
    const r = detectMojibake(asCp1252(`${REAL.French} ${REAL.German} ${REAL.Spanish}`));
    expect(r.samples.length).toBeLessThanOrEqual(3);
    for (const s of r.samples) expect([...s].length).toBeLessThanOrEqual(13);
  });
});

// What deboil check relies on: it runs detectMojibake line by line.
describe('detectMojibake for deboil check', () => {
  it('finds one "Ã©" in a line', () => {
    expect(detectMojibake('Le cafÃ© est ouvert.')).toEqual({ count: 1, samples: ['Ã©'] });
  });

  it('finds GBK read as Latin-1 ("ÖÐ¹úÈËÃñ" for "中国人民")', () => {
    const gbk = Uint8Array.from([0xd6, 0xd0, 0xb9, 0xfa, 0xc8, 0xcb, 0xc3, 0xf1]);
    expect(detectMojibake(`Title: ${new TextDecoder('latin1').decode(gbk)}`).count).toBeGreaterThan(0);
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
    ['the sample dump', readFileSync('fixtures/seed-dump.txt', 'utf8')],
  ])('finds nothing in %s', (_name, text) => {
    expect(detectMojibake(text).count).toBe(0);
  });

  it('finds every accented Latin word once it is misread', () => {
    const accented = fc.constantFrom(...'éèàâôûçëïüößñãõæøåÉÀÇ’“”–—€');
    const letters = fc.string({ unit: fc.constantFrom(...'abcdefgh'), maxLength: 5 });
    const word = fc.tuple(letters, accented, letters);
    fc.assert(fc.property(word, ([a, x, b]) => detectMojibake(asCp1252(`${a}${x}${b}`)).count > 0));
  });
});

describe('mojibakeWarning', () => {
  it('is one line naming the count and examples', () => {
    const w = mojibakeWarning(asCp1252('Câ€™est déjà là.'))!;
    expect(w).toMatch(/^text holds \d+ mojibake sequence\(s\) such as "/u);
    expect(w).not.toContain('\n');
  });

  it('is null for clean text', () => {
    expect(mojibakeWarning(REAL.French)).toBeNull();
  });
});
