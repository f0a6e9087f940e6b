import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

// The draft handed back: a copy of a .docx with every finding as a Word
// comment (批注) anchored on its text, the text highlighted. Word, WPS and
// LibreOffice show comments from word/comments.xml, tied to the body by
// commentRangeStart/End and a commentReference run. Runs are split where a
// finding starts and ends, each piece keeping the run's own formatting.
// Findings are found again by their paragraph (the reader's count of <w:p>)
// and their text within it.

export interface Annotation {
  /** 1-based paragraph of document.xml, as the reader counts them. */
  paragraph: number;
  /** The finding's text, and which of its occurrences in the paragraph it is (0-based). */
  text: string;
  occurrence: number;
  message: string;
}

export interface AnnotateResult {
  bytes: Uint8Array;
  anchored: number;
  /** Findings whose text could not be found in their paragraph (a field, a text box): listed in the comments' summary instead. */
  unanchored: Annotation[];
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const COMMENTS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
/** Elements that follow w:highlight in a run's properties (CT_RPr's order), before which it goes. */
const AFTER_HIGHLIGHT = ['w:u', 'w:effect', 'w:bdr', 'w:shd', 'w:fitText', 'w:vertAlign', 'w:rtl', 'w:cs', 'w:em', 'w:lang', 'w:eastAsianLayout', 'w:specVanish', 'w:oMath'];

interface Run {
  start: number;
  end: number;
  open: string;
  rPr: string;
  text: string;
  /** A run that holds its properties and one w:t only: it can be split. */
  simple: boolean;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d))).replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16))).replace(/&amp;/g, '&');
}

/** Where each <w:p> starts and ends, in document order (the order the reader numbers them). */
function paragraphs(xml: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const open: Array<{ start: number; end: number }> = [];
  const tag = /<w:p(?=[\s>/])[^>]*?(\/?)>|<\/w:p>/g;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    if (m[0].startsWith('</')) {
      const p = open.pop();
      if (p) p.end = m.index + m[0].length;
    } else if (m[1] === '/') out.push({ start: m.index, end: m.index + m[0].length });
    else {
      const p = { start: m.index, end: -1 };
      open.push(p);
      out.push(p);
    }
  }
  return out;
}

/** The runs of a paragraph's own text (not those of a text box nested in it). */
function runsOf(xml: string, from: number, to: number): Run[] {
  const runs: Run[] = [];
  const tag = /<w:r(?=[\s>])[^>]*>([\s\S]*?)<\/w:r>/g;
  tag.lastIndex = from;
  for (let m = tag.exec(xml); m && m.index < to; m = tag.exec(xml)) {
    const body = m[1]!;
    if (body.includes('<w:p')) continue;
    const rPr = /^<w:rPr>[\s\S]*?<\/w:rPr>/.exec(body)?.[0] ?? '';
    const rest = body.slice(rPr.length);
    const texts = [...rest.matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:t\s*\/>/g)];
    const text = texts.map((t) => unescapeXml(t[1] ?? '')).join('');
    const simple = texts.length === 1 && rest.replace(texts[0]![0], '').trim() === '';
    runs.push({ start: m.index, end: m.index + m[0].length, open: m[0].slice(0, m[0].indexOf('>') + 1), rPr, text, simple });
  }
  return runs;
}

function highlighted(rPr: string): string {
  if (rPr === '') return '<w:rPr><w:highlight w:val="yellow"/></w:rPr>';
  if (/<w:highlight\b[^>]*\/>/.test(rPr)) return rPr.replace(/<w:highlight\b[^>]*\/>/, '<w:highlight w:val="yellow"/>');
  const inner = rPr.slice('<w:rPr>'.length, -'</w:rPr>'.length);
  const at = AFTER_HIGHLIGHT.map((t) => inner.search(new RegExp(`<${t}[\\s/>]`))).filter((i) => i >= 0).sort((a, b) => a - b)[0];
  const merged = at === undefined ? `${inner}<w:highlight w:val="yellow"/>` : `${inner.slice(0, at)}<w:highlight w:val="yellow"/>${inner.slice(at)}`;
  return `<w:rPr>${merged}</w:rPr>`;
}

function run(open: string, rPr: string, text: string): string {
  return text === '' ? '' : `${open}${rPr}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

/** Anchors one comment in document.xml; null when its text is not where it should be. */
function anchor(xml: string, a: Annotation, id: number): string | null {
  const all = paragraphs(xml);
  // A table cell is known by its first paragraph: the finding may stand in one of the next few.
  for (let n = a.paragraph; n < a.paragraph + 6 && n <= all.length; n++) {
    const done = anchorIn(xml, all[n - 1]!, n === a.paragraph ? a.occurrence : 0, a.text, id);
    if (done !== null) return done;
  }
  return null;
}

function anchorIn(xml: string, p: { start: number; end: number }, occurrence: number, text: string, id: number): string | null {
  if (p.end < 0) return null;
  const a = { text, occurrence };
  const runs = runsOf(xml, p.start, p.end);
  const joined = runs.map((r) => r.text).join('');
  let at = -1;
  for (let k = 0, from = 0; k <= a.occurrence; k++, from = at + 1) {
    at = joined.indexOf(a.text, from);
    if (at < 0) return null;
  }
  const end = at + a.text.length;
  let offset = 0;
  let first = -1;
  let last = -1;
  const spans = runs.map((r) => {
    const span = { from: offset, to: offset + r.text.length };
    offset = span.to;
    return span;
  });
  spans.forEach((s, i) => {
    if (first < 0 && s.to > at) first = i;
    if (s.from < end) last = i;
  });
  if (first < 0 || last < first) return null;
  const start = `<w:commentRangeStart w:id="${id}"/>`;
  const stop = `<w:commentRangeEnd w:id="${id}"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="${id}"/></w:r>`;
  const pieces = runs.slice(first, last + 1);
  let replacement: string;
  if (pieces.every((r) => r.simple)) {
    replacement = pieces
      .map((r, k) => {
        const i = first + k;
        const from = Math.max(0, at - spans[i]!.from);
        const to = Math.min(r.text.length, end - spans[i]!.from);
        return `${run(r.open, r.rPr, r.text.slice(0, from))}${i === first ? start : ''}${run(r.open, highlighted(r.rPr), r.text.slice(from, to))}${i === last ? stop : ''}${run(r.open, r.rPr, r.text.slice(to))}`;
      })
      .join('');
  } else {
    // A run holding more than text (a tab, a field, a drawing) is not split: the comment spans the whole runs.
    replacement = `${start}${xml.slice(pieces[0]!.start, pieces[pieces.length - 1]!.end)}${stop}`;
  }
  return xml.slice(0, pieces[0]!.start) + replacement + xml.slice(pieces[pieces.length - 1]!.end);
}

function comment(id: number, message: string, date: string): string {
  return `<w:comment w:id="${id}" w:author="report-metrics" w:initials="RM" w:date="${date}"><w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r><w:r><w:t xml:space="preserve">${escapeXml(message)}</w:t></w:r></w:p></w:comment>`;
}

export function annotateDocx(original: Uint8Array, annotations: Annotation[], date = new Date()): AnnotateResult {
  const files = unzipSync(original);
  const documentXml = files['word/document.xml'];
  if (!documentXml) throw new Error('has no word/document.xml');
  let xml = strFromU8(documentXml);
  const existing = files['word/comments.xml'] ? strFromU8(files['word/comments.xml']) : null;
  const taken = existing ? [...existing.matchAll(/<w:comment\b[^>]*w:id="(\d+)"/g)].map((m) => Number(m[1])) : [];
  let next = taken.length > 0 ? Math.max(...taken) + 1 : 0;
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const comments: string[] = [];
  const unanchored: Annotation[] = [];
  for (const a of annotations) {
    const done = anchor(xml, a, next);
    if (done === null) {
      unanchored.push(a);
      continue;
    }
    xml = done;
    comments.push(comment(next, a.message, stamp));
    next++;
  }
  const out: Zippable = { ...files, 'word/document.xml': strToU8(xml) };
  const body = comments.join('');
  out['word/comments.xml'] = strToU8(existing ? existing.replace(/<\/w:comments>\s*$/, `${body}</w:comments>`) : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${W}">${body}</w:comments>`);
  if (!existing) {
    const types = strFromU8(files['[Content_Types].xml']!);
    if (!types.includes('/word/comments.xml')) out['[Content_Types].xml'] = strToU8(types.replace('</Types>', `<Override PartName="/word/comments.xml" ContentType="${COMMENTS_TYPE}"/></Types>`));
    const relsPath = 'word/_rels/document.xml.rels';
    const rels = files[relsPath] ? strFromU8(files[relsPath]!) : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    if (!rels.includes(COMMENTS_REL)) out[relsPath] = strToU8(rels.replace('</Relationships>', `<Relationship Id="rIdReportMetricsComments" Type="${COMMENTS_REL}" Target="comments.xml"/></Relationships>`));
  }
  return { bytes: zipSync(out, { level: 6 }), anchored: comments.length, unanchored };
}
