import { SAXParser } from 'parse5-sax-parser';

// HTML to report text: one line per block, one line per table row with its
// cells separated by a tab, so a metric inside a table keeps its row and
// column. The page is read as a stream of tags (parse5's tokenizer), with
// this file's own stack of open elements: linear in the page, however deep
// it nests (tree builders that shift an array or walk parents per tag are
// quadratic on a page nested a hundred thousand deep).

const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'li', 'ul', 'ol', 'blockquote', 'pre', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'dl', 'dt', 'dd', 'figure', 'figcaption', 'hr',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'button', 'select', 'input', 'textarea', 'title']);
/** Elements that never have content or an end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** An element these start tags end when it is the one open (the end tags HTML lets authors leave out). */
const ENDS: Record<string, string[]> = { li: ['li'], dt: ['dt', 'dd'], dd: ['dt', 'dd'], td: ['td', 'th'], th: ['td', 'th'], tr: ['tr', 'td', 'th'], option: ['option'] };

export interface HtmlText {
  text: string;
  /** Deepest nesting of elements. */
  depth: number;
  elements: number;
}

interface Open {
  name: string;
  block: boolean;
  cell: boolean;
  skip: boolean;
}

/** The text of a page (or of an HTML fragment), with how deep and how large the page is. */
export function htmlToText(html: string): HtmlText {
  const lines: string[] = [];
  let current = '';
  let inCell = 0;
  let skip = 0;
  let deepest = 0;
  let elements = 0;
  const stack: Open[] = [];
  /** How many of each element are open, so an end tag with no start is ignored without a search. */
  const openCount = new Map<string, number>();
  const flush = () => {
    const line = current.replace(/[ \t\u00a0]+/g, (m) => (m.includes('\t') ? '\t' : ' ')).trim();
    if (line !== '') lines.push(line);
    current = '';
  };
  const close = () => {
    const el = stack.pop()!;
    openCount.set(el.name, openCount.get(el.name)! - 1);
    if (el.skip) skip--;
    if (el.cell) inCell--;
    if (el.block) flush();
  };
  const parser = new SAXParser();
  parser.on('startTag', ({ tagName: name, selfClosing }) => {
    elements++;
    const top = stack[stack.length - 1]?.name;
    if (top === 'p' && (BLOCKS.has(name) || name === 'p')) close();
    else if (top !== undefined && ENDS[name]?.includes(top)) close();
    if (name === 'br') {
      if (skip === 0) flush();
      return;
    }
    const skipped = SKIP.has(name);
    const cell = !skipped && skip === 0 && (name === 'td' || name === 'th');
    // Paragraphs inside a cell (<td><p>…</p></td>) stay on the row's line.
    const block = !skipped && skip === 0 && BLOCKS.has(name) && inCell === 0;
    if (block) flush();
    if (cell) {
      if (current.trim() !== '') current += '\t';
      inCell++;
    } else if (skip === 0 && BLOCKS.has(name) && inCell > 0 && current.trim() !== '' && !current.endsWith('\t')) current += ' ';
    if (VOID.has(name) || selfClosing) {
      if (cell) inCell--;
      if (block) flush();
      return;
    }
    if (skipped) skip++;
    stack.push({ name, block, cell, skip: skipped });
    openCount.set(name, (openCount.get(name) ?? 0) + 1);
    if (stack.length > deepest) deepest = stack.length;
  });
  parser.on('endTag', ({ tagName: name }) => {
    if (!openCount.get(name)) return;
    while (stack.length > 0 && stack[stack.length - 1]!.name !== name) close();
    if (stack.length > 0) close();
  });
  parser.on('text', ({ text }) => {
    if (skip === 0) current += text.replace(/\s+/g, ' ');
  });
  parser.end(html);
  while (stack.length > 0) close();
  flush();
  return { text: lines.join('\n') + (lines.length > 0 ? '\n' : ''), depth: deepest, elements };
}
