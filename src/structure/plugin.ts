import type { Root, Text } from 'mdast';
import { createRequire } from 'node:module';
import { unified, type Plugin } from 'unified';
import type { VFile } from 'vfile';
import { mergeSpans, type Span } from '../find/spans.js';
import { required } from '../stage.js';
import { findFurniture } from './furniture.js';
import { findAddresses } from './urls.js';
import { LineIndex, splitLines } from './lines.js';
import { findTables } from './tables.js';
import { collectHeadings, parseTextToTree, SectionIndex } from './text-tree.js';

/** remark-parse, loaded with the first Markdown report (it and micromark are most of what a run of plain text would load). */
let markdown: ReturnType<typeof unified> | null = null;
function markdownParser() {
  if (!markdown) {
    const remarkParse = (createRequire(import.meta.url)('remark-parse') as { default: Plugin }).default;
    markdown = unified().use(remarkParse) as unknown as ReturnType<typeof unified>;
  }
  return markdown;
}

export interface StructureOptions {
  keepFurniture?: boolean;
}

/**
 * Parser: Markdown through remark-parse, everything else through the
 * report-text parser. Page furniture is found first so that a site banner
 * is never taken for the report's title.
 */
export const reportParse: Plugin<[StructureOptions?], string, Root> = function (options = {}) {
  this.parser = (document: string, file: VFile) => {
    const source = required(file.data.source, 'the report source');
    const found = options.keepFurniture ? { spans: [], lines: 0 } : findFurniture(document, splitLines(document), source.format);
    const furniture = mergeSpans(found.spans);
    const tree = source.format === 'md' ? (markdownParser().parse(document) as Root) : parseTextToTree(document, furniture);
    file.data.layout = { lines: new LineIndex(document), headings: [], sections: new SectionIndex([]), furniture, furnitureLines: found.lines, scanRanges: [], tables: [] };
    return tree;
  };
};

/** The report's shape, worked out once: headings and their section paths, and which stretches of text are prose. */
export const reportStructure: Plugin<[], Root> = function () {
  return (tree, file) => {
    const layout = required(file.data.layout, 'the layout');
    layout.headings = collectHeadings(tree);
    layout.sections = new SectionIndex(layout.headings);
    layout.title = layout.headings.find((h) => h.depth === 1)?.text;
    layout.tables = findTables(String(file.value));
    layout.scanRanges = subtract(textRanges(tree), mergeSpans([...layout.furniture, ...findAddresses(String(file.value))]));
  };
};

/** Offsets of the text nodes: prose, without Markdown syntax or code. Iterative: a Markdown file may nest without bound. */
function textRanges(tree: Root): Span[] {
  const out: Span[] = [];
  const todo: Array<Root | Root['children'][number]> = [tree];
  while (todo.length > 0) {
    const node = todo.pop()!;
    if (node.type === 'text') {
      const t = node as Text;
      if (t.position?.start.offset !== undefined && t.position.end.offset !== undefined) out.push({ start: t.position.start.offset, end: t.position.end.offset });
    } else if (node.type !== 'code' && node.type !== 'inlineCode' && node.type !== 'html' && 'children' in node) {
      for (let i = node.children.length - 1; i >= 0; i--) todo.push(node.children[i] as Root['children'][number]);
    }
  }
  return mergeSpans(out);
}

function subtract(ranges: Span[], holes: Span[]): Span[] {
  const out: Span[] = [];
  let h = 0;
  for (const r of ranges) {
    let start = r.start;
    while (h < holes.length && holes[h]!.end <= start) h++;
    let k = h;
    while (k < holes.length && holes[k]!.start < r.end) {
      if (holes[k]!.start > start) out.push({ start, end: holes[k]!.start });
      start = Math.max(start, holes[k]!.end);
      k++;
    }
    if (start < r.end) out.push({ start, end: r.end });
  }
  return out;
}
