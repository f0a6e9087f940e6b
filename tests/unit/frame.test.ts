import { describe, expect, it } from 'vitest';
import { analyseReport } from '../../src/context/report.js';
import { extractText } from '../../src/pipeline.js';
import type { MetricRecord } from '../../src/records/schema.js';

// Status and period of amounts (EXTRACTION.md section 4), on small reports
// of our own: each case is a report, the amount looked at, and the status
// and years it must get.

function frameOf(doc: string, amount: string): string {
  const m = extractText(doc, 'r.txt').records.find((r): r is MetricRecord => r.kind === 'metric' && r.text.includes(amount));
  if (!m) return 'no such amount';
  return `${m.status} ${m.period ? `${m.period.from ?? '…'}-${m.period.to}` : 'null'}`;
}

const SUMMARY = '城关镇2024年工作总结\n一、工作成效\n';
const GWR = '2025年某省政府工作报告\n——2025年1月15日在省第十四届人民代表大会第三次会议上\n一、2024年工作回顾\n';

const cases: Array<[string, string, string, string]> = [
  // Cue words in the clause.
  ['a result in a summary', SUMMARY + '全镇建成高标准农田3000亩。', '3000亩', 'actual 2024-2024'],
  ['完成', SUMMARY + '完成造林500亩。', '500亩', 'actual 2024-2024'],
  ['the plain present state', SUMMARY + '全镇有家庭农场120家。', '120家', 'actual 2024-2024'],
  ['现有', SUMMARY + '现有合作社45个。', '45个', 'actual 2024-2024'],
  ['同比增长', SUMMARY + '农民人均收入同比增长6.5%。', '6.5%', 'actual 2024-2024'],
  ['预期目标', SUMMARY + '明年预期目标是地区生产总值增长6%左右。', '6%', 'target 2025-2025'],
  ['力争 (a target is for the coming year)', SUMMARY + '力争新增就业800人。', '800人', 'target 2025-2025'],
  ['计划', SUMMARY + '计划投资30亿元建设新城。', '30亿元', 'target 2025-2025'],
  ['拟', SUMMARY + '拟新建村级养老服务站5个。', '5个', 'target 2025-2025'],
  ['预计 (全年 names no year of its own)', SUMMARY + '预计全年粮食产量达到12万吨。', '12万吨', 'target 2025-2025'],
  ['全年 in a review of a government work report', GWR + '全年完成水利建设投资654.7亿元。', '654.7亿元', 'actual 2024-2024'],
  ['a speech plans its own year', '交流发言：推进乡村振兴\n2024-04-23\n力争年内新建公厕20座。', '20座', 'target 2024-2024'],
  ['a deadline', SUMMARY + '到2027年，森林覆盖率达到45%。', '45%', 'target 2025-2027'],
  ['a deadline with 前', SUMMARY + '2025年底前完成改造300户。', '300户', 'target 2025-2025'],
  ['年内…实现', SUMMARY + '年内合作覆盖面实现80%。', '80%', 'target 2024-2024'],
  // Rules.
  ['a score in brackets', SUMMARY + '建立工作台账。（2分）', '2分', 'rule 2024-2024'],
  ['a weight in brackets', SUMMARY + '落实三项制度（10%）。', '10%', 'rule 2024-2024'],
  ['a threshold defining a group', SUMMARY + '培养35岁以下干部20名。', '35岁以下', 'rule 2024-2024'],
  ['a threshold of money', SUMMARY + '新增年营业收入5000万元以上企业8家。', '5000万元以上', 'rule 2024-2024'],
  ['a standard per unit', SUMMARY + '每村配备专干2人。', '2人', 'rule 2024-2024'],
  ['a subsidy standard', SUMMARY + '补贴标准为每亩100元。', '100元', 'rule 2024-2024'],
  ['a rate of funding', SUMMARY + '落实驻村第一书记10万元/年项目经费保障。', '10万元/年', 'rule 2024-2024'],
  ['a guaranteed minimum', SUMMARY + '确保亩产保底收益1500元。', '1500元', 'rule 2024-2024'],
  ['categories', SUMMARY + '按照三个类别进行考评。', '三个', 'rule 2024-2024'],
  ['a bound on a count of the things named after it only rounds', SUMMARY + '全镇选派超千名科技特派员服务企业。', '超千名', 'actual 2024-2024'],
  ['a bound on persons employed', SUMMARY + '龙头企业带动500人以上就业。', '500人以上', 'actual 2024-2024'],
  ['a bounded count under coming work', SUMMARY + '全镇建成道路12公里。\n二、2025年重点工作\n新建10个以上现代产业学院。', '10个以上', 'target 2025-2025'],
  ['a bound defining a class that is counted in turn', SUMMARY + '全镇职工100人以上企业20家。', '100人以上', 'rule 2024-2024'],
  ['a rounded amount is no threshold', SUMMARY + '完成4000余平方绿化提升。', '4000余平方', 'actual 2024-2024'],
  // Headings: review and coming work, absolute and relative.
  ['a heading of coming work', SUMMARY + '全镇建成道路12公里。\n二、2025年重点工作\n新建道路20公里。', '20公里', 'target 2025-2025'],
  ['下一步工作打算', SUMMARY + '全镇建成道路12公里。\n二、下一步工作打算\n新建道路20公里。', '20公里', 'target 2025-2025'],
  ['明年工作谋划', SUMMARY + '全镇建成道路12公里。\n二、明年工作谋划\n新建公厕5座。', '5座', 'target 2025-2025'],
  ['coming work that reports a result', SUMMARY + '全镇建成道路12公里。\n二、下一步工作打算\n已开工项目3个。', '3个', 'actual 2024-2024'],
  ['a year in a heading', '工作总结\n一、2023年工作情况\n新建道路5公里。', '5公里', 'actual 2023-2023'],
  ['过去一年工作回顾', GWR + '过去一年，全省地区生产总值增长5.1%。', '5.1%', 'actual 2024-2024'],
  ['a government work report plans the year it is given', GWR + '全省建成5G基站2万个。\n二、2025年工作安排\n今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右。', '5.5%', 'target 2025-2025'],
  ['今年 in a government work report', GWR + '今年要新增城镇就业60万人。', '60万人', 'target 2025-2025'],
  ['去年 in a government work report', GWR + '去年，全省粮食产量达到1300亿斤。', '1300亿斤', 'actual 2024-2024'],
  ['今年 in a summary', SUMMARY + '今年，全镇新增市场主体200户。', '200户', 'actual 2024-2024'],
  // Years stated in the clause.
  ['a year in the clause', SUMMARY + '2023年，全镇人均收入1.54万元。', '1.54万元', 'actual 2023-2023'],
  ['a range of years', SUMMARY + '2021—2023年累计投入资金3.5亿元。', '3.5亿元', 'actual 2021-2023'],
  ['a list of years', SUMMARY + '2019年、2020年完成改厕906户。', '906户', 'actual 2019-2020'],
  ['a plan period', SUMMARY + '“十四五”期间新建农村公路500公里。', '500公里', 'actual 2021-2025'],
  ['过去五年 in a government work report', GWR + '过去五年，全省城镇化率提高6个百分点。', '6个百分点', 'actual 2020-2024'],
  ['a frame holds for its passage', GWR + '过去五年，我们攻坚克难。全省新增高速公路1200公里。', '1200公里', 'actual 2020-2024'],
  ['未来N年', SUMMARY + '未来三年新建厂房10万平方米。', '10万平方米', 'target 2025-2027'],
  ['N年内', SUMMARY + '力争三年内培育龙头企业10家。', '10家', 'target 2025-2027'],
  ['a deadline in a plan', '2024年全县人居环境整治实施方案\n一、目标任务\n到2026年，卫生厕所普及率达到95%。', '95%', 'target 2024-2026'],
  ['连续N年', SUMMARY + '2024年粮食产量连续5年稳定在50万吨以上。', '50万吨', 'actual 2020-2024'],
  // 累计 and changes.
  ['累计 a stock with no start', SUMMARY + '全镇累计建成美丽乡村示范村30个。', '30个', 'actual …-2024'],
  ['累计 of the year\'s activity', SUMMARY + '累计培训农民1200人次。', '1200人次', 'actual 2024-2024'],
  ['from A to B with a year', SUMMARY + '2024年，城镇化率从58%提高到60%。', '58%', 'actual 2023-2023'],
  ['from A to B, the end', SUMMARY + '2024年，城镇化率从58%提高到60%。', '60%', 'actual 2024-2024'],
  ['from A to B with no year stated', SUMMARY + '平均年龄从47.4岁下降到41.4岁。', '47.4岁', 'actual 2024-2024'],
  // No year anywhere.
  ['a template with no year', '强村富民工作汇报\n一、主要做法\n全镇新建道路12公里。', '12公里', 'actual null'],
  ['a template plan with no year', '创建示范村工作方案\n一、主要任务\n新建公厕5座。', '5座', 'target null'],
  ['a posting date only when nothing else', '交流发言\n2024-04-23 | 阅读 : 202\n全镇新建道路12公里。', '12公里', 'actual 2024-2024'],
  // The year a change is measured from is not the amount's year.
  ['比 a year', GWR + '全省小学在校学生比2023年增加4%。', '4%', 'actual 2024-2024'],
  ['比 a year in Chinese numerals', GWR + '工业总产值比二〇二二年增长了18%。', '18%', 'actual 2024-2024'],
  ['同 a year 相比', GWR + '同2019年相比，城镇居民人均收入增加910元。', '910元', 'actual 2024-2024'],
  ['较 a year, the amount\'s own year stated', SUMMARY + '2023年全镇粮食产量较2022年增长3%。', '3%', 'actual 2023-2023'],
  ['比去年 in the coming year\'s budget', GWR + '二、2025年工作安排\n今年拟安排财政赤字1.2万亿元，比去年增加4000亿元。', '4000亿元', 'target 2025-2025'],
  ['a year 以来', GWR + '2020年以来，全省新增就业270万人。', '270万人', 'actual 2020-2024'],
  ['由 a year 的 A 上升到 B: A takes the year', GWR + '国营工业所占的比重由2019年的59%上升到63%。', '59%', 'actual 2019-2019'],
  ['由 a year 的 A 上升到 B: B is of the report', GWR + '国营工业所占的比重由2019年的59%上升到63%。', '63%', 'actual 2024-2024'],
  ['增加到 a year is the year of the value reached, not a deadline', GWR + '全省财政收入从2019年的8651亿元增加到2024年的18914亿元。', '18914亿元', 'actual 2024-2024'],
  // Full-width digits, as older reports write years.
  ['a full-width year in the clause', SUMMARY + '１９９８年，全镇粮食产量达到３６８０吨。', '３６８０吨', 'actual 1998-1998'],
  ['a full-width title year', '１９５６年政府工作报告\n一、１９５５年工作回顾\n全国粮食产量达到３６８０亿斤。', '３６８０亿斤', 'actual 1955-1955'],
  ['a full-width base year', '１９５６年政府工作报告\n一、１９５５年工作回顾\n小学在校学生比１９５４年增加４％。', '４％', 'actual 1955-1955'],
  // A government work report reviews in its first part and plans in the others, whatever their headings say.
  ['a later part of a work report whose first part reviews', '2025年某省政府工作报告\n一、牢记嘱托，全省建设取得新成效\n全省建成高速公路800公里。\n二、牢记使命，奋勇争先\n建设高速公路300公里。', '300公里', 'target 2025-2025'],
  ['its first part stays the review', '2025年某省政府工作报告\n一、牢记嘱托，全省建设取得新成效\n全省建成高速公路800公里。\n二、牢记使命，奋勇争先\n建设高速公路300公里。', '800公里', 'actual 2024-2024'],
  ['a report arranged by topic reviews and plans in every part', '1957年政府工作报告\n一、关于社会主义革命\n全国建成工厂800个。\n二、关于社会主义建设\n全国新建铁路3000公里。', '3000公里', 'actual 1956-1956'],
  ['a summary has no such parts', SUMMARY + '全镇建成道路12公里。\n二、产业发展\n新建基地5个。', '5个', 'actual 2024-2024'],
  // A heading naming a year after the report's opens the coming work, whatever else it says.
  ['a later year in a heading', '1980年政府工作报告\n一、1979年工作回顾\n粮食产量3.3亿吨。\n二、1981年国民经济计划的任务和主要指标\n钢产量3500万吨。', '3500万吨', 'target 1981-1981'],
];

describe('status and period', () => {
  for (const [name, doc, amount, expected] of cases) {
    it(`${name}: ${amount}`, () => {
      expect(frameOf(doc, amount)).toBe(expected);
    });
  }
});

describe('what a report is', () => {
  const cases: Array<[string, string, Partial<ReturnType<typeof analyseReport>>]> = [
    ['2025年河南省政府工作报告', '2025年1月18日在河南省第十四届人民代表大会第三次会议上', { kind: '政府工作报告', place: '河南省', level: 'province', year: 2024, targetYear: 2025 }],
    ['2025年宁夏政府工作报告', '', { kind: '政府工作报告', place: '宁夏', level: 'province', year: 2024 }],
    ['2024年北京市政府工作报告', '', { place: '北京市', level: 'province', year: 2023 }],
    ['海拉尔区2023年工作总结', '', { kind: '工作总结', place: '海拉尔区', level: 'county', year: 2023, targetYear: 2024 }],
    ['城关镇2024年乡村振兴工作情况汇报', '', { kind: '工作总结', place: '城关镇', level: 'township', year: 2024 }],
    ['XX镇2024年巩固脱贫成果工作总结', '', { place: 'XX镇', level: 'township' }],
    ['大河村2023年村务工作报告', '', { kind: '工作总结', place: '大河村', level: 'village', year: 2023 }],
    ['东风社区2024年工作总结', '', { place: '东风社区', level: 'village' }],
    ['赣州市2023年国民经济和社会发展统计公报', '', { kind: '统计公报', place: '赣州市', level: 'city', year: 2023 }],
    ['XX县“十四五”农业农村现代化规划', '', { kind: '规划', place: 'XX县', level: 'county', plans: true }],
    ['关于推进乡村振兴的实施意见', '', { kind: '方案/意见/办法', plans: true, place: null }],
    ['2024年全县农村人居环境整治实施方案', '', { kind: '方案/意见/办法', year: 2024, targetYear: 2024 }],
    ['在全市乡村振兴工作会议上的讲话', '', { kind: '讲话/发言', level: null }],
    ['交流发言：坚持党建引领乡村振兴', '', { kind: '讲话/发言' }],
    ['陕西省2024年粮食生产情况', '', { kind: '工作总结', place: '陕西省', level: 'province', year: 2024 }],
    ['1978年国务院政府工作报告', '', { place: '国务院', level: null, year: 1977, targetYear: 1978 }],
    ['政府工作报告', '——2018年3月5日在第十三届全国人民代表大会第一次会议上', { kind: '政府工作报告', year: 2017, targetYear: 2018 }],
    ['强村富民行动工作情况汇报', '近年来,我镇深入贯彻', { kind: '工作总结', year: null, place: null }],
    ['内蒙古自治区2024年工作要点', '', { kind: '方案/意见/办法', place: '内蒙古自治区', level: 'province' }],
    ['恩施土家族苗族自治州2023年工作总结', '', { place: '恩施土家族苗族自治州', level: 'city' }],
    ['鄂伦春自治旗2024年工作总结', '', { place: '鄂伦春自治旗', level: 'county' }],
    ['新华街道办事处2024年工作总结', '', { place: '新华街道', level: 'township' }],
    ['杭州市西湖区2024年国民经济和社会发展统计公报', '', { kind: '统计公报', place: '杭州市西湖区', level: 'county', year: 2024 }],
    ['黄陂区木兰乡双泉村2023年工作总结', '', { place: '黄陂区木兰乡双泉村', level: 'village' }],
    ['海拉尔区人民政府2024年工作报告', '', { place: '海拉尔区', level: 'county' }],
    ['城关镇人民政府关于2023年工作情况的报告', '', { place: '城关镇', level: 'township', year: 2023 }],
    ['创建乡村振兴先进镇工作方案', '', { kind: '方案/意见/办法', place: null }],
    ['2022年示范区乡村振兴战略实施情况', '以优化乡村产业结构为重点', { place: null }],
    ['乡镇2024年巩固脱贫攻坚成果工作总结', '围绕巩固脱贫攻坚成果与乡村振兴有效衔接', { place: null, year: 2024 }],
    ['××乡2024年工作总结', '', { place: '××乡', level: 'township' }],
    ['某镇2023年度工作总结', '', { place: '某镇', level: 'township', year: 2023 }],
    ['长阳土家族自治县2025年政府工作报告', '', { kind: '政府工作报告', place: '长阳土家族自治县', level: 'county', year: 2024 }],
    ['广西壮族自治区2024年国民经济和社会发展统计公报', '', { place: '广西壮族自治区', level: 'province', year: 2024 }],
  ];
  for (const [title, opening, expected] of cases) {
    it(title, () => {
      expect(analyseReport(title, `${title}\n${opening}`, `${title}\n${opening}`)).toMatchObject(expected);
    });
  }
});
