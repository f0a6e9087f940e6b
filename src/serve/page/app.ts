// The editors' page: upload a draft, see its placeholders highlighted and
// listed, its metrics in a sortable table, and download both. Everything is
// built with textContent, so nothing in a draft is ever read as markup.

interface Finding { line: number; column: number; start: number; end: number; text: string; kind: string; ruleId: string; message: string }
interface MetricRow { kind: string; line: number; text: string; value: number | null; unit?: string; dimension?: string; theme?: string | null; subject?: string | null; placeholder: boolean }
interface CheckResult { name: string; text: string; records: MetricRow[]; findings: Finding[]; csv: string }

const STRINGS = {
  zh: {
    title: '报告草稿检查', privacy: '文件只在本机处理，不会上传到其他地方。', drop: '将 .docx、.txt 或 .md 草稿拖到这里，或点击选择文件',
    downloadCsv: '下载指标 CSV', downloadJson: '下载检查结果 JSON', text: '正文', findings: '检查结果', metrics: '指标',
    summary: (f: number, m: number) => `${f} 处待处理，${m} 个指标`, clean: '未发现占位符或可疑数字。', tooBig: '文件超过 10 MB 上限',
    badType: (ext: string) => `不支持的文件类型“${ext}”：请上传 .docx、.txt 或 .md 文件`, failed: '检查失败',
    columns: ['行', '原文', '数值', '单位', '维度', '主题', '指标内容'],
  },
  en: {
    title: 'Draft check', privacy: 'Files are processed on this machine only and sent nowhere else.', drop: 'Drop a .docx, .txt or .md draft here, or click to choose one',
    downloadCsv: 'Download metrics (CSV)', downloadJson: 'Download findings (JSON)', text: 'Text', findings: 'Findings', metrics: 'Metrics',
    summary: (f: number, m: number) => `${f} to fix, ${m} metrics`, clean: 'No placeholders or doubtful numbers found.', tooBig: 'The file is larger than the 10 MB limit',
    badType: (ext: string) => `Unsupported file type "${ext}": upload a .docx, .txt or .md file`, failed: 'The check failed',
    columns: ['Line', 'Text', 'Value', 'Unit', 'Dimension', 'Theme', 'Subject'],
  },
};
const lang: 'zh' | 'en' = document.documentElement.lang.startsWith('en') ? 'en' : 'zh';
const t = STRINGS[lang];
const MAX_BYTES = 10 * 1024 * 1024;
const TYPES = ['.docx', '.txt', '.md', '.markdown'];

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
  render(data);
}

function render(data: CheckResult): void {
  const metrics = data.records.filter((r) => r.kind === 'metric');
  $('summary').textContent = data.findings.length === 0 ? t.clean : t.summary(data.findings.length, metrics.length);
  renderText(data.text, data.findings);
  renderFindings(data.findings);
  renderTable(metrics);
  $('result').hidden = false;
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
  (r) => r.line, (r) => r.text, (r) => r.value ?? '', (r) => r.unit ?? '', (r) => r.dimension ?? '', (r) => r.theme ?? '', (r) => r.subject ?? '',
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
