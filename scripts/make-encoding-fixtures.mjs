#!/usr/bin/env node
// Writes fixtures/encoding-<name>/: a small news dump in one encoding (dump.*), the text it must
// decode to (decoded.txt, UTF-8) and case.json saying what it is and what decode must report.
// Deterministic: run it again and git shows no change.
//
//   node scripts/make-encoding-fixtures.mjs
//
// Node's TextEncoder only writes UTF-8, so the legacy encodings come from iconv-lite (a dev
// dependency: nothing at run time needs it).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const TEXTS = {
  hans: `新华社北京3月15日电
国务院总理今天主持召开国务院常务会议，部署进一步优化营商环境的措施，决定延续实施部分减税降费政策。会议指出，当前经济运行总体平稳，但仍面临不少困难和挑战。
会议强调，要坚持稳中求进工作总基调，加大对中小微企业的支持力度，保持就业形势总体稳定。各地区各部门要抓好政策落实，及时解决企业反映的问题。
会议还研究了其他事项。有关负责人表示，将持续跟踪政策效果，根据实际情况适时调整完善。
阅读全文
热门推荐
教育部：今年高校毕业生预计达一千一百万人
气象台发布寒潮蓝色预警
`,
  hant: `中央社記者台北2024年3月15日電
行政院今天召開院會，通過「國土計畫法」部分條文修正草案，將送請立法院審議。行政院發言人表示，這次修法的重點在於強化地方政府的規劃權限，並且兼顧農地保護與產業發展的需要。
內政部長在會後記者會上說明，過去幾年來各縣市在執行國土計畫時遇到許多實際困難，因此政府決定調整相關規定，讓地方有更多彈性。他強調，修法不會影響既有的環境保護標準。
立法院預計在下個會期排入審查，朝野黨團對此案的看法不一。在野黨立委批評，政府對於農地轉用的管制過於寬鬆，恐怕造成農業用地持續流失；執政黨立委則認為，這是兼顧發展與保育的務實做法。
閱讀全文
熱門新聞
颱風動態：氣象局發布海上颱風警報
股市收盤：台股上漲一百二十點
`,
  ja: `東京（共同）政府は１５日の閣議で、二〇二四年度の経済見通しを了承した。実質国内総生産の成長率は前年度比で一・三％程度になると予測している。
岸田首相は記者会見で「賃上げの流れを地方や中小企業にも広げていきたい」と述べ、物価上昇を上回る所得の実現に向けて取り組む考えを示した。
一方、野党からは見通しが楽観的すぎるとの批判も出ている。専門家は、海外経済の減速や円安の影響を注視する必要があると指摘した。
続きを読む
アクセスランキング
`,
  ko: `서울＝연합뉴스　정부는 15일 국무회의를 열고 내년도 예산안을 의결했다. 총지출 규모는 올해보다 2.8％ 늘어난 것으로 집계됐다.
기획재정부 장관은 브리핑에서 "재정 건전성을 유지하면서도 민생 안정에 필요한 예산은 충분히 반영했다"고 설명했다.
야당은 이번 예산안이 서민 경제를 외면했다고 비판하며 국회 심사 과정에서 대폭 수정하겠다는 입장을 밝혔다.
기사 전문 보기
많이 본 뉴스
`,
  fr: `Accueil | Économie | Société | Connexion
PARIS (Reuters) – Le gouvernement français a présenté mercredi un projet de loi visant à réduire les délais de procédure pour les entreprises. « Nous voulons simplifier la vie des PME », a déclaré le ministre de l’Économie lors d’une conférence de presse.
Selon l’Insee, la croissance a été révisée à 0,9 % pour l’année, un niveau jugé « décevant » par plusieurs économistes. Le coût du dispositif est estimé à 1,2 milliard d’euros (1,2 Md€).
Les syndicats ont dénoncé une réforme qui, selon eux, fragilise les salariés… “It’s a step back”, said one English-language commentator.
Lire la suite
Les plus lus
`,
  en: `Home | World | Business | Sign in
LONDON (Reuters) - Britain's economy grew faster than expected in the third quarter, official figures showed on Friday, easing fears of a recession. The pound rose 0.4% against the dollar after the data.
Analysts said the Bank of England was unlikely to change course at its next meeting.
Read more
Most popular
`,
};

const latin1 = (s, from) => new TextDecoder('latin1').decode(iconv.encode(s, from));
const cp1252 = (s) => iconv.decode(Buffer.from(s, 'utf8'), 'windows-1252');
const utf16be = (s) => Buffer.from(s, 'utf16le').swap16();
const BOM8 = Buffer.from([0xef, 0xbb, 0xbf]);

// A UTF-8 dump that already holds mojibake: one paragraph went through Latin-1 as UTF-8 bytes,
// one as GBK bytes, as old CMS exports do.
const MOJIBAKE = `Accueil | Économie | Connexion
${cp1252('Le ministre de l’Économie a présenté mercredi un projet de loi. « Nous voulons simplifier la vie des PME », a-t-il déclaré à la presse.')}
${latin1('国务院总理今天主持召开国务院常务会议，部署进一步优化营商环境的措施。', 'gbk')}
Lire la suite
`;

/** name -> { about, file, bytes, text (what decode must give), encoding | error, mojibake? } */
const CASES = {
  big5: { about: 'Traditional Chinese (Taiwan) news dump in Big5', file: 'dump.txt', bytes: iconv.encode(TEXTS.hant, 'big5'), text: TEXTS.hant, encoding: 'big5' },
  gbk: { about: 'Simplified Chinese news dump in GBK', file: 'dump.txt', bytes: iconv.encode(TEXTS.hans, 'gbk'), text: TEXTS.hans, encoding: 'gb18030' },
  'gbk-gzip': { about: 'gzip of a GBK dump, as scrape archives keep them', file: 'dump.txt.gz', bytes: gzipSync(iconv.encode(TEXTS.hans, 'gbk'), { level: 9 }), text: TEXTS.hans, encoding: 'gb18030' },
  'shift-jis': { about: 'Japanese news dump in Shift_JIS', file: 'dump.txt', bytes: iconv.encode(TEXTS.ja, 'shift_jis'), text: TEXTS.ja, encoding: 'shift_jis' },
  'euc-kr': { about: 'Korean news dump in EUC-KR', file: 'dump.txt', bytes: iconv.encode(TEXTS.ko, 'euc-kr'), text: TEXTS.ko, encoding: 'euc-kr' },
  'windows-1252': { about: 'French news dump with an English quote in windows-1252: curly quotes, dashes, € and … sit in 0x80-0x9F', file: 'dump.txt', bytes: iconv.encode(TEXTS.fr, 'windows-1252'), text: TEXTS.fr, encoding: 'windows-1252' },
  'utf16le-bom': { about: 'Simplified Chinese dump in UTF-16LE with a BOM', file: 'dump.txt', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXTS.hans, 'utf16le')]), text: TEXTS.hans, encoding: 'utf-16le' },
  'utf16be-bom': { about: 'English dump in UTF-16BE with a BOM', file: 'dump.txt', bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXTS.en)]), text: TEXTS.en, encoding: 'utf-16be' },
  'utf16le': { about: 'Simplified Chinese dump in UTF-16LE without a BOM (一 puts NUL bytes on the "wrong" side too)', file: 'dump.txt', bytes: Buffer.from(TEXTS.hans, 'utf16le'), text: TEXTS.hans, encoding: 'utf-16le' },
  'utf16be': { about: 'Japanese dump in UTF-16BE without a BOM', file: 'dump.txt', bytes: utf16be(TEXTS.ja), text: TEXTS.ja, encoding: 'utf-16be' },
  'utf8-bom': { about: 'Traditional Chinese dump in UTF-8 with a BOM', file: 'dump.txt', bytes: Buffer.concat([BOM8, Buffer.from(TEXTS.hant)]), text: TEXTS.hant, encoding: 'utf-8' },
  mojibake: { about: 'UTF-8 dump holding mojibake: UTF-8 read as windows-1252 ("Ã©", "â€™") and GBK read as Latin-1', file: 'dump.txt', bytes: Buffer.from(MOJIBAKE), text: MOJIBAKE, encoding: 'utf-8', mojibake: true },
  'binary-png': { about: 'a PNG header and NUL bytes saved with a .txt name', file: 'dump.txt', bytes: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\b\x06\0\0\0', 'latin1'), Buffer.alloc(64)]), error: 'binary file: a PNG image, not a text dump' },
  'binary-pdf': { about: 'the start of a PDF saved with a .txt name', file: 'dump.txt', bytes: Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n', 'latin1'), error: 'binary file: a PDF document, not a text dump' },
  'binary-nul': { about: 'bytes without a known signature but with NUL bytes (a database page)', file: 'dump.txt', bytes: Buffer.from('ID\0\0\x01\0\x02\0title\0\0\0\xff\xfe\x03\0', 'latin1'), error: 'binary file: NUL byte at byte 2, not a text dump' },
};

for (const dir of readdirSync(join(root, 'fixtures'))) {
  if (dir.startsWith('encoding-')) rmSync(join(root, 'fixtures', dir), { recursive: true });
}
for (const [name, c] of Object.entries(CASES)) {
  const dir = join(root, 'fixtures', `encoding-${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, c.file), c.bytes);
  const meta = { about: c.about, input: c.file };
  if (c.error) meta.error = c.error;
  else {
    writeFileSync(join(dir, 'decoded.txt'), c.text);
    Object.assign(meta, { encoding: c.encoding, decoded: 'decoded.txt', mojibake: c.mojibake ?? false });
  }
  writeFileSync(join(dir, 'case.json'), `${JSON.stringify(meta, null, 2)}\n`);
}
console.log(`wrote ${Object.keys(CASES).length} fixtures/encoding-* cases`);
