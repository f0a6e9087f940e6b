import type { Lang } from '../lint/messages.js';
import { TABLE_COLUMNS, type REPORT_COLUMNS } from '../records/columns.js';
import type { Dimension, Level } from '../records/dimensions.js';

// What an analyst reads in a table (CSV, XLSX, the summary): column headers
// and the names of coded values, in Chinese by default. In English the
// headers are the dataset's own field names and the codes stay as they are,
// so an English table and the JSON Lines agree word for word. JSON Lines and
// Parquet always keep the codes: they are the dataset's schema.

type MetricColumn = (typeof TABLE_COLUMNS)[number];
type ReportColumn = (typeof REPORT_COLUMNS)[number];

const METRIC_HEADERS_ZH: Record<MetricColumn, string> = {
  report: '报告编号', file: '文件', kind: '记录类型', line: '行', column: '列', start: '起始位置', end: '结束位置',
  page: '页码', tableIndex: '表格', tableRow: '表格行', tableColumn: '表格列',
  text: '原文', value: '数值', valueMax: '数值上限', unit: '单位', unitAsWritten: '原文单位',
  valueStd: '标准数值', valueMaxStd: '标准数值上限', unitStd: '标准单位', approx: '约数', placeholder: '待填',
  dimension: '计量类别', per: '计量周期', subject: '指标', status: '状态', periodFrom: '起始年份', periodTo: '截止年份',
  section: '所在章节', theme: '主题', year: '报告年份', format: '文件格式', sentence: '原句',
};

const REPORT_HEADERS_ZH: Record<ReportColumn, string> = {
  report: '报告编号', file: '文件', title: '标题', kind: '报告类型', place: '地区', level: '行政级别', year: '年份',
  format: '文件格式', encoding: '编码', pages: '页数', metrics: '指标数', quantityPlaceholders: '待填数值',
  textPlaceholders: '待填文字', furnitureLines: '网页杂项行数', warnings: '警告数', error: '错误',
};

export const DIMENSION_ZH: Record<Dimension, string> = {
  area: '面积', money: '金额', persons: '人数', person_times: '人次', households: '户数', organizations: '单位数',
  percent: '百分比', count: '个数', events: '次数', mass: '重量', length: '长度', volume: '体积', duration: '时长',
  age: '年龄', ratio: '倍数', power: '功率', energy: '能量', score: '分值', temperature: '温度', speed: '速度',
  data: '数据量', frequency: '频率', pressure: '压强', electric: '电学量', angle: '角度', force: '力',
  radiation: '辐射量', light: '光学量', amount: '物质的量', sound: '声级', concentration: '浓度',
};

const LEVEL_ZH: Record<Level, string> = { province: '省级', city: '市级', county: '县级', township: '乡镇级', village: '村级' };

/** Themes are Chinese words already; only the catch-all has a code. */
const THEME_ZH: Record<string, string> = { other: '其他' };

const VALUES_ZH: Partial<Record<MetricColumn | ReportColumn, Record<string, string>>> = {
  kind: { metric: '指标', text: '文字占位符', other: '其他' },
  approx: { exact: '精确', about: '约', over: '以上', under: '以下', range: '区间' },
  status: { actual: '实绩', target: '目标', rule: '标准' },
  dimension: DIMENSION_ZH,
  theme: THEME_ZH,
  level: LEVEL_ZH,
};

export function metricHeaders(lang: Lang): string[] {
  return TABLE_COLUMNS.map((c) => metricHeader(c, lang));
}

export function metricHeader(column: MetricColumn, lang: Lang): string {
  return lang === 'zh' ? METRIC_HEADERS_ZH[column] : column;
}

export function reportHeader(column: ReportColumn, lang: Lang): string {
  return lang === 'zh' ? REPORT_HEADERS_ZH[column] : column;
}

/** A cell's value as the reader of a table sees it: coded values and booleans named in Chinese. */
export function cellLabel(column: MetricColumn | ReportColumn, value: string | number | boolean | null, lang: Lang): string | number | boolean | null {
  if (lang !== 'zh' || value === null) return value;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value !== 'string') return value;
  return VALUES_ZH[column]?.[value] ?? value;
}

export function dimensionLabel(dimension: string, lang: Lang): string {
  return lang === 'zh' ? (DIMENSION_ZH[dimension as Dimension] ?? dimension) : dimension;
}

export function themeLabel(theme: string, lang: Lang): string {
  return lang === 'zh' ? (THEME_ZH[theme] ?? theme) : theme;
}
