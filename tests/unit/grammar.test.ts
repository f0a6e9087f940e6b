import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/pipeline.js';
import type { MetricRecord } from '../../src/records/schema.js';

// The quantity grammar of docs/EXTRACTION.md, case by case. Each case is a
// sentence and the mentions it must yield (fields not listed are not checked).

type Expect = Partial<Pick<MetricRecord, 'text' | 'value' | 'valueMax' | 'unit' | 'approx' | 'dimension' | 'placeholder' | 'per' | 'unitAsWritten'>>;

function metrics(sentence: string): MetricRecord[] {
  return extractText(sentence, 'case.txt').records.filter((r): r is MetricRecord => r.kind === 'metric');
}

function check(cases: Array<[string, Expect[]]>): void {
  for (const [sentence, expected] of cases) {
    it(sentence, () => {
      const got = metrics(sentence);
      expect(got.map((m) => m.text)).toHaveLength(expected.length);
      expected.forEach((e, i) => expect(got[i]).toMatchObject(e));
    });
  }
}

describe('numerals', () => {
  check([
    ['培训镇村干部800余人次。', [{ text: '800余人次', value: 800, unit: '人次', approx: 'over', dimension: 'person_times' }]],
    ['人均可支配收入为 1.54 万元。', [{ value: 15400, unit: '元', dimension: 'money', unitAsWritten: '万元' }]],
    ['总投资2.5亿元。', [{ value: 250000000, unit: '元' }]],
    ['完成投资1,200万元。', [{ value: 12000000, unit: '元' }]],
    ['新建农户１２户。', [{ value: 12, unit: '户', dimension: 'households' }]],
    ['全镇有两千余人参加。', [{ text: '两千余人', value: 2000, approx: 'over', unit: '人' }]],
    ['举办活动十余个。', [{ value: 10, approx: 'over', unit: '个' }]],
    ['共有一百二十三户。', [{ value: 123, unit: '户' }]],
    ['带动三万五千人就业。', [{ value: 35000, unit: '人' }]],
    ['种植三十多万亩。', [{ value: 300000, approx: 'over', unit: '亩' }]],
    ['年产300多万公斤。', [{ value: 3000000, approx: 'over', unit: '公斤' }]],
    ['年产值达50余万元。', [{ value: 500000, approx: 'over', unit: '元' }]],
    ['完成1.2萬元投资，种植2406畝，建成5個。', [{ value: 12000, unit: '元' }, { value: 2406, unit: '亩' }, { value: 5, unit: '个' }]],
    ['存栏51313百羽。', [{ value: 5131300, unit: '羽', dimension: 'count' }]],
    ['装机2×35万千瓦。', [{ value: 700000, unit: '千瓦', dimension: 'power' }]],
    ['装机容量3兆瓦。', [{ value: 3000, unit: '千瓦' }]],
    ['出口额1029亿美元。', [{ value: 102900000000, unit: '美元', dimension: 'money' }]],
  ]);
});

describe('government work report phrasing', () => {
  check([
    ['全县生产总值比上年增长百分之七点五。', [{ text: '百分之七点五', value: 7.5, unit: '%' }]],
    ['完成投资三点五亿元。', [{ value: 350000000, unit: '元' }]],
    ['三次产业结构调整为13.8:36.6:49.6。', []],
    ['城镇登记失业率控制在3.5%以内。', [{ value: 3.5, approx: 'under' }]],
    ['人均GDP突破6万元。', [{ value: 60000, approx: 'over', unit: '元' }]],
    ['森林覆盖率达到63.2%，比2020年提高1.5个百分点。', [{ value: 63.2 }, { value: 1.5, unit: '个百分点' }]],
    ['新增城镇就业1.2万余人。', [{ value: 12000, approx: 'over', unit: '人' }]],
  ]);
});

describe('position in the text', () => {
  check([
    ['103个村实现了一肩挑。', [{ text: '103个', value: 103 }]],
    ['X户已识别', [{ text: 'X户', placeholder: true }]],
    ['已识别5户', [{ text: '5户', value: 5 }]],
  ]);
});

describe('fractions and percentages', () => {
  check([
    ['调整了三分之一。', [{ text: '三分之一', unit: '%', dimension: 'percent' }]],
    ['占比达到百分之六十。', [{ value: 60, unit: '%' }]],
    ['出生率为千分之三。', [{ value: 3, unit: '‰' }]],
    ['覆盖面达1/4。', [{ value: 25, unit: '%' }]],
    ['占比1/3以上。', [{ value: 33.3333333333, unit: '%', approx: 'over' }]],
    ['成本减少一半。', [{ value: 50, unit: '%' }]],
    ['森林覆盖率提高到60%。', [{ value: 60, unit: '%', approx: 'exact' }]],
    ['增长8.5％。', [{ value: 8.5, unit: '%' }]],
    ['下降3个百分点。', [{ value: 3, unit: '个百分点', dimension: 'percent' }]],
    ['自然增长率为-3.19‰。', [{ value: -3.19, unit: '‰' }]],
    ['分别回落2.16和1.66个百分点。', [{ value: 2.16, unit: '个百分点' }, { value: 1.66, unit: '个百分点' }]],
  ]);
  it('三分之一 is 33.33…%', () => {
    expect(metrics('调整了三分之一。')[0]!.value).toBeCloseTo(33.3333, 3);
  });
});

describe('qualifiers', () => {
  const over = ['余', '多', '以上'];
  for (const q of over) {
    check([[q === '以上' ? `完成50场次${q}。` : `完成50${q}场次。`, [{ approx: 'over', value: 50 }]]]);
  }
  const before: Array<[string, MetricRecord['approx']]> = [
    ['超过', 'over'], ['超', 'over'], ['逾', 'over'], ['突破', 'over'], ['高于', 'over'], ['大于', 'over'],
    ['不少于', 'over'], ['不低于', 'over'], ['至少', 'over'], ['近', 'under'], ['接近', 'under'], ['不足', 'under'],
    ['不到', 'under'], ['低于', 'under'], ['不超过', 'under'], ['至多', 'under'], ['约', 'about'], ['大约', 'about'],
  ];
  for (const [q, approx] of before) check([[`参保率${q}98%。`, [{ approx, value: 98 }]]]);
  const after: Array<[string, MetricRecord['approx']]> = [
    ['以上', 'over'], ['以下', 'under'], ['以内', 'under'], ['左右', 'about'], ['上下', 'about'], ['前后', 'about'],
  ];
  for (const [q, approx] of after) check([[`增长7%${q}。`, [{ approx, value: 7 }]]]);
  check([
    ['参保率大于 20%。', [{ approx: 'over', value: 20 }]],
    ['每村至少有一名女性干部。', [{ approx: 'over', value: 1, unit: '人' }]],
    ['分别达到90%和98%以上。', [{ approx: 'over', value: 90 }, { approx: 'over', value: 98 }]],
    ['预计增长7%和8%左右。', [{ approx: 'about' }, { approx: 'about' }]],
    ['突破1.5万亿元。', [{ approx: 'over', value: 1.5e12 }]],
    ['通过3年努力，建成5个基地。', [{ approx: 'exact', unit: '年' }, { approx: 'exact', unit: '个' }]],
    ['节约2万元。', [{ approx: 'exact', value: 20000 }]],
  ]);
});

describe('ranges and rates', () => {
  check([
    ['建设3-5个示范村。', [{ value: 3, valueMax: 5, approx: 'range', unit: '个' }]],
    ['建设3至5个示范村。', [{ value: 3, valueMax: 5, approx: 'range' }]],
    ['用三到五年时间完成。', [{ value: 3, valueMax: 5, approx: 'range', unit: '年', dimension: 'duration' }]],
    ['修路五六百米。', [{ value: 500, valueMax: 600, approx: 'range', unit: '米' }]],
    ['项目经费10万元/年。', [{ value: 100000, unit: '元', per: '年' }]],
    ['增速保持在5%-8%之间。', [{ text: '5%-8%', value: 5, valueMax: 8, approx: 'range' }]],
    ['增长5%至8%。', [{ value: 5, valueMax: 8, approx: 'range', unit: '%' }]],
    ['投资3万元至5万元。', [{ value: 30000, valueMax: 50000, approx: 'range', unit: '元' }]],
    ['2019年至2021年，建成5个。', [{ value: 5 }]],
    // A magnitude on both ends and the unit on the high end only.
    ['面积1万～2万亩。', [{ text: '1万～2万亩', value: 10000, valueMax: 20000, approx: 'range', unit: '亩', unitAsWritten: '万亩' }]],
    ['每户补助3万-5万元。', [{ text: '3万-5万元', value: 30000, valueMax: 50000, unitAsWritten: '万元' }]],
    ['年均增收2千至3千元。', [{ value: 2000, valueMax: 3000, approx: 'range', unit: '元' }]],
    ['奖励5千-1万元。', [{ value: 5000, valueMax: 10000, approx: 'range', unitAsWritten: '万元' }]],
    ['人均收入1.2万到1.5万元左右。', [{ value: 12000, valueMax: 15000, approx: 'about' }]],
    // 千米 is a unit, not 千 + 米: each end stands alone.
    ['修路3千-5千米。', [{ text: '3千-5千米', value: 3, valueMax: 5, unit: '公里', approx: 'range' }]],
  ]);
});

describe('units and dimensions', () => {
  const cases: Array<[string, string, string]> = [
    ['建成200㎡', '平方米', 'area'], ['建成200平方米', '平方米', 'area'], ['建成6000平方', '平方米', 'area'], ['建成200平米', '平方米', 'area'],
    ['面积3平方公里', '平方公里', 'area'], ['造林5公顷', '公顷', 'area'], ['种植30万亩', '亩', 'area'],
    ['新增就业5名', '人', 'persons'], ['表彰9位', '人', 'persons'], ['组织3家', '家', 'organizations'],
    ['产量8吨', '吨', 'mass'], ['产量8千克', '公斤', 'mass'], ['产量8斤', '斤', 'mass'],
    ['修路1.5公里', '公里', 'length'], ['修路1.5千米', '公里', 'length'], ['河堤4700米', '米', 'length'],
    ['蓄水300立方米', '立方米', 'volume'], ['清淤300方', '立方米', 'volume'],
    ['开展5次', '次', 'events'], ['举办5场', '场', 'events'], ['举办5期', '期', 'events'], ['完成两轮', '轮', 'events'],
    ['分3批', '批', 'events'], ['化解30起', '起', 'events'], ['办理8件', '件', 'events'], ['完成7项', '项', 'events'],
    ['发布9篇', '篇', 'events'], ['工作3个月', '个月', 'duration'], ['用时5天', '天', 'duration'], ['平均47.4岁', '岁', 'age'],
    ['增长1.5倍', '倍', 'ratio'], ['发电120万千瓦时', '千瓦时', 'energy'], ['得分95分', '分', 'score'],
    ['建成10所', '所', 'count'], ['建成5座', '座', 'count'], ['建成8处', '处', 'count'], ['修建3条', '条', 'count'],
    ['购置3台', '台', 'count'], ['购置3辆', '辆', 'count'], ['种植500株', '株', 'count'], ['养殖300头', '头', 'count'],
    ['培育5种', '种', 'count'], ['拍摄10部', '部', 'count'], ['发放500份', '份', 'count'],
  ];
  for (const [s, unit, dimension] of cases) check([[`${s}。`, [{ unit, dimension }]]]);
  check([
    ['全国有13亿人口。', [{ value: 1.3e9, unit: '人', dimension: 'persons' }]],
    ['总投资5.06亿的项目。', [{ value: 506000000, unit: '元', dimension: 'money' }]],
    ['市级以上媒体发布信息220篇，设主任 1 名。', [{ value: 220 }, { text: '1 名', value: 1 }]],
  ]);
});

describe('placeholders', () => {
  const quantity = ['X户', 'X人次', '20xx亩', '20xx万元', '*%', '*个', 'X%以上', '×个', 'XX万元', 'Ｘ人', '__户', 'xx.x亿元', 'x.x%'];
  for (const q of quantity) {
    check([[`完成${q}。`, [{ text: q, value: null, placeholder: true }]]]);
  }
  check([
    ['识别监测对象X户X人。', [{ text: 'X户', unit: '户' }, { text: 'X人', unit: '人' }]],
    ['就业率达到X%以上。', [{ approx: 'over', unit: '%', placeholder: true }]],
    ['投入***万元。', [{ text: '***万元', value: null, placeholder: true, unit: '元' }]],
    ['本次培训共（ ）人参加，合格率为（  ）%。', [{ text: '（ ）人', unit: '人', placeholder: true }, { text: '（  ）%', unit: '%', placeholder: true }]],
    ['全县第X次党代会。', []],
  ]);
  const texts: Array<[string, string]> = [
    ['立足XX镇的优势', 'XX'], ['贯彻党的XX大精神', 'XX'], ['以***重要讲话为指引', '***'], ['在某某村开展', '某某'],
    ['〇〇乡党委', '〇〇'], ['某镇党委', '某'], ['*镇', '*'], ['**县', '**'], ['___县', '___'],
    ['于20xx年完成', '20xx年'], ['202x年完成', '202x年'], ['X月X日召开', 'X月X日'], ['20xx年x月召开', '20xx年x月'], ['G230XX段', 'XX'],
    ['____年___月___日', '____年___月___日'], ['XX年XX月XX日', 'XX年XX月XX日'], ['全县第X次党代会', 'X'], ['在（ ）镇', '（ ）'],
  ];
  for (const [s, text] of texts) {
    it(`text placeholder in ${s}`, () => {
      const found = extractText(`${s}。`, 'case.txt').records.filter((r) => r.kind === 'text').map((r) => r.text);
      expect(found).toEqual([text]);
      expect(metrics(`${s}。`)).toEqual([]);
    });
  }
  it('masked names in a row are one slot, not emphasis: **县**镇', () => {
    expect(extractText('**县**镇。', 'case.txt').records.map((r) => r.text)).toEqual(['**县**镇']);
  });
  it('stars around words are emphasis in Markdown, masks in plain text', () => {
    expect(extractText('**重点工作**和加强*党建*引领。', 'case.md').records).toEqual([]);
    expect(extractText('加强*党建*引领。', 'case.txt').records.map((r) => r.text)).toEqual(['*', '*']);
  });
  for (const s of ['AI技术', '5G网络', 's312国道', '发展GDP', 'Ⅲ类水质', 'XXL号', '某些问题', '某种程度']) {
    it(`no placeholder in ${s}`, () => {
      expect(extractText(`${s}。`, 'case.txt').records).toEqual([]);
    });
  }
});

describe('exclusions', () => {
  const none = [
    '2021年', '2024年度', '2022年5月底', '5月', '2022-04-12 10:11:32', '一是强化组织保障', '第一书记', '(一)精准监测', '二、基本原则',
    '首批', '一期工程', '二期工程', '十四届五次全会', '二次发掘', '二轮延包', '党的十八大', '十九大精神', '三农工作', '增强“四个意识”',
    '做到“两个维护”', '五位一体', '四个全面', '一村一品', '一肩挑', '“3+1”帮带', '“1+3+N”体系', '“1+1+1+5”队伍', '九不能六不宜',
    '四清两强', '十大行动', '四大革命', '千村示范工程', '万企兴万村', '五级书记', '区乡村三级联动', '镇、村两级', '四治融合', '六长制',
    '三产融合', '一二三产业', '一站式服务', '最后一公里', '一系列', '中央八项规定', '两个市场两种资源', '五个一批', '写好三篇文章',
    '储备一批、开工一批', '成熟一家，批准一家', '零部件', '5G', 's312', 'G230', 'Ⅲ类', '千亩蔬菜产业园', '十三五', '十四五', '第三产业',
    '〔2022〕43号', '“五天四夜”驻村要求', '培育了一批企业', '一项长期任务', '一个阶段性的目标', '形成一条成熟的渠道', '新一轮计划',
    '10时30分', '实现“一升一降”目标', '2021—2025年', '2021-2025年', '二〇二一至二〇二五年', '坚决落实两个确保要求', '坚持两个毫不动摇', '落实三个转变', '推动两个健康',
  ];
  for (const s of none) {
    it(`no metric in ${s}`, () => {
      expect(metrics(`${s}。`)).toEqual([]);
    });
  }
});

describe('a lone 一 with a measure word', () => {
  check([
    ['建设智能温室大棚一座。', [{ value: 1, unit: '座' }]],
    ['今年新建一所学校。', [{ value: 1, unit: '所' }]],
    ['引进了一批企业。', []],
    ['作为一项长期任务来抓。', []],
    ['实施“十四五”规划和五年规划。', []],
    ['完成两轮相关建设。', [{ value: 2, unit: '轮' }]],
    ['建成三个示范点。', [{ value: 3, unit: '个' }]],
    ['在三个涉农乡场办设立办公室。', [{ value: 3, unit: '个' }]],
  ]);
});
