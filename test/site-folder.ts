// Generates a scrape folder of one site: every page has the same masthead, menu, sidebar box,
// trending list and footer around a different article. One story is featured: the sidebar box of
// most other pages quotes its headline and lead, so the lead is template by count but must stay on
// the story's own page.

export interface SitePage {
  readonly name: string;
  readonly text: string;
  readonly headline: string;
  /** The article's paragraphs, lead first. */
  readonly paragraphs: readonly string[];
}

export interface SiteFolder {
  readonly pages: readonly SitePage[];
  /** Index of the featured story in `pages`. */
  readonly featured: number;
  /** Lines of the template that single-page rules do not know. */
  readonly templateLines: readonly string[];
}

/** mulberry32: a tiny seeded generator, so every run builds the same folder. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CITIES = ['北京', '上海', '广州', '深圳', '杭州', '成都', '武汉', '西安', '南京', '重庆', '天津', '长沙'];
const ACTORS = ['市政府', '交通部门', '气象台', '教育局', '卫生部门', '环保组织', '研究团队', '行业协会', '消费者协会', '文旅部门'];
const TOPICS = ['公共交通', '空气质量', '中小学教育', '医疗服务', '城市绿化', '旧城改造', '夜间经济', '数字政务', '社区养老', '垃圾分类'];
const VERBS = ['全面推进', '逐步落实', '重新评估', '加快建设', '深入调研', '试点推广'];
const CLAUSES = [
  '相关负责人表示，这项工作关系到每一位市民的日常生活',
  '专家认为，这一变化将在未来几年内逐渐显现效果',
  '不少居民在接受采访时说，他们希望看到更多实际行动',
  '据介绍，有关方案已经征求了多方意见并作出修改',
  '业内人士指出，资金和人才仍然是需要解决的主要问题',
  '记者在现场看到，许多工作人员正在忙着布置场地',
];

// The first sentence of a story names its own city and topic, as the headline does: a real lead
// shares its words with its headline, and the title finder relies on that.
function sentence(rnd: () => number, story: number, k: number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const city = k === 0 ? CITIES[story % CITIES.length]! : pick(CITIES);
  const topic = k === 0 ? TOPICS[(story * 7) % TOPICS.length]! : pick(TOPICS);
  return `${city}${pick(ACTORS)}第${story + 1}号通报第${k + 1}段称，${topic}工作将在未来${2 + Math.floor(rnd() * 20)}个月内${pick(VERBS)}，${pick(CLAUSES)}。`;
}

function paragraph(rnd: () => number, story: number, k: number): string {
  return `${sentence(rnd, story, k * 2)}${sentence(rnd, story, k * 2 + 1)}`;
}

// Menu words and a sidebar header that no built-in rule lists: only the folder shows they are template.
const MASTHEAD = ['示例城市新闻网', '首页', '本地', '民生', '观察', '图说', '登录 | 注册'];
const BOX_HEADER = '编辑精选';
const FOOTER = ['关于本站 | 联系方式 | 投稿须知', '示例城市新闻网 2024 保留所有权利', '沪ICP备12345678号-1'];

/** `n` pages of one site; page `featured` is the story the sidebar box quotes on other pages. */
export function siteFolder(n = 24, seed = 7): SiteFolder {
  const rnd = random(seed);
  const featured = Math.floor(n / 3);
  const stories = Array.from({ length: n }, (_, s) => ({
    headline: `${CITIES[s % CITIES.length]}${TOPICS[(s * 7) % TOPICS.length]}新举措第${s + 1}期出台`,
    paragraphs: Array.from({ length: 3 + Math.floor(rnd() * 4) }, (_, k) => paragraph(rnd, s, k)),
    date: `2024-03-${String(1 + (s % 28)).padStart(2, '0')} 10:${String(10 + s).padStart(2, '0')} 来源：示例城市新闻网`,
  }));
  const feature = stories[featured]!;
  const pages = stories.map((story, s): SitePage => {
    // The box quotes the featured story on two pages in three, never on its own page; it stands
    // above the headline on even pages and below the article on odd ones.
    const box = s !== featured && s % 3 !== 2 ? [BOX_HEADER, feature.headline, feature.paragraphs[0]!, ''] : [];
    const text = [
      ...MASTHEAD,
      '',
      ...(s % 2 === 0 ? box : []),
      story.headline,
      story.date,
      '',
      ...story.paragraphs.flatMap((p) => [p, '']),
      ...(s % 2 === 1 ? box : []),
      '热门新闻',
      ...[1, 2, 3].map((k) => stories[(s + k) % n]!.headline),
      '',
      ...FOOTER,
      '',
    ].join('\n');
    return { name: `page-${String(s + 1).padStart(2, '0')}.txt`, text, headline: story.headline, paragraphs: story.paragraphs };
  });
  return { pages, featured, templateLines: [...MASTHEAD, BOX_HEADER, ...FOOTER] };
}
