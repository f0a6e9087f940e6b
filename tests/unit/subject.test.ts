import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/pipeline.js';
import type { MetricRecord } from '../../src/records/schema.js';
import { themeOf, reportYear } from '../../src/context/theme.js';

// Hand-checked clauses and the subject the spec's rule gives for each
// amount: shortest complete phrase, no scope or filler words, a change keeps
// its verb.

const cases: Array<[string, Array<string | null>]> = [
  ['全镇中药材种植面积达到20xx亩。', ['中药材种植面积']],
  ['全镇共有家庭农场120家，农民合作社80家。', ['家庭农场', '农民合作社']],
  ['累计培训镇村干部800余人次。', ['培训镇村干部']],
  ['全年累计识别纳入监测对象X户X人。', ['识别纳入监测对象', '识别纳入监测对象']],
  ['截至目前，已召开专题调度会8次。', ['召开专题调度会']],
  ['跟踪培养后备党组织书记35名。', ['跟踪培养后备党组织书记']],
  ['全镇森林覆盖率提高到60%。', ['森林覆盖率提高']],
  ['目前，全镇已建成标准化学校10所，卫生院3所。', ['建成标准化学校', '卫生院']],
  ['成功注册了X个农产品商标。', ['农产品商标']],
  ['全镇建成了X个文化广场、X个农家书屋。', ['文化广场', '农家书屋']],
  ['新增特色种植基地X个，面积达X亩。', ['新增特色种植基地', '新增特色种植基地面积']],
  ['全年新建改造农村卫生厕所X户，普及率达到X%以上。', ['新建改造农村卫生厕所', '新建改造农村卫生厕所普及率']],
  ['旅游综合收入达到X万元。', ['旅游综合收入']],
  ['农村居民人均可支配收入为 1.54 万元。', ['农村居民人均可支配收入']],
  ['城乡居民医疗保险参保率达 98%以上。', ['城乡居民医疗保险参保率']],
  ['区级干部20人，每乡设专员5人。', ['区级干部', '每乡设专员']],
  ['轮换调整14名驻村队员。', ['驻村队员']],
  ['开展乡村振兴系统干部培训5次，累计培训干部369人次。', ['开展乡村振兴系统干部培训', '培训干部']],
  ['投入资金150万元。', ['投入资金']],
  ['在双河铺社区发展水稻种植460亩。', ['双河铺社区发展水稻种植']],
  ['设施农业大棚1700余亩。', ['设施农业大棚']],
  ['两委平均年龄从47.4岁下降到41.4岁。', ['两委平均年龄', '两委平均年龄']],
  ['本科学历增长63.6%。', ['本科学历增长']],
  ['农业总产值仅占2.3%。', ['农业总产值']],
  ['全区55个涉农社区均有活动场所。', ['涉农社区']],
  ['完成4000余平方绿化提升。', ['绿化提升']],
  ['实施总投资1亿元的水稻乡社区基础设施提升项目。', ['水稻乡社区基础设施提升项目总投资']],
  ['对损毁的4700米河堤进行修复重建。', ['河堤']],
  ['103个村(社区)100%实现了一肩挑。', ['村(社区)', '村(社区)']],
  ['制作视频6个，覆盖600余人。', ['制作视频', '覆盖']],
  ['地区生产总值增长6.5%。', ['地区生产总值增长']],
  ['粮食产量下降3%。', ['粮食产量下降']],
  ['新发展党员15名。', ['新发展党员']],
  ['一般公共预算收入12.3亿元，增长5.2%。', ['一般公共预算收入', '一般公共预算收入增长']],
  ['城乡居民人均可支配收入分别达到38562元和18236元，分别增长5.5%和7.1%。', ['城乡居民人均可支配收入', '城乡居民人均可支配收入', '城乡居民人均可支配收入增长', '城乡居民人均可支配收入增长']],
  ['城镇登记失业率控制在3.5%以内。', ['城镇登记失业率']],
  // The previous amount names the thing; its attribute shares words with it.
  ['全镇参保12000人，参保率达到100%。', ['参保', '参保率']],
  ['初中以下文化程度占比70.8%；60岁以上占比26.07%。', ['初中以下文化程度占比', '初中以下文化程度占比', '60岁以上占比']],
  // Nothing is borrowed from the sentence before.
  ['培训农民300人次。\n达到5%。', ['培训农民', null]],
];

describe('subject', () => {
  for (const [clause, subjects] of cases) {
    it(clause, () => {
      const got = extractText(clause, 'c.txt').records.filter((r): r is MetricRecord => r.kind === 'metric').map((r) => r.subject);
      expect(got).toEqual(subjects);
    });
  }
});

describe('theme and year', () => {
  it('a heading that names a theme decides', () => {
    expect(themeOf(['总结', '(四)生态振兴'], '保洁员', '配备了X名保洁员')).toBe('生态振兴');
  });
  it('otherwise keywords of the subject and sentence decide', () => {
    expect(themeOf(['总结'], '家庭农场', '全镇共有家庭农场120家')).toBe('产业振兴');
    expect(themeOf(['总结'], '化解矛盾纠纷', '已化解矛盾纠纷300余起')).toBe('社会治理');
    expect(themeOf([], '某物', '无关的句子')).toBe('other');
  });
  it('the report year comes from the title, else the opening lines', () => {
    expect(reportYear('正文', '乡镇2024年巩固脱贫攻坚成果工作总结')).toBe(2024);
    expect(reportYear('2023年，在县委领导下……', '工作总结')).toBe(2023);
    expect(reportYear('近年来，我镇……', '工作总结')).toBeNull();
  });
});
