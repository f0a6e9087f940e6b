// The editors' page: upload a draft, see its placeholders highlighted and
// listed, its metrics in a sortable table, and download both. Everything is
// built with textContent, so nothing in a draft is ever read as markup.

interface Finding { line: number; column: number; start: number; end: number; text: string; kind: string; ruleId: string; message: string }
interface MetricRow { kind: string; line: number; text: string; value: number | null; unit?: string; dimensionName?: string; themeName?: string | null; subject?: string | null; placeholder: boolean }
interface CheckResult { name: string; text: string; records: MetricRow[]; findings: Finding[]; csv: string; annotatable: boolean }

const STRINGS = {
  zh: {
    title: '报告草稿检查', privacy: '文件只在本机处理，不会上传到其他地方。', drop: '将草稿（Word、WPS、PDF、文本、Markdown 或网页）拖到这里，或点击选择文件',
    downloadCsv: '下载指标 CSV', downloadJson: '下载检查结果 JSON', downloadDocx: '下载带批注的 Word 文档', print: '打印检查报告',
    previous: '上一处', next: '下一处', allRules: '全部规则', text: '正文', findings: '检查结果', metrics: '指标',
    summary: (f: number, blanks: number, filled: number) => `${f} 处待处理（其中 ${blanks} 个数值未填写）；已填写的指标 ${filled} 个`,
    clean: (filled: number) => `未发现占位符或可疑数字；已填写的指标 ${filled} 个。`, tooBig: '文件超过 10 MB 上限',
    badType: (ext: string) => `不支持的文件类型“${ext}”：请上传 ${TYPES.join('、')} 文件`, failed: '检查失败',
    columns: ['行', '原文', '数值', '单位', '计量类别', '主题', '指标内容'],
  },
  en: {
    title: 'Draft check', privacy: 'Files are processed on this machine only and sent nowhere else.', drop: 'Drop a draft (Word, WPS, PDF, text, Markdown or a web page) here, or click to choose one',
    downloadCsv: 'Download metrics (CSV)', downloadJson: 'Download findings (JSON)', downloadDocx: 'Download the Word draft with comments', print: 'Print the check',
    previous: 'Previous', next: 'Next', allRules: 'All rules', text: 'Text', findings: 'Findings', metrics: 'Metrics',
    summary: (f: number, blanks: number, filled: number) => `${f} to fix (${blanks} amounts left blank); ${filled} amounts filled in`,
    clean: (filled: number) => `No placeholders or doubtful numbers found; ${filled} amounts filled in.`, tooBig: 'The file is larger than the 10 MB limit',
    badType: (ext: string) => `Unsupported file type "${ext}": upload a ${TYPES.join(', ')} file`, failed: 'The check failed',
    columns: ['Line', 'Text', 'Value', 'Unit', 'Dimension', 'Theme', 'Subject'],
  },
};
const lang: 'zh' | 'en' = document.documentElement.lang.startsWith('en') ? 'en' : 'zh';
const t = STRINGS[lang];
const MAX_BYTES = 10 * 1024 * 1024;
/** What the readers read: the server writes the list into the file input. */
const TYPES = (document.getElementById('file') as HTMLInputElement).accept.split(',').filter((e) => e !== '');

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
let current: CheckResult | null = null;

for (const el of document.querySelectorAll<HTMLElement>('[data-t]')) {
  const value = t[el.dataset.t as keyof typeof t];
  if (typeof value === 'string') el.textContent = value;
}
document.title = `${t.title} · report-metrics`;

function showError(message: string): void {
  const box = $('error');
  box.textContent = message;
  box.hidden = false;
}

async function check(file: File): Promise<void> {
  $('error').hidden = true;
  const ext = file.name.includes('.') ? file.name.slice(file.name.lastIndexOf('.')).toLowerCase() : '';
  if (!TYPES.includes(ext)) return showError(t.badType(ext || file.name));
  if (file.size > MAX_BYTES) return showError(t.tooBig);
  const response = await fetch(`/api/check?name=${encodeURIComponent(file.name)}&lang=${lang}`, { method: 'POST', body: file, headers: { 'content-type': 'application/octet-stream' } });
  const data = (await response.json()) as CheckResult & { error?: string };
  if (!response.ok) return showError(data.error ?? t.failed);
  current = data;
  uploaded = file;
  render(data);
}

let shown = 0;
let ruleFilter = '';

function render(data: CheckResult): void {
  const metrics = data.records.filter((r) => r.kind === 'metric');
  // Amounts filled in and amounts left blank are counted apart: a blank is no metric yet.
  const filled = metrics.filter((r) => !r.placeholder).length;
  const blanks = metrics.length - filled;
  $('summary').textContent = data.findings.length === 0 ? t.clean(filled) : t.summary(data.findings.length, blanks, filled);
  $('download-docx').hidden = !data.annotatable;
  const rules = [...new Set(data.findings.map((f) => f.ruleId))];
  const select = $<HTMLSelectElement>('rule-filter');
  select.replaceChildren(new Option(t.allRules, ''), ...rules.map((r) => new Option(r, r)));
  ruleFilter = '';
  shown = -1;
  renderText(data.text, data.findings);
  renderFindings(data.findings);
  renderTable(metrics);
  $('result').hidden = false;
}

function visible(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('mark.finding')].filter((m) => ruleFilter === '' || m.dataset.rule === ruleFilter);
}

function step(by: number): void {
  const marks = visible();
  if (marks.length === 0) return;
  shown = (shown + by + marks.length) % marks.length;
  jump(marks[shown]!.id);
}

function renderText(text: string, findings: Finding[]): void {
  const box = $('text');
  box.replaceChildren();
  let at = 0;
  findings.forEach((f, i) => {
    if (f.start < at) return; // overlapping findings: the first one is marked
    box.append(text.slice(at, f.start));
    const mark = document.createElement('mark');
    mark.className = f.kind === 'check' ? 'finding check' : 'finding';
    mark.id = `finding-${i}`;
    mark.title = f.message;
    mark.dataset.rule = f.ruleId;
    mark.textContent = text.slice(f.start, f.end);
    box.append(mark);
    at = f.end;
  });
  box.append(text.slice(at));
}

function renderFindings(findings: Finding[]): void {
  const list = $('findings');
  list.replaceChildren();
  findings.forEach((f, i) => {
    if (ruleFilter !== '' && f.ruleId !== ruleFilter) return;
    const item = document.createElement('li');
    item.dataset.target = `finding-${i}`;
    const where = document.createElement('span');
    where.className = 'where';
    where.textContent = `${f.line}:${f.column}`;
    item.append(where, f.message);
    item.addEventListener('click', () => jump(`finding-${i}`));
    list.append(item);
  });
}

function jump(id: string): void {
  const mark = document.getElementById(id);
  if (!mark) return;
  mark.scrollIntoView({ block: 'center' });
  for (const m of document.querySelectorAll('mark.flash')) m.classList.remove('flash');
  mark.classList.add('flash');
}

const COLUMNS: Array<(r: MetricRow) => string | number> = [
  (r) => r.line, (r) => r.text, (r) => r.value ?? '', (r) => r.unit ?? '', (r) => r.dimensionName ?? '', (r) => r.themeName ?? '', (r) => r.subject ?? '',
];
let sort = { column: 0, descending: false };

function renderTable(rows: MetricRow[]): void {
  const head = $('metrics').querySelector('thead tr')!;
  head.replaceChildren(
    ...t.columns.map((label, c) => {
      const th = document.createElement('th');
      th.textContent = label;
      th.scope = 'col';
      if (c === sort.column) th.setAttribute('aria-sort', sort.descending ? 'descending' : 'ascending');
      th.addEventListener('click', () => {
        sort = { column: c, descending: sort.column === c ? !sort.descending : false };
        renderTable(rows);
      });
      return th;
    }),
  );
  const key = COLUMNS[sort.column]!;
  const sorted = [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), lang === 'zh' ? 'zh-CN' : 'en');
    return sort.descending ? -order : order;
  });
  $('metrics').querySelector('tbody')!.replaceChildren(
    ...sorted.map((r) => {
      const tr = document.createElement('tr');
      for (const cell of COLUMNS) {
        const td = document.createElement('td');
        td.textContent = String(cell(r));
        tr.append(td);
      }
      return tr;
    }),
  );
}

function download(name: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const base = () => (current?.name ?? 'draft').replace(/\.[^.]+$/, '');
$('download-csv').addEventListener('click', () => current && download(`${base()}-metrics.csv`, 'text/csv;charset=utf-8', current.csv));
$('download-json').addEventListener('click', () => current && download(`${base()}-findings.json`, 'application/json', JSON.stringify(current.findings, null, 2)));
let uploaded: File | null = null;
$('download-docx').addEventListener('click', async () => {
  if (!current || !uploaded) return;
  const response = await fetch(`/api/annotate?name=${encodeURIComponent(current.name)}&lang=${lang}`, { method: 'POST', body: uploaded, headers: { 'content-type': 'application/octet-stream' } });
  if (!response.ok) return showError(((await response.json()) as { error?: string }).error ?? t.failed);
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = `${base()}.checked.docx`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
});
$('print').addEventListener('click', () => window.print());
$('previous').addEventListener('click', () => step(-1));
$('next').addEventListener('click', () => step(1));
$<HTMLSelectElement>('rule-filter').addEventListener('change', (e) => {
  ruleFilter = (e.target as HTMLSelectElement).value;
  shown = -1;
  for (const m of document.querySelectorAll<HTMLElement>('mark.finding')) m.classList.toggle('dim', ruleFilter !== '' && m.dataset.rule !== ruleFilter);
  if (current) renderFindings(current.findings);
});

const input = $<HTMLInputElement>('file');
input.addEventListener('change', () => {
  if (input.files?.[0]) void check(input.files[0]);
});
const drop = $('drop');
drop.addEventListener('dragover', (e) => {
  e.preventDefault();
  drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  const file = e.dataTransfer?.files[0];
  if (file) void check(file);
});
