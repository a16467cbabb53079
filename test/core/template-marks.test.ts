import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createContext, extract, keptText } from '../../src/core/pipeline.js';
import { matchForm } from '../../src/core/text.js';
import { segment } from '../../src/core/segment.js';
import { addDocument, countDocument, emptyProfile, serializeProfile, siteTemplate, type SiteProfile } from '../../src/core/template.js';
import { defaultRules } from '../../src/rules/index.js';
import { languageProfiles } from '../../src/rules/langs.js';
import { siteFolder, type SitePage } from '../site-folder.js';

const ctx = createContext(defaultRules, languageProfiles);
const folder = siteFolder(24);
const featured = folder.pages[folder.featured]!;
const lead = featured.paragraphs[0]!;

function learn(pages: readonly SitePage[]): SiteProfile {
  const p = emptyProfile();
  for (const page of pages) addDocument(p, 'example', countDocument(segment(page.text)));
  return p;
}

const profile = learn(folder.pages);
const template = siteTemplate(profile, 'example')!;

describe('extract with a learnt site template', () => {
  it('keeps every paragraph of every page, the featured lead on its own page included', () => {
    for (const page of folder.pages) {
      const kept = extract(page.text, ctx, [], template).blocks.filter((b) => b.verdict.label === 'body').map((b) => b.text);
      expect(kept, page.name).toEqual(page.paragraphs);
    }
  });

  it('removes the quoted lead from every other page that the plain pipeline kept it on', () => {
    const quoting = folder.pages.filter((p) => p !== featured && p.text.includes(lead));
    expect(quoting.length).toBeGreaterThan(10);
    // Without the template the quote stays on some pages: that is what learning is for.
    expect(quoting.some((p) => keptText(extract(p.text, ctx).blocks).includes(lead))).toBe(true);
    for (const page of quoting) {
      const article = extract(page.text, ctx, [], template);
      expect(keptText(article.blocks), page.name).not.toContain(lead);
      expect(article.blocks.find((b) => b.text === lead)?.verdict.rule, page.name).toBe('site/template');
    }
  });

  // The footer follows the trending list, which takes it in: it goes as trending, as without a template.
  it('removes the template lines with reason site-template, or with the rule that already named them', () => {
    for (const page of folder.pages) {
      const blocks = extract(page.text, ctx, [], template).blocks;
      for (const line of folder.templateLines) {
        const b = blocks.find((x) => x.text === line);
        if (!b) continue;
        expect(b.verdict.label, `${page.name}: ${line}`).toBe('boilerplate');
        if (line === '登录 | 注册') expect(b.verdict.rule).toBe('zh/login');
      }
      const reasons = blocks.filter((b) => b.verdict.reason === 'site-template').map((b) => b.text);
      expect(reasons, page.name).toContain('示例城市新闻网');
      expect(reasons, page.name).toContain('民生');
    }
  });

  it('takes each page its own headline, never the quoted one', () => {
    for (const page of folder.pages) expect(extract(page.text, ctx, [], template).title, page.name).toBe(page.headline);
  });

  it('gives the same output whatever order the folder was counted in', () => {
    const reversed = learn([...folder.pages].reverse());
    const rotated = learn([...folder.pages.slice(7), ...folder.pages.slice(0, 7)]);
    expect(serializeProfile(reversed)).toBe(serializeProfile(profile));
    expect(serializeProfile(rotated)).toBe(serializeProfile(profile));
    const page = folder.pages[2]!;
    expect(JSON.stringify(extract(page.text, ctx, [], siteTemplate(reversed, 'example')))).toBe(JSON.stringify(extract(page.text, ctx, [], template)));
  });

  it('leaves an inline trending box to the rules, so its template items do not split the article', () => {
    const para = (k: number) =>
      `Paragraph ${k} of the story tells what the council decided on the night, and why the vote was close. The mayor said the bridge would open next spring if the money came through in time. Opponents said they would keep fighting the plan in court.`;
    const box = ['Trending News', 'Man arrested after a long chase', 'Jail guards charged with falsifying records', 'Safety officials urge a redesign', 'Storm leaves thousands without power'];
    const page = ['Council votes on the new bridge', '', para(1), '', para(2), '', ...box, '', para(3), '', para(4), ''].join('\n');
    const p = emptyProfile();
    for (let i = 0; i < 5; i++) addDocument(p, 'news', countDocument(segment(box.join('\n'))));
    const article = extract(page, ctx, [], siteTemplate(p, 'news'));
    expect(keptText(article.blocks)).toBe([1, 2, 3, 4].map(para).join('\n\n'));
    expect(keptText(article.blocks)).toBe(keptText(extract(page, ctx).blocks));
  });

  it('changes nothing on a page of another site, or without enough pages', () => {
    const page = folder.pages[0]!;
    const plain = JSON.stringify(extract(page.text, ctx));
    expect(siteTemplate(profile, 'elsewhere')).toBeNull();
    expect(siteTemplate(learn(folder.pages.slice(0, 2)), 'example')).toBeNull();
    expect(JSON.stringify(extract(page.text, ctx, [], null))).toBe(plain);
    const unrelated = 'A page with nothing in common.\n\nIts only paragraph is long enough to count as the article body on its own, surely.';
    expect(JSON.stringify(extract(unrelated, ctx, [], template))).toBe(JSON.stringify(extract(unrelated, ctx)));
  });
});

describe('extract with a template, on any page', () => {
  const line = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.constantFrom('', '首页', '编辑精选', '阅读全文', '热门新闻', lead, featured.headline, ...folder.templateLines, ...featured.paragraphs),
  );
  const dump = fc.array(line, { maxLength: 40 }).map((ls) => ls.join('\n'));

  it('never throws, and keeps only lines of the input', () => {
    fc.assert(
      fc.property(dump, (t) => {
        const input = new Set(segment(t).map((b) => b.text));
        const kept = extract(t, ctx, [], template).blocks.filter((b) => b.verdict.label === 'body' || b.verdict.label === 'heading');
        return kept.every((b) => input.has(b.text));
      }),
      { numRuns: 150 },
    );
  });

  it('changes nothing when no line of the page is template', () => {
    fc.assert(
      fc.property(dump, (t) => {
        const known = new Set(segment(t).map((b) => b.norm));
        fc.pre(folder.templateLines.concat(lead, featured.headline).every((l) => !known.has(matchForm(l))));
        return JSON.stringify(extract(t, ctx, [], template)) === JSON.stringify(extract(t, ctx));
      }),
      { numRuns: 100 },
    );
  });
});
