import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/pipeline.js';

// Every form a drafter leaves a blank in (EXTRACTION.md section 2), on
// sentences of our own: each row is the text and its placeholders as
// kind:text, nothing else.

function placeholders(text: string, name = 'draft.txt'): string[] {
  return extractText(text, name).records.filter((r) => r.placeholder).map((r) => `${r.kind}:${r.text}`);
}

const cases: Array<[string, string, string[]]> = [
  ['stars that pair up on a line are masks', '**市**区开展调研，***县***镇完成改造。', ['text:**市**区', 'text:***县***镇']],
  ['stars beside text are masks, of any length', '由*负责，**县新建X个，***推进。', ['text:*', 'text:**', 'metric:X个', 'text:***']],
  ['a full-width star', '＊＊乡完成改造＊户。', ['text:＊＊', 'metric:＊户']],
  ['a masked place and the place in it are one slot', 'XX镇XX村建成示范点。', ['text:XX镇XX村']],
  ['a count of villages and one of households stay apart', '涉及X村X户。', ['metric:X', 'metric:X户']],
  ['a number masked on both sides of its magnitude', '完成投资X万XX元。', ['metric:X万XX元']],
  ['two runs a space apart', '联系人XXX XXX负责。', ['text:XXX XXX']],
  ['a masked count before the thing counted', '全镇辖xx行政村，共X所学校。', ['metric:xx', 'metric:X所']],
  ['a masked magnitude of people', '全县人口x万，其中农业人口X万人。', ['metric:x万', 'metric:X万人']],
  ['empty brackets before a unit', '覆盖率达到【】%，投入（ ）万元，又投入（）万元。', ['metric:【】%', 'metric:（ ）万元', 'metric:（）万元']],
  ['an empty pair of brackets with no unit is no blank', '详见附件（）说明。', []],
  ['a policy name ending in ×', '开展“数据要素×”行动和人工智能+行动，实施数据要素×三年计划。', []],
  ['a multiplication is no mask', '建设2×35万千瓦机组。', []],
  ['a date slot is one span', '于20xx年x月x日前完成。', ['text:20xx年x月x日']],
];

describe('placeholder forms', () => {
  for (const [rule, text, expected] of cases) {
    it(`${rule}: ${text}`, () => {
      expect(placeholders(text)).toEqual(expected);
    });
  }

  it('Markdown emphasis stays emphasis in a .md file', () => {
    expect(placeholders('**重点工作**：新建X个广场。', 'draft.md')).toEqual(['metric:X个']);
  });
});

describe('what published reports write that is no blank', () => {
  for (const [rule, text] of [
    ['zeros written as circles in a Chinese year', '编制一九八六年到二○○○年的规划，二〇二一年完成。'],
    ['a programme named by digits and a letter in quotes', '加快培育“415X”先进制造业集群，完善“141X”规划体系。'],
  ] as const) {
    it(`${rule}: ${text}`, () => {
      expect(placeholders(text)).toEqual([]);
    });
  }
});
