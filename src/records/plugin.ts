import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { required } from '../stage.js';
import { reportKey } from './report-key.js';
import { locator } from './where.js';
import type { MetricRecord, ReportRecord, TextPlaceholderRecord } from './schema.js';
import { standardValue } from './standard.js';

/** Turns findings and their context into records, in document order. */
export const reportRecords: Plugin<[], Root> = function () {
  return (_tree, file) => {
    const text = String(file.value);
    const source = required(file.data.source, 'the report source');
    const { lines, tables } = required(file.data.layout, 'the layout');
    const where = locator(source.blocks, tables);
    const findings = required(file.data.findings, 'the findings');
    const context = required(file.data.context, 'the context');
    const records: ReportRecord[] = [];
    const report = reportKey(source.name);
    findings.mentions.forEach((m, i) => {
      const pos = lines.position(m.start);
      const c = context.mentions[i]!;
      // Fields copied one by one, not spread into the middle of the literal (a slow runtime call for every record).
      const at = where(m.start);
      const std = standardValue(m.dimension, m.unit, m.value, m.valueMax, m.per);
      const record: MetricRecord = {
        kind: 'metric',
        report,
        file: source.name,
        start: m.start,
        end: m.end,
        line: pos.line,
        column: pos.column,
        text: text.slice(m.start, m.end),
        page: at.page,
        table: at.table,
        value: m.value,
        valueMax: m.valueMax,
        unit: m.unit,
        unitAsWritten: m.unitAsWritten,
        approx: m.approx,
        placeholder: m.placeholder,
        dimension: m.dimension,
        per: m.per,
        valueStd: std.valueStd,
        valueMaxStd: std.valueMaxStd,
        unitStd: std.unitStd,
        sentence: c.sentence,
        subject: c.subject,
        status: c.status,
        period: c.period,
        section: c.section,
        theme: c.theme,
        year: context.report.year,
        format: source.format,
      };
      records.push(record);
    });
    findings.texts.forEach((t, i) => {
      const pos = lines.position(t.start);
      const c = context.texts[i]!;
      const at = where(t.start);
      const record: TextPlaceholderRecord = {
        kind: 'text',
        report,
        file: source.name,
        start: t.start,
        end: t.end,
        line: pos.line,
        column: pos.column,
        text: text.slice(t.start, t.end),
        page: at.page,
        table: at.table,
        placeholder: true,
        slot: t.reason === 'date' ? 'date' : 'word',
        sentence: c.sentence,
        section: c.section,
        format: source.format,
      };
      records.push(record);
    });
    records.sort((a, b) => a.start - b.start || a.end - b.end);
    file.data.records = records;
  };
};
