import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { segment } from '../../src/core/segment.js';
import { addDocument, countDocument, emptyProfile, serializeProfile } from '../../src/core/template.js';
import { siteFolder } from '../site-folder.js';

// Spawns the built bin on a generated folder of one site: 24 pages, one template, one featured
// story whose lead the sidebar quotes on most other pages.
const BIN = resolve('bin/deboil');
const folder = siteFolder(24);
const SITE = 'example.com';
const featured = folder.pages[folder.featured]!;
const lead = featured.paragraphs[0]!;
let tmp = '';
let learnt: ReturnType<typeof run>;
let profile = '';

function run(args: string[], input = '') {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: tmp, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const clean = (s: string) => stripVTControlCharacters(s).replaceAll(tmp, '<tmp>');
  return { code: r.status, stdout: clean(r.stdout), stderr: clean(r.stderr) };
}

const files = folder.pages.map((p) => join(SITE, p.name));
// A fixed shuffle: the order must not matter, and a failure must be reproducible.
const shuffled = files.map((f, i) => ({ f, k: (i * 7919) % 24 })).sort((a, b) => a.k - b.k).map((x) => x.f);

interface Rec {
  source: { path: string };
  text: string;
  title: string | null;
  blocks: { kind: string; text: string }[];
  stats: { removed: Record<string, number> };
}
const records = (stdout: string): Map<string, Rec> =>
  new Map(stdout.trim().split('\n').map((l) => JSON.parse(l) as Rec).map((r) => [r.source.path, r]));

beforeAll(() => {
  if (!existsSync('dist/cli/main.js')) throw new Error('build first: npm run build');
  tmp = mkdtempSync(join(tmpdir(), 'deboil-learn-'));
  mkdirSync(join(tmp, SITE));
  for (const p of folder.pages) writeFileSync(join(tmp, SITE, p.name), p.text);
  // The same pages under names that sort in another order: a batch reads them in that order.
  mkdirSync(join(tmp, 'renamed', SITE), { recursive: true });
  shuffled.forEach((f, k) => writeFileSync(join(tmp, 'renamed', SITE, `p${String(k).padStart(2, '0')}.txt`), readFileSync(join(tmp, f))));
  // The profile every other test applies.
  learnt = run(['learn', SITE, '-o', 'site.profile.json']);
  profile = readFileSync(join(tmp, 'site.profile.json'), 'utf8');
  // A spawn takes seconds when the machine is busy.
}, 60_000);
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('deboil learn', () => {
  it('says what it learnt', () => {
    expect(learnt.code).toBe(0);
    expect(learnt.stderr).toBe('deboil: learn: 24 document(s) of 1 site(s); 14 template line(s) (in 3+ documents and 30%+ of their site); profile in site.profile.json\n');
  });

  it('writes the counts of every page under the folder name, hashes only', () => {
    const expected = emptyProfile();
    for (const p of folder.pages) addDocument(expected, SITE, countDocument(segment(p.text)));
    expect(profile).toBe(serializeProfile(expected));
    expect(profile).not.toContain(lead);
    expect(profile).not.toContain('编辑精选');
  });

  it('gives the same bytes in another file order, with other -j, and when halves are merged', () => {
    const r = run(['learn', join('renamed', SITE), '-j', '3', '-q']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(profile);
    expect(run(['learn', ...shuffled.slice(0, 9), '-o', 'a.json', '-q']).code).toBe(0);
    expect(run(['learn', ...shuffled.slice(9), '-o', 'b.json', '-q']).code).toBe(0);
    const merged = run(['learn', '--merge', 'b.json', 'a.json', '-o', 'all.json']);
    expect(merged.code).toBe(0);
    expect(merged.stderr).toMatch(/^deboil: learn: 2 profiles, 24 document\(s\) of 1 site\(s\)/u);
    expect(readFileSync(join(tmp, 'all.json'), 'utf8')).toBe(profile);
  });

  it('refuses a bad profile with exit 2, naming the file and the key', () => {
    writeFileSync(join(tmp, 'bad.json'), JSON.stringify({ ...JSON.parse(profile), schema: 'deboil-profile/9' }));
    const r = run(['--profile', 'bad.json', files[0]!]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`deboil: error: <tmp>/bad.json: not a valid profile: schema: 'deboil-profile/9' is not 'deboil-profile/1' (made by another deboil version?)\n`);
    const merge = run(['learn', '--merge', 'site.profile.json', 'missing.json']);
    expect(merge.code).toBe(2);
    expect(merge.stderr).toBe('deboil: error: <tmp>/missing.json: no such profile\n');
  });
});

describe('deboil --profile', () => {
  let byPath: Map<string, Rec>;
  beforeAll(() => {
    const r = run(['--profile', 'site.profile.json', ...files]);
    expect(r.code).toBe(0);
    byPath = records(r.stdout);
  });

  it('keeps every paragraph of every page, the featured lead on its own page included', () => {
    for (const [i, p] of folder.pages.entries()) {
      const rec = byPath.get(files[i]!)!;
      expect(rec.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text), p.name).toEqual(p.paragraphs);
      expect(rec.title, p.name).toBe(p.headline);
    }
    expect(byPath.get(files[folder.featured]!)!.text.startsWith(lead)).toBe(true);
  });

  it('removes the template, the quoted lead on other pages included, that the plain run keeps', () => {
    const plain = records(run(files).stdout);
    const quoting = folder.pages.flatMap((p, i) => (p !== featured && p.text.includes(lead) ? [files[i]!] : []));
    expect(quoting.some((f) => plain.get(f)!.text.includes(lead))).toBe(true);
    for (const f of quoting) expect(byPath.get(f)!.text, f).not.toContain(lead);
    for (const f of files) {
      expect(byPath.get(f)!.stats.removed['site-template'], f).toBeGreaterThan(0);
      for (const line of folder.templateLines) expect(byPath.get(f)!.text, f).not.toContain(line);
    }
  });

  it('applies to stdin only with --site, and says so', () => {
    const page = folder.pages[1]!;
    const without = run(['--profile', 'site.profile.json', '-f', 'text'], page.text);
    expect(without.code).toBe(0);
    expect(without.stderr).toBe('deboil: warning: -: no site for stdin, so no profile applies; pass --site NAME\n');
    const withSite = run(['--profile', 'site.profile.json', '--site', SITE, '-f', 'text'], page.text);
    expect(withSite.stderr).toBe('');
    expect(withSite.stdout).toBe(`${page.paragraphs.join('\n\n')}\n`);
  });
});

describe('explain and check with --profile', () => {
  it('explain shows each site-template decision with its document frequency', () => {
    const r = run(['explain', '--profile', 'site.profile.json', files[1]!]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/- boilerplate:site-template site\/template df=24\/24 .* 示例城市新闻网\n/u);
    expect(r.stdout).toMatch(/site\/template df=1[0-9]\/24 .* 编辑精选\n/u);
    const json = JSON.parse(run(['explain', '--profile', 'site.profile.json', files[1]!, '-f', 'json']).stdout) as { blocks: { text: string; template?: unknown }[] };
    expect(json.blocks.find((b) => b.text === '示例城市新闻网')!.template).toEqual({ df: 24, docs: 24 });
    expect(json.blocks.find((b) => b.text === folder.pages[1]!.paragraphs[0])!.template).toBeUndefined();
  });

  it('check reports template lines left in a dump as boilerplate-line findings', () => {
    const r = run(['check', '--profile', 'site.profile.json', files[1]!, '-r', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { files: { findings: { rule: string; text: string }[] }[] };
    const rules = report.files[0]!.findings.filter((f) => f.text === '编辑精选').map((f) => f.rule);
    expect(rules).toEqual(['site/template']);
  });
});

describe('deboil --learn on a batch', () => {
  const byText = (stdout: string): Map<string, string> =>
    new Map(
      stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Rec & { source: { path: string } })
        .map((r) => [readFileSync(join(tmp, r.source.path), 'utf8'), JSON.stringify({ ...r, source: null })]),
    );

  it('learns from the folder first, then cleans it: as --profile does, with -j 1, -j 4 and in another file order', () => {
    const one = run(['--learn', SITE, '-j', '1']);
    expect(one.code).toBe(0);
    expect(one.stderr.split('\n')[0]).toBe('deboil: learn: 24 document(s) of 1 site(s); 14 template line(s) (in 3+ documents and 30%+ of their site)');
    const four = run(['--learn', SITE, '-j', '4', '-q']);
    expect(four.stdout).toBe(one.stdout);
    expect(one.stdout).toBe(run(['--profile', 'site.profile.json', SITE, '-q']).stdout);
    const renamed = byText(run(['--learn', join('renamed', SITE), '-j', '3', '-q']).stdout);
    const original = byText(one.stdout);
    expect(renamed.size).toBe(24);
    for (const [text, rec] of original) expect(renamed.get(text)).toBe(rec);
  });

  it('writes one cleaned file per page with -o', () => {
    expect(run(['--learn', SITE, '-o', 'out', '-f', 'text', '-q']).code).toBe(0);
    for (const p of folder.pages) expect(readFileSync(join(tmp, 'out', p.name), 'utf8')).toBe(`${p.paragraphs.join('\n\n')}\n`);
  });

  it('refuses a single page and records on stdin, and says what to do instead', () => {
    const single = run(['--learn', files[0]!]);
    expect(single.code).toBe(2);
    expect(single.stderr).toBe('deboil: error: --learn needs the pages of a site: pass a folder, a glob or several files\n');
    const jsonl = run(['--learn', '--input-format', 'jsonl'], '{"text":"x"}\n');
    expect(jsonl.code).toBe(2);
    expect(jsonl.stderr).toMatch(/^deboil: error: --learn reads the inputs twice, and stdin only once: count the records with deboil learn --input-format jsonl/u);
  });
});

describe('JSON Lines records', () => {
  const recordsIn = (withSite: boolean) => folder.pages.map((p) => JSON.stringify({ id: p.name, ...(withSite ? { url: `https://www.${SITE}/${p.name}` } : {}), text: p.text })).join('\n');

  it('deboil learn counts them under their url host, as the folder gave', () => {
    const r = run(['learn', '--input-format', 'jsonl', '-q'], recordsIn(true));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(tmp, 'site.profile.json'), 'utf8'));
  });

  it('--profile applies by url host, and warns once about records without a site', () => {
    const r = run(['--input-format', 'jsonl', '--profile', 'site.profile.json', '-j', '2'], recordsIn(true));
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/warning/u);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Rec & { id: string });
    for (const [i, p] of folder.pages.entries()) expect(out[i]!.text, p.name).toBe(p.paragraphs.join('\n\n'));
    const bare = run(['--input-format', 'jsonl', '--profile', 'site.profile.json', '-j', '2'], recordsIn(false));
    expect(bare.stderr.match(/no site, url or path in the record/gu)?.length).toBe(1);
  });
});
