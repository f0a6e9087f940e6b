import { describe, expect, it } from 'vitest';
import { dice } from '../../src/eval/evaluate.js';
import { extractText } from '../../src/pipeline.js';
import type { MetricRecord } from '../../src/records/schema.js';

// The classes of subject of the frame issue, five sentences of our own
// each. An expected subject is met when the record's overlaps it the way
// eval scores subjects (character Dice ≥ 0.5), so a rule is held to what
// it must name, not to one spelling of it.

function subjectOf(doc: string, amount: string): string | null {
  const m = extractText(doc, 'r.txt').records.find((r): r is MetricRecord => r.kind === 'metric' && r.text.includes(amount));
  return m ? m.subject : 'no such amount';
}

const classes: Record<string, Array<[string, string, string]>> = {
  'an amount in brackets after the item it scores': [
    ['建立村级工作台账并按月更新。（2分）', '2分', '建立村级工作台账并按月更新'],
    ['落实三项制度（10%）。', '10%', '落实三项制度'],
    ['按时报送统计报表；（3分）', '3分', '按时报送统计报表'],
    ['开展入户走访。（5分）', '5分', '开展入户走访'],
    ['完成年度培训计划（20%）。', '20%', '完成年度培训计划'],
  ],
  'an amount before its noun': [
    ['全县建成500千伏变电站。', '500千伏', '变电站'],
    ['新建200亩连片基地。', '200亩', '连片基地'],
    ['建成1.5公里排水渠。', '1.5公里', '排水渠'],
    ['新修3000平方米文化广场。', '3000平方米', '文化广场'],
    ['铺设20公里供水管网。', '20公里', '供水管网'],
  ],
  'a verb of spending, the amount, its object': [
    ['投入1500万元整村推进户厕改造。', '1500万元', '整村推进户厕改造投入'],
    ['投资800万元新建冷链仓储中心。', '800万元', '新建冷链仓储中心投资'],
    ['设立5000万元乡村振兴基金。', '5000万元', '乡村振兴基金设立'],
    ['安排300万元用于村道维修。', '300万元', '用于村道维修安排'],
    ['整合2000万元建设高标准农田。', '2000万元', '建设高标准农田整合'],
  ],
  'parallel lists share the verb or head': [
    ['区微信公众号发布乡村振兴信息86篇，微博115篇。', '115篇', '微博发布乡村振兴信息'],
    ['全年共调整村党组织书记12人、委员30人。', '30人', '调整委员'],
    ['对现有帮扶政策延续41项，优化17项。', '17项', '优化帮扶政策'],
    ['新增农民专业合作社8家、家庭农场15家。', '15家', '新增家庭农场'],
    ['建成“美丽乡村”示范村3个、创建村5个。', '5个', '美丽乡村创建村'],
    ['第一、第三产业增加值分别增长3.2%和6.1%。', '3.2%', '第一产业增加值增长'],
    ['粮食、油料产量分别达到52万吨和3万吨。', '52万吨', '粮食产量达到'],
    ['今年力争交通、水利投资分别增长10%、8%。', '10%', '交通投资增长'],
    ['教育、科学和文化事业的支出分别为774亿元、536亿元和138亿元。', '536亿元', '科学事业的支出'],
  ],
  'a counted thing with its defining predicate': [
    ['全镇已与5个县市建立友好关系。', '5个', '建立友好关系的县市'],
    ['12个项目列入省重点。', '12个', '列入省重点的项目'],
    ['5家企业获评国家级龙头企业。', '5家', '获评国家级龙头企业的企业'],
    ['全乡有3种农产品获得绿色食品认证。', '3种', '获得绿色食品认证的农产品'],
    ['如上级通报的9条问题已全部整改。', '9条', '上级通报的问题'],
  ],
  'the subject sits in the previous clause or the heading': [
    ['（三）城南物流产业园项目\n计划投资30亿元。', '30亿元', '城南物流产业园项目投资'],
    ['发展玫瑰深加工产品，年产值达50余万元。', '50余万元', '玫瑰深加工产品年产值'],
    ['新增特色种植基地8个，面积达1200亩。', '1200亩', '特色种植基地面积'],
    ['全镇参加医疗保险的群众，参保率达到98%。', '98%', '参加医疗保险参保率'],
    ['（二）污水处理厂扩建工程\n总投资1.2亿元。', '1.2亿元', '污水处理厂扩建工程总投资'],
  ],
  '由A增加到B: both amounts take the thing that changes': [
    ['农村居民人均收入由1.2万元增加到1.5万元。', '1.5万元', '农村居民人均收入'],
    ['“两委”平均年龄从47.4岁下降到41.4岁。', '41.4岁', '两委平均年龄'],
    ['森林覆盖率从38%提高到42%。', '42%', '森林覆盖率'],
    ['贫困发生率由5.2%降至0.8%。', '0.8%', '贫困发生率'],
    ['养老金标准由55元提高到70元。', '70元', '养老金标准'],
  ],
};

describe('subject classes', () => {
  for (const [name, cases] of Object.entries(classes)) {
    describe(name, () => {
      for (const [doc, amount, expected] of cases) {
        it(`${amount} in ${doc.replace(/\n/g, ' ')}`, () => {
          const got = subjectOf(doc, amount);
          expect(got, `${got} for ${expected}`).not.toBeNull();
          expect(dice(got!, expected), `${got} for ${expected}`).toBeGreaterThanOrEqual(0.5);
        });
      }
    });
  }
});

/** One test per [report, amount, expected] case, the record's subject checked by `check`. */
function eachCase(cases: Array<[string, string, string]>, check: (got: string | null, expected: string) => void): void {
  for (const [doc, amount, expected] of cases) it(`${amount} in ${doc}`, () => check(subjectOf(doc, amount), expected));
}

// A 每 word right before the amount states its rate, which the record keeps in
// `per` or its sentence: the thing measured ends before it, whatever verb or
// preposition (为, 达到, 由, 从) stands between.
describe('a rate before the amount is not part of the subject', () => {
  const cases: Array<[string, string, string]> = [
    ['耕地地力保护补贴标准为每亩100元。', '100元', '耕地地力保护补贴标准'],
    ['城乡居民医保财政补助由每人每年610元提高到640元。', '610元', '城乡居民医保财政补助'],
    ['城乡居民医保财政补助由每人每年610元提高到640元。', '640元', '城乡居民医保财政补助'],
    ['孤儿基本生活保障标准从每人每月1200元提高到1300元。', '1200元', '孤儿基本生活保障标准'],
    ['村干部基本报酬达到每人每月3000元。', '3000元', '村干部基本报酬'],
    ['生均公用经费标准提高到每生每年800元。', '800元', '生均公用经费标准提高'],
  ];
  eachCase(cases, (got, expected) => expect(got).toBe(expected));
});

// A measure word comes after a number: one that ends the words before an
// amount ends a noun (充电桩, 生活圈), unless a numeral stands before it
// (another amount's 个).
describe('a noun ending in a measure word keeps it', () => {
  const cases: Array<[string, string, string]> = [
    ['全市新建电动汽车公共充电桩5000个。', '5000个', '充电桩'],
    ['城市一刻钟便民生活圈达到48个。', '48个', '生活圈'],
    ['打造粮油千亩高产示范片1000个。', '1000个', '示范片'],
    ['全县建设群众滑冰场24个。', '24个', '滑冰场'],
    ['新建电动车充电口12.9万个。', '12.9万个', '充电口'],
  ];
  eachCase(cases, (got, noun) => expect(got).toContain(noun));
  it('but not the measure word of the amount before', () => {
    expect(subjectOf('全市城镇化率提升0.9个百分点、达62.1%。', '62.1%')).not.toMatch(/0\.9|个/);
    expect(subjectOf('全市新增公园141座、累计达到973座。', '973座')).not.toMatch(/141|座/);
  });
});

// A name in quotes right after a count is what it counts, whole (its own
// numerals kept), with the nouns that go on from it, not what is said of it.
describe('a quoted name after the amount', () => {
  const cases: Array<[string, string, string]> = [
    ['全县建设16个“两通工程”项目。', '16个', '两通工程项目'],
    ['今年再推出30个“高效办成一件事”。', '30个', '高效办成一件事'],
    ['全市建成102个“美丽街区”。', '102个', '美丽街区'],
    ['新培育5条“一单制”试点线路。', '5条', '一单制试点线路'],
    ['17项“高效办成一件事”上线运行。', '17项', '高效办成一件事'],
  ];
  eachCase(cases, (got, expected) => expect(got).toBe(expected));
});
