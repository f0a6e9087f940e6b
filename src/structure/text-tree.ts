import type { Heading, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { isInside, lastStartingBy, type Span } from '../find/spans.js';
import { readJsonDictionary } from '../dictionaries.js';
import { LineIndex, splitLines } from './lines.js';

// Plain-text reports carry their structure in numbering, not markup. This
// parser turns them into the same mdast tree remark-parse gives Markdown,
// with headings at these depths:
//   1 title line · 2 第一章/第一部分, or a part heading without a number (2024年工作回顾)
//   · 3 一、 · 4 (一) · 5 1. 1、 · 6 (1) · 7 一是 (a lead-in)

const CN = '[一二三四五六七八九十百零〇两]+';
const HEADING_RULES: Array<{ depth: Heading['depth'] | 7; pattern: RegExp }> = [
  { depth: 2, pattern: new RegExp(`^第(${CN}|\\d+)(章|部分|节|篇)`) },
  { depth: 3, pattern: new RegExp(`^${CN}[、.．]`) },
  { depth: 4, pattern: new RegExp(`^[(（]${CN}[)）]`) },
  { depth: 5, pattern: /^\d{1,2}(?:[、]|[.．](?!\d))/ },
  { depth: 6, pattern: /^[(（]\d{1,2}[)）]/ },
  { depth: 7, pattern: new RegExp(`^(${CN}是|首先|其次|再次|最后)[，,：:]?`) },
];
/** Where a heading written at the start of a line stops and its paragraph begins. */
const HEADING_END = /[。：:！？!?；;]/;
const MAX_HEADING = 40;

export interface HeadingInfo {
  start: number;
  end: number;
  depth: number;
  text: string;
}

export function headingDepth(line: string): number | null {
  for (const rule of HEADING_RULES) if (rule.pattern.test(line)) return rule.depth;
  return null;
}

/** `furniture`: page-furniture spans; their lines stay paragraphs and never become the title. */
export function parseTextToTree(text: string, furniture: Span[] = []): Root {
  // Lines are walked in order, so a point's line and column come from the current line.
  let lineNo = 1;
  let lineStart = 0;
  const point = (offset: number) => ({ line: lineNo, column: offset - lineStart + 1, offset });
  const textNode = (start: number, end: number): Text => ({
    type: 'text',
    value: text.slice(start, end),
    position: { start: point(start), end: point(end) },
  });
  const children: RootContent[] = [];
  let titleSeen = false;
  const lines = splitLines(text);
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    lineNo = k + 1;
    lineStart = line.start;
    let start = line.start;
    while (start < line.end && /\s/.test(text[start]!)) start++;
    if (start >= line.end) continue;
    const content = text.slice(start, line.end);
    if (isInside(furniture, start)) {
      children.push(paragraph([textNode(start, line.end)], start, line.end));
      continue;
    }
    const depth = headingDepth(content) ?? (!titleSeen && isTitle(content) ? 1 : titleSeen && isPartHeading(content) ? 2 : null);
    // Markup left in a copied page (<!--, -->), rules and dates before the title do not take its place.
    if (depth !== null || hasWords(content)) titleSeen = true;
    if (depth === null) {
      children.push(paragraph([textNode(start, line.end)], start, line.end));
      continue;
    }
    const headingEnd = depth === 1 ? line.end : start + headingLength(content);
    // mdast allows depth 1–6; a lead-in (一是) is kept as depth 6 with its own marker.
    const heading: Heading = {
      type: 'heading',
      depth: Math.min(depth, 6) as Heading['depth'],
      children: [textNode(start, headingEnd)],
      position: { start: point(start), end: point(headingEnd) },
      data: { reportDepth: depth } as Heading['data'],
    };
    children.push(heading);
    let rest = headingEnd;
    while (rest < line.end && HEADING_END.test(text[rest]!)) rest++;
    if (rest < line.end) children.push(paragraph([textNode(rest, line.end)], rest, line.end));
  }
  const end = new LineIndex(text).position(text.length);
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: { ...end, offset: text.length } } };

  function paragraph(nodes: PhrasingContent[], start: number, end: number): Paragraph {
    return { type: 'paragraph', children: nodes, position: { start: point(start), end: point(end) } };
  }
}

const PART_WORDS = new RegExp(readJsonDictionary<{ words: string[] }>('part-headings.json').words.join('|'));
/** Short enough for a heading, and nothing a sentence or a table row would hold. */
const PART_SHAPE = /^[^。，,；;：:！!？?、（）()\t|]{2,16}$/;

/** 2024年工作回顾 on a line of its own: a part of the report with no number of its own. */
function isPartHeading(line: string): boolean {
  return PART_SHAPE.test(line.trim()) && PART_WORDS.test(line);
}

/** At least two Chinese characters: a line of words rather than marks, digits or markup. */
function hasWords(line: string): boolean {
  return /[\u3400-\u9fff][^\u3400-\u9fff]*[\u3400-\u9fff]/.test(line);
}

function isTitle(line: string): boolean {
  if (!hasWords(line)) return false;
  return line.length <= 60 && !/[。；;]$/.test(line) && !/[，,]/.test(line);
}

/**
 * Where a heading written at the start of a line ends: at a stop (。：), else
 * at a space after its first words — pages copied from the web or a PDF put
 * one between a heading and its text (一、指导思想 全面贯彻…), while
 * 第一章 总体要求 keeps its own — else the whole of a short line, else the
 * words up to the first comma.
 */
function headingLength(content: string): number {
  const stop = content.search(HEADING_END);
  if (stop >= 0 && stop <= MAX_HEADING) return stop;
  const marker = HEADING_RULES.map((r) => r.pattern.exec(content)?.[0].length ?? 0).find((n) => n > 0) ?? 0;
  const from = marker + 2;
  const space = content.slice(from).search(/[ \u3000\u00a0]/);
  if (space >= 0 && from + space <= MAX_HEADING) return from + space;
  if (content.length <= MAX_HEADING) return content.length;
  const comma = content.search(/[，,]/);
  return comma > 0 && comma <= MAX_HEADING ? comma : MAX_HEADING;
}

/** Heading path (as written) in force at each heading, in document order. */
export function collectHeadings(tree: Root): HeadingInfo[] {
  const out: HeadingInfo[] = [];
  for (const node of tree.children) {
    if (node.type === 'paragraph' && node.position) {
      // Markdown reports often number their sections in plain paragraphs (一、产业兴旺).
      const first = node.children[0];
      if (first?.type !== 'text' || !first.position) continue;
      const depth = headingDepth(first.value);
      if (depth === null || depth >= 7) continue;
      const length = headingLength(first.value);
      const start = first.position.start.offset!;
      out.push({ start, end: start + length, depth, text: first.value.slice(0, length).trim() });
      continue;
    }
    if (node.type !== 'heading' || !node.position) continue;
    const value = node.children.map((c) => ('value' in c ? c.value : '')).join('');
    // A Markdown heading numbered the Chinese way (## 一、产业振兴) takes that numbering's depth.
    const depth = (node.data as { reportDepth?: number } | undefined)?.reportDepth ?? (node.depth > 1 ? headingDepth(value.trim()) : null) ?? node.depth;
    out.push({ start: node.position.start.offset!, end: node.position.end.offset!, depth, text: value.trim() });
  }
  return out;
}

/** The section path of every offset, resolved as a scan over sorted headings. */
export class SectionIndex {
  private readonly paths: Array<{ start: number; path: string[] }> = [];

  constructor(headings: HeadingInfo[]) {
    const stack: HeadingInfo[] = [];
    for (const h of headings) {
      while (stack.length > 0 && stack[stack.length - 1]!.depth >= h.depth) stack.pop();
      stack.push(h);
      this.paths.push({ start: h.start, path: stack.map((s) => s.text) });
    }
  }

  at(offset: number): string[] {
    return lastStartingBy(this.paths, offset)?.path ?? [];
  }
}
