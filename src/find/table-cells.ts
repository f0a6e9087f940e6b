import type { TableCell, TextTable } from '../structure/tables.js';
import type { CellFrame, Mention } from './amount.js';

// Numbers in table cells whose unit the table states once: in the column's
// or the row's header (面积（亩）, 金额(万元), 增长(%)) or in its caption
// (单位：万元). Each such cell is read as the number followed by that unit,
// with the grammar every other amount goes through, and takes from its
// headers what it measures, whether it is a target or done, and its year.

const HEADER_UNIT = [/[（(]\s*(?:单位\s*[:：]\s*)?([^（）()]{1,12}?)\s*[)）]\s*$/, /单位\s*[:：]\s*(\S{1,12})$/, /[/／]\s*([^/／\d\s]{1,8})$/];
const NUMBER_CELL = /^[-−+]?\d[\d,，]*(?:[.．]\d+)?$/;
/** Columns of labels, not amounts. */
const LABEL_COLUMN = /序号|编号|代码|编码|排名|名次|排序|年份|年度|^年$|^时间$|^日期$/;
const TARGET = /目标|计划|预期|预计|规划|力争/;
const ACTUAL = /完成|实际|实绩|累计|实现/;
const YEAR = /((?:19|20)\d{2})\s*(?:年(?:度)?)?(?:\s*[—–\-~至到]\s*((?:19|20)\d{2})\s*年?)?/;
const STATUS_WORDS = /(目标|计划|预期|预计|规划|力争|完成|实际|实绩|累计|实现)(值|数|情况|数据)?/g;
/** Several units in one caption (单位：亿元、%): the share-like column takes %. */
const SHARE_HEADER = /(增长|增速|增幅|比重|占比|率|百分比|同比|比上年)/;

function headerUnit(header: string): string | null {
  for (const p of HEADER_UNIT) {
    const m = p.exec(header);
    if (m && !/^\d+$/.test(m[1]!)) return m[1]!.trim();
  }
  return null;
}

function headerName(header: string): string {
  return header.replace(/[（(][^（）()]*[)）]\s*$/, '').replace(/[/／][^/／]*$/, '').replace(/单位\s*[:：].*$/, '').trim();
}

function captionUnitFor(caption: string, column: string): string {
  const units = caption.split(/[、，,;；]/).map((u) => u.trim()).filter((u) => u !== '');
  if (units.length <= 1) return units[0] ?? caption;
  const share = units.find((u) => u === '%' || u === '％');
  return share && SHARE_HEADER.test(column) ? share : units.find((u) => u !== '%' && u !== '％') ?? units[0]!;
}

function yearOf(text: string): CellFrame['period'] | undefined {
  const m = YEAR.exec(text);
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = m[2] ? Number(m[2]) : from;
  return { from, to };
}

function frameOf(rowHeader: string, columnHeader: string): CellFrame {
  const columnName = headerName(columnHeader).replace(YEAR, '').replace(STATUS_WORDS, '').trim();
  const rowName = headerName(rowHeader).replace(YEAR, '').trim();
  const parts = [rowName, columnName].filter((p) => p !== '' && !NUMBER_CELL.test(p));
  const status = TARGET.test(columnHeader) ? 'target' : ACTUAL.test(columnHeader) ? 'actual' : undefined;
  const period = yearOf(columnHeader) ?? yearOf(rowHeader);
  return { subject: parts.length > 0 ? parts.join('') : null, ...(status ? { status } : {}), ...(period ? { period } : {}) };
}

/** The column that names the rows: the first whose header is no label (序号) and whose cells are mostly words. */
function rowLabelColumn(table: TextTable): number {
  const header = table.rows[0]!;
  const width = Math.max(...table.rows.map((r) => r.length));
  for (let c = 0; c < width; c++) {
    if (LABEL_COLUMN.test(headerName(header[c]?.text ?? ''))) continue;
    const cells = table.rows.slice(1).map((r) => r[c]?.text ?? '').filter((t) => t !== '');
    const words = cells.filter((t) => !NUMBER_CELL.test(t)).length;
    return words * 2 >= cells.length ? c : Math.max(0, c - 1);
  }
  return 0;
}

function overlaps(mentions: Mention[], cell: TableCell): boolean {
  return mentions.some((m) => m.start < cell.end && cell.start < m.end);
}

/**
 * Mentions for the bare numbers of the tables' cells. `read` runs the
 * amount grammar on a short text (the cell's number and its unit).
 */
export function tableCellMentions(tables: TextTable[], mentions: Mention[], read: (text: string) => Mention[]): Mention[] {
  const out: Mention[] = [];
  for (const table of tables) {
    const header = table.rows[0]!;
    const labels = rowLabelColumn(table);
    for (let r = 1; r < table.rows.length; r++) {
      const row = table.rows[r]!;
      const rowHeader = row[labels]?.text ?? '';
      row.forEach((cell, c) => {
        const columnHeader = header[c]?.text ?? '';
        // The columns up to the one that names the rows (序号, 项目) hold labels, unless a header gives them a unit.
        if (c <= labels && !headerUnit(columnHeader)) return;
        if (!NUMBER_CELL.test(cell.text) || LABEL_COLUMN.test(headerName(columnHeader)) || overlaps(mentions, cell)) return;
        const own = headerUnit(columnHeader) ?? (c > labels ? headerUnit(rowHeader) : null);
        const unit = own ?? (table.captionUnit ? captionUnitFor(table.captionUnit, columnHeader) : null);
        if (!unit) return;
        const value = Number(cell.text.replace(/[,，]/g, '').replace('．', '.').replace('−', '-'));
        // A year, or a code, in a column that states no unit of its own is not an amount.
        if (!own && Number.isInteger(value) && value >= 1900 && value <= 2100) return;
        const found = read(`${cell.text.replace(/[,，]/g, '')}${unit}`);
        const m = found.length === 1 ? found[0]! : null;
        if (!m || m.value === null) return;
        out.push({ ...m, start: cell.start, end: cell.end, numberStart: cell.start, numberEnd: cell.end, raw: cell.text, unitAsWritten: unit, cell: frameOf(rowHeader, columnHeader) });
      });
    }
  }
  return out;
}
