import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { plausibility } from '../../src/io/plausibility.js';

const CJK = ['gb18030', 'big5', 'shift_jis', 'euc-jp', 'euc-kr'];
const TEXTS: [string, string][] = [
  ['big5', '行政院今天召開院會，通過國土計畫法部分條文修正草案，將送請立法院審議。'],
  ['gb18030', '国务院总理今天主持召开国务院常务会议，部署进一步优化营商环境的措施。'],
  ['shift_jis', '政府は１５日の閣議で、経済見通しを了承した。首相は記者会見で述べた。'],
  ['euc-kr', '정부는 15일 국무회의를 열고 내년도 예산안을 의결했다고 밝혔다.'],
];

describe('plausibility', () => {
  it.each(TEXTS)('scores the right decoding of %s text above every wrong one', (encoding, text) => {
    const bytes = iconv.encode(text, encoding);
    const right = plausibility(text).score;
    expect(right).toBeGreaterThan(0);
    for (const other of CJK.filter((e) => e !== encoding)) {
      expect(plausibility(new TextDecoder(other).decode(bytes)).score, other).toBeLessThan(right);
    }
  });

  it('counts half-width katakana against a decoding', () => {
    expect(plausibility('ﾆｽﾎﾈ｣ｬｵｫﾈﾔ').score).toBeLessThan(0);
  });

  it('is neutral on European text', () => {
    expect(plausibility('Le président a reçu à l’Élysée… Größere Änderungen. Правительство России.').score).toBe(0);
  });

  it('counts replacement characters heavily against a decoding', () => {
    expect(plausibility('中国\ufffd').score).toBeLessThan(-4);
  });
});
