import type { Root, Text } from 'mdast';
import remarkParse from 'remark-parse';
import { unified, type Plugin } from 'unified';
import type { VFile } from 'vfile';
import { mergeSpans, type Span } from '../find/spans.js';
import { reportData } from '../report-file.js';
import { findFurniture } from './furniture.js';
import { splitLines } from './lines.js';
import { parseTextToTree } from './text-tree.js';

const markdown = unified().use(remarkParse);

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
    const data = reportData(file);
    data.furniture = options.keepFurniture ? [] : mergeSpans(findFurniture(document, splitLines(document)));
    return data.format === 'md' ? (markdown.parse(document) as Root) : parseTextToTree(document, data.furniture);
  };
};

/** Works out which stretches of text hold report prose: text nodes outside page furniture. */
export const reportStructure: Plugin<[], Root> = function () {
  return (tree, file) => {
    const data = reportData(file);
    data.scanRanges = subtract(textRanges(tree), data.furniture ?? []);
  };
};

/** Offsets of the text nodes: prose, without Markdown syntax or code. */
function textRanges(tree: Root): Span[] {
  const out: Span[] = [];
  const visit = (node: Root | Root['children'][number]): void => {
    if (node.type === 'text') {
      const t = node as Text;
      if (t.position?.start.offset !== undefined && t.position.end.offset !== undefined) {
        out.push({ start: t.position.start.offset, end: t.position.end.offset });
      }
      return;
    }
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html') return;
    if ('children' in node) for (const child of node.children) visit(child as Root['children'][number]);
  };
  visit(tree);
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
