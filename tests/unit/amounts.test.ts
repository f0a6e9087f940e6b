import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/pipeline.js';
import type { MetricRecord } from '../../src/records/schema.js';

// The number grammar, rule by rule, on sentences of our own (never the
// peers' test data): each row is a sentence and the amounts it states, as
// text = value [~ valueMax] unit approx.

function amounts(text: string): string[] {
  return extractText(text, 'a.txt')
    .records.filter((r): r is MetricRecord => r.kind === 'metric')
    .map((r) => `${r.text}=${r.value}${r.valueMax !== null ? `~${r.valueMax}` : ''} ${r.unit} ${r.approx}`);
}

const cases: Array<[string, string, string[]]> = [
  // A magnitude or unit written once at the end of a range applies to both ends.
  ['range shares the magnitude', '全县计划新增就业两到三万人。', ['两到三万人=20000~30000 人 range']],
  ['range shares the magnitude', '单个项目补助3-5万元。', ['3-5万元=30000~50000 元 range']],
  ['range shares the magnitude', '年收入十八至三十万元不等。', ['十八至三十万元=180000~300000 元 range']],
  ['range shares the magnitude', '投资一千到两千万元建设冷库。', ['一千到两千万元=10000000~20000000 元 range']],
  ['one digit takes the place', '每户补贴两到三千元。', ['两到三千元=2000~3000 元 range']],
  ['one digit takes the place', '预计投入八到九百亿元。', ['八到九百亿元=80000000000~90000000000 元 range']],
  ['mixed scripts', '门票两~3百元。', ['两~3百元=200~300 元 range']],
  ['low end too large to scale', '奖励从8500到3万元不等。', ['8500到3万元=8500~30000 元 range']],
  ['any dash, spaces allowed', '每村配备20–100个监测点，每批20 - 50人。', ['20–100个=20~100 个 range', '20 - 50人=20~50 人 range']],
  ['double dash between two amounts', '贷款额度为1万元--5万元。', ['1万元--5万元=10000~50000 元 range']],
  ['inclusive bound', '补助标准为1万(含)-5万元。', ['1万(含)-5万元=10000~50000 元 range']],
  ['whole numerals on both ends', '运量达到三亿二千万至三亿五千万吨。', ['三亿二千万至三亿五千万吨=320000000~350000000 吨 range']],
  ['both ends with 百分之', '成本降低百分之二到百分之三。', ['百分之二到百分之三=2~3 % range']],
  // Negative amounts keep their sign; a dash between amounts or inside a word is no sign.
  ['negative', '出口增速为负3.9%，利润下降到-5.2%。', ['负3.9%=-3.9 % exact', '-5.2%=-5.2 % exact']],
  ['negative share', '价格指数为百分之负一点二。', ['百分之负一点二=-1.2 % exact']],
  ['负 inside a word', '为企业减负2500亿元以上。', ['2500亿元以上=250000000000 元 over']],
  ['below zero', '最低气温零下12摄氏度。', ['零下12摄氏度=-12 ℃ exact']],
  // Shares as 成 and 折, halves, 万分之.
  ['tenths', '九成以上的农户参加了合作社，粮食产量增加两成。', ['九成以上=90 % over', '两成=20 % exact']],
  ['tenths and a half', '覆盖率提高到七成半。', ['七成半=75 % exact']],
  ['discounts', '门票打八五折，淡季打对折。', ['八五折=85 % exact', '对折=50 % exact']],
  ['a word beginning with 成 is no share', '三成本地企业', []],
  ['a half after the unit', '渠道长两米半，每人分得一吨半化肥，工期三年半。', ['两米半=2.5 米 exact', '一吨半=1.5 吨 exact', '三年半=3.5 年 exact']],
  ['a half before the unit', '用半年时间完成，每户发放半斤种子，历时一个半小时。', ['半年=0.5 年 exact', '半斤=0.5 斤 exact', '一个半小时=1.5 小时 exact']],
  ['half-year periods are no amount', '上半年经济运行平稳。', []],
  ['ten-thousandths', '事故率控制在万分之三以内。', ['万分之三以内=0.03 % under']],
  ['neighbouring digits after 百分之', '利润下降了百分之二三十。', ['百分之二三十=20~30 % range']],
  // Money in any currency, currency before the number, parts of a yuan.
  ['currency names', '出口额1.2亿美元，引进外资3000万港元、500万欧元和2亿日元。', ['1.2亿美元=120000000 美元 exact', '3000万港元=30000000 港元 exact', '500万欧元=5000000 欧元 exact', '2亿日元=200000000 日元 exact']],
  ['currency first', '捐款人民币300元，另有港币两千元。', ['人民币300元=300 元 exact', '港币两千元=2000 港元 exact']],
  ['currency signs', '单价￥45，运费$12。', ['￥45=45 元 exact', '$12=12 美元 exact']],
  ['currency after 元', '融资8亿元人民币。', ['8亿元人民币=800000000 元 exact']],
  ['台币 is money', '发行债券50亿台币。', ['50亿台币=5000000000 新台币 exact']],
  ['parts of a yuan', '每斤售价三元五角，另收八毛钱。', ['三元五角=3.5 元 exact']],
  ['块 at the end is money, before a noun it counts', '售价每斤五块，新修3块地。', ['五块=5 元 exact', '3块=3 块 exact']],
  ['financial numerals', '合计人民币壹仟伍佰圆整。', ['人民币壹仟伍佰圆=1500 元 exact']],
  ['thousands letter', '月薪10~15k元。', ['10~15k元=10000~15000 元 range']],
  // Temperatures, ages, new units.
  ['temperatures', '室温保持在26℃，水温升高5度。', ['26℃=26 ℃ exact', '5度=5 ℃ exact']],
  ['electricity, not temperature', '全年用电1200万度。', ['1200万度=12000000 千瓦时 exact']],
  ['full years of age', '年满十八周岁的居民。', ['十八周岁=18 岁 exact']],
  ['age in months', '接种对象为六个月大的婴儿。', ['六个月大=6 个月 exact']],
  ['centimetres and megabytes', '树苗高80公分，带宽500兆比特每秒，存储200GB。', ['80公分=0.8 米 exact', '500兆比特每秒=500000000 比特/秒 exact', '200GB=200000000000 字节 exact']],
  ['a Chinese numeral before 千瓦', '装机容量一百千瓦。', ['一百千瓦=100 千瓦 exact']],
  ['the tael', '黄金二两，白银三十两。', ['二两=2 两 exact', '三十两=30 两 exact']],
  ['kilovolts and concentrations', '建成500千伏变电站，PM2.5浓度降至28微克/立方米。', ['500千伏=500000 伏 exact', '28微克/立方米=28 微克/立方米 exact']],
  ['several and tens of', '新建几十座水库，惠及十几万人，投资数十亿元。', ['几十座=10~100 座 over', '十几万人=100000~200000 人 over', '数十亿元=1000000000~10000000000 元 over']],
  ['两个亿', '投入两个亿元建设新区。', ['两个亿元=200000000 元 exact']],
  // Qualifiers.
  ['at least and at most', '年龄不小于三十岁，人数不大于50人。', ['不小于三十岁=30 岁 over', '不大于50人=50 人 under']],
  ['inclusive and over', '贷款50万元（含）以上的项目。', ['50万元（含）以上=500000 元 over']],
  // What is not an amount.
  ['web addresses', '详见 https://www.gov.cn/search?q=30%25%20%E4%B8%AD 和 http://a.cn/3%', []],
  ['dates written in words', '二零二一年三月四日召开，九月九日结束，廿二日复会。', []],
  ['nothing', '零年零月', []],
  ['a decimal count numbers a section', '2.2本项目计划投资500万元。', ['500万元=5000000 元 exact']],
  ['an average may be a fraction', '每百户拥有汽车21.5辆。', ['21.5辆=21.5 辆 exact']],
  ['between', '在10000与20000间选择。', []],
  ['periods named with 一年', '过去一年，我们攻坚克难；提前一年完成任务。', ['一年=1 年 exact']],
  ['small units never rise', '收盘价的百分之七十百分位。', ['百分之七十=70 % exact']],
  ['percentages spaced out', '增长率 5 ．5 ％，占比六 点 五 成。', ['5 ．5 ％=5.5 % exact', '六 点 五 成=65 % exact']],
  // Numerals that state no amount: slogans, phases, names, spaced ordinals, idioms.
  ['slogan of a change, unquoted', '推动两个转型，实现三个融合。', []],
  ['slogan quoted in any marks', '打好“三张牌”，守住「两条底线」。', []],
  ['a count beside it stays', '建设两个基地，新增三个试点。', ['两个=2 个 exact', '三个=3 个 exact']],
  ['spaced ordinals', '按照第 3 条和第 十 章执行。', []],
  ['project phases', '园区二期）工程、一期、二期项目和三期等工程。', []],
  ['sessions counted in Arabic stay', '举办培训班3期、参训200人。', ['3期=3 期 exact', '200人=200 人 exact']],
  ['numerals inside names and terms', '三元乳业打破二元结构。', []],
  ['money in Chinese numerals stays', '每人补助五元。', ['五元=5 元 exact']],
  ['idioms', '不能三天两头开会，成千上万群众受益。', []],
  // Amounts said with a magnitude alone, or with people as the unit.
  ['a magnitude alone with a qualifier', '上万人参加活动，近万人受益，吸引上千家企业。', ['上万人=10000 人 over', '近万人=10000 人 under', '上千家=1000 家 over']],
  ['a magnitude before a noun for people', '8亿农民共享成果，3万群众受益。', ['8亿=800000000 人 exact', '3万=30000 人 exact']],
  ['m2 and m3 for square and cubic metres', '新建厂房5000m2，蓄水池300m3。', ['5000m2=5000 平方米 exact', '300m3=300 立方米 exact']],
  // A unit or qualifier written once for a list, at either end; negative items inside it.
  ['unit after a list of bare numbers', '产量分别为10、2、30万吨。', ['10=100000 吨 exact', '2=20000 吨 exact', '30万吨=300000 吨 exact']],
  ['each item keeps its own magnitude', '产量分别为10万、2万、30万吨。', ['10万=100000 吨 exact', '2万=20000 吨 exact', '30万吨=300000 吨 exact']],
  ['a magnitude item is no list head of a count', '种植10万、新建3个。', ['3个=3 个 exact']],
  ['qualifier before the first item', '覆盖率分别超过90%、95%和98%。', ['超过90%=90 % over', '95%=95 % over', '98%=98 % over']],
  ['qualifier after the last item', '分别达到90%和98%以上。', ['90%=90 % over', '98%以上=98 % over']],
  ['a negative item inside a list', '分别增长5%、-3%和8%，分别为-2、3和5个百分点。', ['5%=5 % exact', '-3%=-3 % exact', '8%=8 % exact', '-2=-2 个百分点 exact', '3=3 个百分点 exact', '5个百分点=5 个百分点 exact']],

];

describe('amounts', () => {
  for (const [rule, text, expected] of cases) {
    it(`${rule}: ${text}`, () => {
      expect(amounts(text)).toEqual(expected);
    });
  }
});
