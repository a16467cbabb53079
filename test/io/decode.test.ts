import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { deflateSync, gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  BinaryInputError,
  SAMPLE_BYTES,
  UnknownEncodingError,
  decodeBytes,
  inflatingWhole,
  lazyJschardet,
  listEncodings,
  sampleOf,
  toWhatwgLabel,
  type Detector,
} from '../../src/io/decode.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures');

interface EncodingCase {
  about: string;
  input: string;
  encoding?: string;
  decoded?: string;
  error?: string;
}

const cases = readdirSync(FIXTURES)
  .filter((d) => d.startsWith('encoding-'))
  .sort()
  .map((d) => [d, JSON.parse(readFileSync(join(FIXTURES, d, 'case.json'), 'utf8')) as EncodingCase] as const);

/** A detector that records what it was given and answers like jschardet would not. */
function spy(answer: { encoding: string | null; confidence: number } = { encoding: 'windows-1252', confidence: 0.99 }) {
  const seen: Uint8Array[] = [];
  const detector: Detector = {
    detect(bytes) {
      seen.push(bytes);
      return answer;
    },
  };
  return { detector, seen };
}

const TRADITIONAL = '行政院今天召開院會，通過「國土計畫法」部分條文修正草案，將送請立法院審議。行政院發言人表示，這次修法的重點在於強化地方政府的規劃權限。';
const SIMPLIFIED = '国务院总理今天主持召开国务院常务会议，部署进一步优化营商环境的措施，决定延续实施部分减税降费政策。';

describe('fixtures/encoding-*', () => {
  it('covers every encoding the issue names', () => {
    const names = cases.map(([d]) => d);
    for (const want of ['big5', 'gbk', 'gbk-gzip', 'shift-jis', 'euc-kr', 'windows-1252', 'utf16le', 'utf16be', 'utf16le-bom', 'utf16be-bom', 'mojibake', 'binary-png', 'binary-pdf']) {
      expect(names).toContain(`encoding-${want}`);
    }
  });

  describe.each(cases)('%s', (dir, c) => {
    const bytes = readFileSync(join(FIXTURES, dir, c.input));
    if (c.error) {
      it('is refused as binary with a clear reason', () => {
        expect(() => decodeBytes(bytes)).toThrow(BinaryInputError);
        expect(() => decodeBytes(bytes)).toThrow(c.error!);
      });
    } else {
      it(`decodes as ${c.encoding} to the expected text`, () => {
        const d = decodeBytes(bytes);
        expect(d.encoding).toBe(c.encoding);
        expect(d.text).toBe(readFileSync(join(FIXTURES, dir, c.decoded!), 'utf8'));
        expect(d.replacements).toBe(0);
        expect(d.gzip).toBe(c.input.endsWith('.gz'));
      });
    }
  });
});

describe('forcing an encoding', () => {
  it('decodes GBK bytes with a forced gb18030 at confidence 1', () => {
    const d = decodeBytes(iconv.encode(SIMPLIFIED, 'gbk'), 'gb18030');
    expect(d).toMatchObject({ text: SIMPLIFIED, encoding: 'gb18030', confidence: 1 });
  });

  it('wins over a BOM and over detection', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('café')]);
    expect(decodeBytes(bytes, 'windows-1252').text).toBe('ï»¿cafÃ©');
  });

  it('reads GB2312 and GBK labels as gb18030, the superset', () => {
    expect(toWhatwgLabel('GB2312')).toBe('gb18030');
    expect(toWhatwgLabel('gbk')).toBe('gb18030');
    expect(toWhatwgLabel('cp936')).toBe('gb18030');
  });

  it('accepts the usual aliases', () => {
    expect(toWhatwgLabel('latin1')).toBe('windows-1252');
    expect(toWhatwgLabel('cp1252')).toBe('windows-1252');
    expect(toWhatwgLabel('sjis')).toBe('shift_jis');
    expect(toWhatwgLabel('cp949')).toBe('euc-kr');
    expect(toWhatwgLabel(' UTF8 ')).toBe('utf-8');
  });

  it('refuses an unknown label and lists the known ones', () => {
    expect(() => decodeBytes(Buffer.from('x'), 'klingon')).toThrow(UnknownEncodingError);
    expect(() => decodeBytes(Buffer.from('x'), 'klingon')).toThrow(/unknown encoding 'klingon'; known encodings: utf-8, .*gb18030.*big5/u);
  });

  it('lists only encodings this Node can decode', () => {
    const list = listEncodings();
    expect(list).toEqual(expect.arrayContaining(['utf-8', 'gb18030', 'big5', 'shift_jis', 'euc-kr', 'utf-16le']));
    for (const e of list) expect(toWhatwgLabel(e)).not.toBeNull();
  });
});

describe('windows-1252', () => {
  // Node 20.18.3+ decodes windows-1252 as Latin-1 (nodejs/node#56542): 0x92 came out as U+0092.
  it('maps 0x80-0x9F to the real characters, not C1 controls', () => {
    const d = decodeBytes(Buffer.from([0x80, 0x20, 0x93, 0x48, 0x69, 0x94, 0x20, 0x96, 0x20, 0x92, 0x85]), 'windows-1252');
    expect(d.text).toBe('€ “Hi” – ’…');
  });

  it('keeps the five undefined bytes as the C1 control of the same number', () => {
    expect(decodeBytes(Buffer.from([0x81, 0x8d, 0x8f, 0x90, 0x9d]), 'latin1').text).toBe('\u0081\u008d\u008f\u0090\u009d');
  });
});

describe('detection', () => {
  it('never asks the detector about UTF-8', () => {
    const { detector, seen } = spy();
    expect(decodeBytes(Buffer.from(`${SIMPLIFIED}\n${TRADITIONAL}\n`), undefined, detector).encoding).toBe('utf-8');
    expect(seen).toHaveLength(0);
  });

  it('hands the detector a bounded head-and-tail sample of a large file', () => {
    const line = Buffer.from(`${iconv.encode(SIMPLIFIED, 'gbk').toString('latin1')}\n`, 'latin1');
    const big = Buffer.concat([...Array.from({ length: 20_000 }, () => line), Buffer.from('TAIL-MARK\n')]);
    const { detector, seen } = spy({ encoding: 'GB2312', confidence: 0.99 });
    const d = decodeBytes(big, undefined, detector);
    expect(d.encoding).toBe('gb18030');
    expect(seen).toHaveLength(1);
    expect(seen[0]!.length).toBeLessThanOrEqual(2 * SAMPLE_BYTES);
    expect(Buffer.from(seen[0]!).toString('latin1')).toMatch(/TAIL-MARK\n$/u);
  });

  it('cuts the sample at line breaks so no double-byte character is split', () => {
    const line = iconv.encode(`${SIMPLIFIED}\n`, 'gbk');
    const big = Buffer.concat(Array.from({ length: 2000 }, () => line));
    const sample = sampleOf(big);
    expect(sample.length).toBeLessThan(big.length);
    expect(new TextDecoder('gb18030').decode(sample)).not.toContain('\ufffd');
  });

  it('settles a weak CJK guess by plausibility: Traditional Chinese stays Big5', () => {
    const bytes = iconv.encode(TRADITIONAL, 'big5');
    const { detector } = spy({ encoding: 'GB2312', confidence: 0.3 });
    const d = decodeBytes(bytes, undefined, detector);
    expect(d).toMatchObject({ encoding: 'big5', text: TRADITIONAL });
  });

  it('settles a weak Shift_JIS guess on GBK bytes in favour of gb18030', () => {
    // Half-width katakana, which GBK bytes turn into as Shift_JIS, used to count as plausible.
    const { detector } = spy({ encoding: 'SHIFT_JIS', confidence: 0.26 });
    expect(decodeBytes(iconv.encode('平稳，但仍面临不少困难和', 'gbk'), undefined, detector).encoding).toBe('gb18030');
  });

  it('lets a clearly Chinese decoding beat a weak single-byte guess', () => {
    const { detector } = spy({ encoding: 'windows-1252', confidence: 0.08 });
    expect(decodeBytes(iconv.encode(TRADITIONAL, 'big5'), undefined, detector).encoding).toBe('big5');
  });

  it('keeps a strong guess as it is', () => {
    const { detector } = spy({ encoding: 'GB2312', confidence: 0.99 });
    expect(decodeBytes(iconv.encode(TRADITIONAL, 'big5'), undefined, detector).encoding).toBe('gb18030');
  });

  it.each([
    ['shift_jis', '政府は１５日の閣議で、経済見通しを了承した。首相は記者会見で述べた。'],
    ['euc-jp', '政府は１５日の閣議で、経済見通しを了承した。首相は記者会見で述べた。'],
    ['euc-kr', '정부는 15일 국무회의를 열고 내년도 예산안을 의결했다고 밝혔다.'],
    ['big5', TRADITIONAL.slice(0, 20)],
    ['gb18030', SIMPLIFIED.slice(0, 20)],
  ])('detects short %s text', (encoding, text) => {
    const d = decodeBytes(iconv.encode(text, encoding));
    expect(d).toMatchObject({ encoding, text });
  });

  it.each([
    ['French', 'Le président a reçu jeudi à l’Élysée les représentants des syndicats. « Nous avons entendu la colère », a-t-il déclaré.'],
    ['German', 'Die Bundesregierung hat am Mittwoch einen Gesetzentwurf zur Förderung beschlossen. „Wir müssen schneller werden“, sagte er. Größere Änderungen folgen.'],
    ['Portuguese', 'O governo brasileiro anunciou nesta quarta-feira um pacote de medidas para conter a inflação, que atingiu o maior nível em dois anos.'],
    ['Spanish', 'El Gobierno español aprobó este martes una reforma de la ley de vivienda. «Es un paso histórico», señaló la ministra. ¿Funcionará?'],
  ])('never reads %s windows-1252 as CJK', (_lang, text) => {
    const d = decodeBytes(iconv.encode(text, 'windows-1252'));
    expect(d).toMatchObject({ encoding: 'windows-1252', text });
  });

  it('reads 7-bit ISO-2022-JP, which passes as UTF-8, by its escapes', () => {
    // 日本 in JIS X 0208 between ESC $ B and ESC ( B.
    const bytes = Buffer.from('\x1b$B\x46\x7c\x4b\x5c\x1b(B news\n', 'latin1');
    expect(decodeBytes(bytes)).toMatchObject({ encoding: 'iso-2022-jp', text: '日本 news\n' });
  });
});

describe('UTF-16 without a BOM', () => {
  it('reads Chinese UTF-16LE although 一 puts NULs on the other side', () => {
    const text = `一${SIMPLIFIED}一\n一二三\n`;
    expect(decodeBytes(Buffer.from(text, 'utf16le'))).toMatchObject({ encoding: 'utf-16le', text });
  });

  it('reads Russian UTF-16BE, whose NULs sit only beside spaces', () => {
    const text = 'Правительство России утвердило план мероприятий по поддержке бизнеса.\n';
    expect(decodeBytes(Buffer.from(text, 'utf16le').swap16())).toMatchObject({ encoding: 'utf-16be', text });
  });

  it('reads Japanese UTF-16LE with no NUL byte at all', () => {
    const text = '政府は１５日の閣議で、経済見通しを了承した。';
    expect(decodeBytes(Buffer.from(text, 'utf16le'))).toMatchObject({ encoding: 'utf-16le', text });
  });

  it('does not take ASCII text with a stray NUL for UTF-16', () => {
    expect(() => decodeBytes(Buffer.from('Hello world, this is a plain dump.\0\nSecond line here.\n'))).toThrow(BinaryInputError);
  });
});

describe('nearly UTF-8', () => {
  it('reads UTF-8 cut off inside its last character as UTF-8 with one replacement', () => {
    const bytes = Buffer.from('Zürich 中文').subarray(0, -1);
    expect(decodeBytes(bytes)).toMatchObject({ encoding: 'utf-8', text: 'Zürich 中\ufffd', replacements: 1 });
  });

  it('reads Latin-1 text that merely ends in a high byte as Latin-1', () => {
    expect(decodeBytes(Buffer.from('Die Strasse heisst Hauptstraße', 'latin1')).encoding).toBe('windows-1252');
  });

  it('reads many UTF-8 characters and one stray Latin-1 byte as UTF-8, with less confidence', () => {
    const bytes = Buffer.concat([Buffer.from(`${SIMPLIFIED}\n`.repeat(3)), Buffer.from([0xe9]), Buffer.from(' café\n')]);
    const d = decodeBytes(bytes);
    expect(d).toMatchObject({ encoding: 'utf-8', replacements: 1 });
    expect(d.confidence).toBeLessThan(1);
    expect(d.text).toContain(SIMPLIFIED);
  });
});

describe('binary input', () => {
  it('names a known signature inside gzip', () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32)]);
    expect(() => decodeBytes(gzipSync(png))).toThrow('binary file (inside gzip): a PNG image, not a text dump');
  });

  it('refuses a truncated gzip and says so', () => {
    const gz = gzipSync(Buffer.from(SIMPLIFIED.repeat(50)));
    expect(() => decodeBytes(gz.subarray(0, gz.length - 20))).toThrow(/gzip file that does not decompress .*truncated/u);
  });

  it.each([
    ['a ZIP archive', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]],
    ['a JPEG image', [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]],
    ['an old Office document', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00]],
  ])('refuses %s', (name, head) => {
    expect(() => decodeBytes(Buffer.from([...head, 0x41, 0x42]))).toThrow(`binary file: ${name}`);
  });

  it('refuses high-entropy bytes without NULs or a signature', () => {
    // A fixed linear congruential sequence stands in for compressed or encrypted data.
    let x = 12345;
    const bytes = Buffer.alloc(4096, 0).map(() => {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      return ((x >> 16) % 255) + 1;
    });
    expect(() => decodeBytes(bytes)).toThrow('binary file: full of control bytes, not a text dump');
  });
});

describe('empty and tiny input', () => {
  it('decodes nothing to nothing', () => {
    expect(decodeBytes(new Uint8Array())).toMatchObject({ text: '', encoding: 'utf-8', replacements: 0 });
  });
});

describe('inflatingWhole (jschardet inflates its models in one chunk)', () => {
  const zlib = createRequire(import.meta.url)('node:zlib') as { inflateSync: (b: Uint8Array, o?: { chunkSize?: number }) => Buffer };

  it('asks node:zlib for one chunk sized to the data while fn runs, and puts inflateSync back', () => {
    const original = zlib.inflateSync;
    const chunks: (number | undefined)[] = [];
    zlib.inflateSync = (b, o) => {
      chunks.push(o?.chunkSize);
      return original(b, o);
    };
    const spy = zlib.inflateSync;
    try {
      const data = Buffer.alloc(3 << 20, 'deboil ');
      const packed = deflateSync(data);
      const out = inflatingWhole(() => zlib.inflateSync(packed));
      expect(out.equals(data)).toBe(true);
      expect(chunks).toEqual([Math.min(32 << 20, Math.max(64 << 10, packed.byteLength * 64))]);
      expect(zlib.inflateSync).toBe(spy);
      expect(() => inflatingWhole(() => { throw new Error('boom'); })).toThrow('boom');
      expect(zlib.inflateSync).toBe(spy);
    } finally {
      zlib.inflateSync = original;
    }
  });

  it('leaves detection as it was', () => {
    const gbk = iconv.encode('中华人民共和国外交部发言人表示，双方将继续加强合作。', 'gbk');
    const before = zlib.inflateSync;
    expect(lazyJschardet.detect(gbk).encoding).toBe('GB18030');
    expect(zlib.inflateSync).toBe(before);
  });
});
