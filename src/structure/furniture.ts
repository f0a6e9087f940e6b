import { readJsonDictionary } from '../dictionaries.js';
import type { Span } from '../find/spans.js';
import type { Line } from './lines.js';

// Banners, hit counters, share buttons and "推荐阅读" lists around a report
// copied from a web page. Their numbers are not the report's; they are kept
// out of the scanned ranges (offsets into the text are left untouched).

interface FurnitureDictionary {
  line: string[];
  tailHeaders: string;
  inline: string[];
}
const dictionary = readJsonDictionary<FurnitureDictionary>('furniture.json');
// One alternation tried once per line costs half of trying each pattern in turn.
const LINE_PATTERN = new RegExp(dictionary.line.map((p) => `(?:${p})`).join('|'));
const TAIL_HEADER = new RegExp(dictionary.tailHeaders);
/** A tail header standing alone on its line (相关文章：), as a list under it has. */
const TAIL_HEADER_LINE = new RegExp(`(?:${dictionary.tailHeaders})\\s*[:：]?\\s*$`);

/** Related-article lists only start once some report text has gone by. */
const MIN_PROSE_BEFORE_TAIL = 0.3;
/** A list of related articles: short lines, no sentence ending, not many of them. */
const MAX_LIST_LINE = 60;
const MAX_LIST_LINES = 40;
const SENTENCE_END = /[。；;！!？?]\s*$/;

export interface Furniture {
  spans: Span[];
  /** Lines left out, for --stats and the summary. */
  lines: number;
}

/**
 * In a web page everything from a related-articles header on is furniture.
 * In a text or Word file the same words (相关文章, 上一篇) may stand in the
 * middle of a draft, so only a header alone on its line with nothing but a
 * short list of titles after it is cut.
 */
export function findFurniture(text: string, lines: Line[], format: string): Furniture {
  const spans: Span[] = [];
  let count = 0;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    const content = text.slice(line.start, line.end);
    if (line.start >= text.length * MIN_PROSE_BEFORE_TAIL && isTail(text, lines, k, content, format)) {
      spans.push({ start: line.start, end: text.length });
      count += lines.slice(k).filter((l) => l.end > l.start).length;
      break;
    }
    if (content.length <= 200 && LINE_PATTERN.test(content)) {
      spans.push({ start: line.start, end: line.end });
      count++;
    }
  }
  for (const phrase of dictionary.inline) {
    for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + phrase.length)) {
      spans.push({ start: i, end: i + phrase.length });
    }
  }
  return { spans, lines: count };
}

function isTail(text: string, lines: Line[], k: number, content: string, format: string): boolean {
  if (!TAIL_HEADER.test(content)) return false;
  if (format === 'html') return true;
  if (!TAIL_HEADER_LINE.test(content)) return false;
  const rest = lines.slice(k + 1).map((l) => text.slice(l.start, l.end).trim()).filter((l) => l !== '');
  return rest.length > 0 && rest.length <= MAX_LIST_LINES && rest.every((l) => l.length <= MAX_LIST_LINE && !SENTENCE_END.test(l));
}
