import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addDocument, emptyProfile, hashLine, serializeProfile } from '../../src/core/template.js';
import { fromProfile, loadProfiles, loadTemplates, siteOf } from '../../src/cli/templates.js';

const tmp = mkdtempSync(join(tmpdir(), 'deboil-templates-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('siteOf', () => {
  const file = '/data/scrape/news.example.com/2024/03/page.txt';

  it('is the folder name by default', () => {
    expect(siteOf({ path: file }, {})).toBe('03');
    expect(siteOf({ path: '/data/sina/a.txt' }, { siteFrom: 'dir' })).toBe('sina');
  });

  it('with --site-from host, is the nearest folder named like a host, without www.', () => {
    expect(siteOf({ path: file }, { siteFrom: 'host' })).toBe('news.example.com');
    expect(siteOf({ path: '/m/www.Example.co.uk/a/b.txt' }, { siteFrom: 'host' })).toBe('example.co.uk');
    // No such folder (a version number is not a host): the folder name, as dir gives.
    expect(siteOf({ path: '/m/v1.2/b.txt' }, { siteFrom: 'host' })).toBe('v1.2');
  });

  it('with --site-from none, is one site for every input, stdin included', () => {
    expect(siteOf({ path: file }, { siteFrom: 'none' })).toBe(siteOf({ path: null }, { siteFrom: 'none' }));
  });

  it("prefers a record's own site, then its url's host, and --site over all", () => {
    expect(siteOf({ path: file, site: 'sina.com.cn', url: 'http://news.sohu.com/x' }, {})).toBe('sina.com.cn');
    expect(siteOf({ path: file, url: 'http://www.sohu.com/a/1' }, {})).toBe('sohu.com');
    expect(siteOf({ path: file, url: 'not a url' }, {})).toBe('03');
    expect(siteOf({ path: file, site: 'sina.com.cn' }, { site: 'mine' })).toBe('mine');
  });

  it('is null for stdin, which has no folder', () => {
    expect(siteOf({ path: null }, {})).toBeNull();
    expect(siteOf({ path: '-' }, { siteFrom: 'host' })).toBeNull();
    expect(siteOf({ path: null }, { site: 'x' })).toBe('x');
  });
});

function profileFile(name: string, thresholds = { minDocs: 3, minShare: 0.3 }): string {
  const p = emptyProfile(thresholds);
  for (let i = 0; i < 4; i++) addDocument(p, 'site', [hashLine('menu'), hashLine(`story ${i}`)]);
  const path = join(tmp, name);
  writeFileSync(path, serializeProfile(p));
  return path;
}

describe('loadProfiles', () => {
  it('adds profiles up', async () => {
    const a = profileFile('a.json');
    const merged = await loadProfiles([a, a], tmp, {});
    expect(merged.sites.get('site')!.docs).toBe(8);
    expect(merged.sites.get('site')!.lines.get(hashLine('menu'))).toBe(8);
  });

  it('refuses profiles learnt with different thresholds unless the flags choose', async () => {
    const a = profileFile('a.json');
    const b = profileFile('b.json', { minDocs: 5, minShare: 0.5 });
    await expect(loadProfiles([a, b], tmp, {})).rejects.toThrow(/a\.json \(minDocs 3, minShare 0\.3\) and .*b\.json \(minDocs 5, minShare 0\.5\) were learnt with different thresholds/u);
    const chosen = await loadProfiles([a, b], tmp, { minDocs: 4 });
    expect(chosen.thresholds).toEqual({ minDocs: 4, minShare: 0.3 });
  });

  it('names the file and the key of a bad profile', async () => {
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, JSON.stringify({ schema: 'deboil-profile/1', thresholds: { minDocs: 3, minShare: 0.3 }, sites: { s: { docs: 2, lines: { 'Read more': 1 } } } }));
    await expect(loadProfiles([bad], tmp, {})).rejects.toMatchObject({ name: 'InputError', path: bad, message: expect.stringMatching(/^not a valid profile: sites\."s"\.lines\."Read more": /u) });
    await expect(loadProfiles([join(tmp, 'missing.json')], tmp, {})).rejects.toMatchObject({ name: 'InputError', message: 'no such profile' });
  });
});

describe('templates', () => {
  it('apply by site, and warn once that stdin has none', () => {
    const p = emptyProfile();
    for (let i = 0; i < 3; i++) addDocument(p, 'sina', [hashLine('menu')]);
    const warnings: string[] = [];
    const t = fromProfile(p, {}, (m) => warnings.push(m));
    expect(t.forDocument({ path: '/x/sina/a.txt' })?.templateDf('menu')).toBe(3);
    expect(t.forDocument({ path: '/x/sohu/a.txt' })).toBeNull();
    expect(t.forDocument({ path: null })).toBeNull();
    expect(t.forDocument({ path: null })).toBeNull();
    expect(warnings).toEqual(['-: no site for stdin, so no profile applies; pass --site NAME']);
  });

  it('--min-docs without a profile is a usage error', async () => {
    await expect(loadTemplates({ minDocs: 3 }, tmp, () => {})).rejects.toThrow(/--min-docs and --min-share need --profile/u);
  });
});
