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

/** Related-article lists only start once some report text has gone by. */
const MIN_PROSE_BEFORE_TAIL = 0.3;

export function findFurniture(text: string, lines: Line[]): Span[] {
  const out: Span[] = [];
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    const content = text.slice(line.start, line.end);
    if (TAIL_HEADER.test(content) && line.start >= text.length * MIN_PROSE_BEFORE_TAIL) {
      out.push({ start: line.start, end: text.length });
      break;
    }
    if (content.length <= 200 && LINE_PATTERN.test(content)) out.push({ start: line.start, end: line.end });
  }
  for (const phrase of dictionary.inline) {
    for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + phrase.length)) {
      out.push({ start: i, end: i + phrase.length });
    }
  }
  return out;
}
