import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/pipeline.js';
import { headingDepth, parseTextToTree, collectHeadings } from '../../src/structure/text-tree.js';

describe('heading grammar, level by level', () => {
  const cases: Array<[string, number | null]> = [
    ['第一章 总体要求', 2], ['第二部分 主要任务', 2],
    ['一、巩固脱贫攻坚成果', 3], ['二、2021年工作情况', 3],
    ['(一)精准动态监测。建立了机制', 4], ['（二）产业帮扶', 4],
    ['1.特色农业产业发展壮大:在巩固…', 5], ['2、人才引进', 5],
    ['(1)加强领导', 6], ['（2）完善机制', 6],
    ['一是强化组织保障。设立专班', 7], ['三是提升干部履职能力。', 7],
    ['1.5公里排水系统新建', null], ['全镇新建农村公路12公里。', null], ['2024年,在县委的领导下', null],
  ];
  for (const [line, depth] of cases) {
    it(`${line} → ${depth ?? 'paragraph'}`, () => expect(headingDepth(line)).toBe(depth));
  }

  it('builds mdast with a title and nested section paths', () => {
    const text = '城关镇2024年工作总结\n一、产业兴旺\n(一)种植业。全镇种植3000亩。\n一是优化结构。新增基地5个。\n二、生态宜居\n森林覆盖率60%。\n';
    const tree = parseTextToTree(text);
    expect(tree.children.map((c) => c.type)).toEqual(['heading', 'heading', 'heading', 'paragraph', 'heading', 'paragraph', 'heading', 'paragraph']);
    expect(collectHeadings(tree).map((h) => [h.depth, h.text])).toEqual([
      [1, '城关镇2024年工作总结'], [3, '一、产业兴旺'], [4, '(一)种植业'], [7, '一是优化结构'], [3, '二、生态宜居'],
    ]);
    const records = extractText(text, 'r.txt').records;
    expect(records.map((r) => r.section)).toEqual([
      ['城关镇2024年工作总结', '一、产业兴旺', '(一)种植业'],
      ['城关镇2024年工作总结', '一、产业兴旺', '(一)种植业', '一是优化结构'],
      ['城关镇2024年工作总结', '二、生态宜居'],
    ]);
  });

  it('positions of tree nodes are offsets into the original text, CRLF kept', () => {
    const text = '标题\r\n一、成效\r\n建成5个。';
    const tree = parseTextToTree(text);
    const heading = tree.children[1]!;
    expect(heading.position?.start).toMatchObject({ line: 2, column: 1, offset: 4 });
  });
});

describe('page furniture', () => {
  const page = [
    '欢迎来到范文网! 工作总结 工作计划',
    '当前位置:首页 > 范文大全 > 正文',
    '2024-04-23 | 阅读 : 202 | 下载量 :1 投诉',
    '城关镇工作总结',
    '全镇新建农村公路12公里，培训农民300人次，建成文化广场5个，覆盖全镇18个村，投入资金500万元。',
    '阅读量: 202 下载量:1 收藏: 36',
    '推荐阅读',
    '- 乡镇工作总结(10篇)2024-08-21',
  ].join('\n');

  it('keeps numbers of banners, counters and related lists out of the records', () => {
    const records = extractText(page, 'page.txt').records;
    expect(records.map((r) => r.text)).toEqual(['12公里', '300人次', '5个', '18个', '500万元']);
    expect(records[0]!.section).toEqual(['城关镇工作总结']);
  });

  it('--keep-furniture keeps them, at the same offsets', () => {
    const all = extractText(page, 'page.txt', { keepFurniture: true }).records;
    expect(all.map((r) => r.text)).toEqual(expect.arrayContaining(['10篇']));
    const kept = extractText(page, 'page.txt').records;
    for (const r of kept) expect(all.find((a) => a.start === r.start)?.text).toBe(r.text);
  });
});

describe('Markdown', () => {
  it('reads amounts from text, not from syntax, at offsets into the source', () => {
    const md = '# 城关镇工作总结\n\n## 一、产业\n\n**全镇**新建道路12公里，`代码5个`不算。\n\n- 培训X人次\n';
    const records = extractText(md, 'r.md').records;
    expect(records.map((r) => r.text)).toEqual(['12公里', 'X人次']);
    expect(md.slice(records[0]!.start, records[0]!.end)).toBe('12公里');
    expect(records[0]!.format).toBe('md');
  });
});

describe('a heading and its text on one line', () => {
  it('ends the heading at the space when there is no stop', () => {
    const tree = parseTextToTree('标题\n三、主要工作内容 (一)组建机构 XX 镇党委政府高度重视创建工作，组建工作机构\n');
    expect(collectHeadings(tree).map((h) => h.text)).toEqual(['标题', '三、主要工作内容']);
  });
});

describe('a heading with its own space', () => {
  it('keeps 第一章 总体要求 whole', () => {
    expect(collectHeadings(parseTextToTree('标题\n第一章 总体要求\n正文。\n')).map((h) => h.text)).toEqual(['标题', '第一章 总体要求']);
  });
});

describe('Markdown sections', () => {
  it('uses # headings and numbered paragraphs alike, nested under them', () => {
    const md = '# 城关镇工作总结\n\n## 一、产业振兴\n\n(一)种植业。全镇种植3000亩。\n\n二、生态振兴\n\n森林覆盖率60%。\n';
    const records = extractText(md, 'r.md').records;
    expect(records.map((r) => r.section)).toEqual([
      ['城关镇工作总结', '一、产业振兴', '(一)种植业'],
      ['城关镇工作总结', '二、生态振兴'],
    ]);
  });
});

describe('a part heading without a number', () => {
  const report = '2025年某省政府工作报告\n各位代表：\n2024年工作回顾\n全省粮食产量达到1300亿斤。\n（一）产业升级\n新建园区5个。\n2025年工作安排建议\n（一）扩大内需\n新建园区8个。\n存在的问题\n';
  it('is a line of its own that names a part, short and unpunctuated, above 一、 and (一)', () => {
    const heads = collectHeadings(parseTextToTree(report)).map((h) => [h.depth, h.text]);
    expect(heads).toEqual([
      [1, '2025年某省政府工作报告'], [2, '2024年工作回顾'], [4, '（一）产业升级'], [2, '2025年工作安排建议'], [4, '（一）扩大内需'], [2, '存在的问题'],
    ]);
  });
  it('gives the amounts under it their part: the coming work is a target', () => {
    const records = extractText(report, 'r.txt').records.filter((r) => r.kind === 'metric');
    expect(records.map((r) => [r.text, r.section.slice(1), r.kind === 'metric' ? r.status : null])).toEqual([
      ['1300亿斤', ['2024年工作回顾'], 'actual'],
      ['5个', ['2024年工作回顾', '（一）产业升级'], 'actual'],
      ['8个', ['2025年工作安排建议', '（一）扩大内需'], 'target'],
    ]);
  });
  it('is not the title, a sentence, a table row or a long line', () => {
    for (const line of ['全省工作回顾如下：', '重点工作\t完成情况', '一年来我们围绕重点工作持续用力取得明显成效', '做好重点工作，确保完成任务']) {
      const heads = collectHeadings(parseTextToTree(`某县2024年工作总结\n${line}\n`));
      expect(heads.map((h) => h.text)).toEqual(['某县2024年工作总结']);
    }
    expect(collectHeadings(parseTextToTree('2024年工作总结\n全镇建成道路5公里。\n'))[0]).toMatchObject({ depth: 1, text: '2024年工作总结' });
  });
});
