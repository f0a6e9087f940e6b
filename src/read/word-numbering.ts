import { SaxesParser, type SaxesTagPlain } from 'saxes';

// The numbers Word draws in front of numbered paragraphs (一、 (二) 3.),
// worked out from numbering.xml and the paragraph styles that carry a
// numbering. Reports number their sections this way; without the numbers
// the headings would lose their depth.

interface Level {
  start: number;
  format: string;
  text: string;
}

export interface Numbering {
  /** numId → abstractNumId */
  nums: Map<string, string>;
  /** abstractNumId → levels by ilvl */
  abstract: Map<string, Map<string, Level>>;
  /** paragraph style → its numId and ilvl */
  styles: Map<string, { numId?: string; ilvl?: string; basedOn?: string }>;
  /** Running counters by numId, one a level. */
  counters: Map<string, number[]>;
}

function each(xml: string, open: (tag: SaxesTagPlain, stack: string[]) => void, close?: (name: string) => void): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  const stack: string[] = [];
  parser.on('opentag', (tag) => {
    stack.push(tag.name);
    open(tag, stack);
    if (tag.isSelfClosing) {
      stack.pop();
      close?.(tag.name);
    }
  });
  parser.on('closetag', (tag) => {
    if (tag.isSelfClosing) return;
    stack.pop();
    close?.(tag.name);
  });
  parser.write(xml).close();
}

export function readNumbering(numberingXml: string | undefined, stylesXml: string | undefined): Numbering {
  const numbering: Numbering = { nums: new Map(), abstract: new Map(), styles: new Map(), counters: new Map() };
  if (numberingXml) {
    let abstractId: string | null = null;
    let level: (Level & { ilvl: string }) | null = null;
    let numId: string | null = null;
    each(
      numberingXml,
      (tag) => {
        const val = tag.attributes['w:val'] as string | undefined;
        if (tag.name === 'w:abstractNum') {
          abstractId = tag.attributes['w:abstractNumId'] as string;
          numbering.abstract.set(abstractId, new Map());
        } else if (tag.name === 'w:lvl' && abstractId !== null) level = { ilvl: tag.attributes['w:ilvl'] as string, start: 1, format: 'decimal', text: '' };
        else if (tag.name === 'w:start' && level && val) level.start = Number(val);
        else if (tag.name === 'w:numFmt' && level && val) level.format = val;
        else if (tag.name === 'w:lvlText' && level) level.text = val ?? '';
        else if (tag.name === 'w:num') numId = tag.attributes['w:numId'] as string;
        else if (tag.name === 'w:abstractNumId' && numId !== null && val !== undefined) numbering.nums.set(numId, val);
      },
      (name) => {
        if (name === 'w:lvl' && level && abstractId !== null) {
          numbering.abstract.get(abstractId)!.set(level.ilvl, level);
          level = null;
        } else if (name === 'w:abstractNum') abstractId = null;
        else if (name === 'w:num') numId = null;
      },
    );
  }
  if (stylesXml) {
    let style: string | null = null;
    each(
      stylesXml,
      (tag) => {
        const val = tag.attributes['w:val'] as string | undefined;
        if (tag.name === 'w:style') {
          style = (tag.attributes['w:styleId'] as string | undefined) ?? null;
          if (style) numbering.styles.set(style, {});
        } else if (style && val !== undefined) {
          const entry = numbering.styles.get(style)!;
          if (tag.name === 'w:numId') entry.numId = val;
          else if (tag.name === 'w:ilvl') entry.ilvl = val;
          else if (tag.name === 'w:basedOn') entry.basedOn = val;
        }
      },
      (name) => {
        if (name === 'w:style') style = null;
      },
    );
  }
  return numbering;
}

const CN_DIGITS = '〇一二三四五六七八九';
const TIANGAN = '甲乙丙丁戊己庚辛壬癸';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

function chinese(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  if (n < 20) return '十' + (n % 10 === 0 ? '' : CN_DIGITS[n % 10]!);
  if (n < 100) return CN_DIGITS[Math.floor(n / 10)]! + '十' + (n % 10 === 0 ? '' : CN_DIGITS[n % 10]!);
  return String(n);
}

function roman(n: number): string {
  const table: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) {
    out += s;
    n -= v;
  }
  return out;
}

function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'ideographDigital':
      return chinese(n);
    case 'ideographTraditional':
      return TIANGAN[(n - 1) % 10]!;
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return CIRCLED[n - 1] ?? String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'upperLetter':
      return String.fromCharCode(64 + ((n - 1) % 26) + 1);
    case 'lowerLetter':
      return String.fromCharCode(96 + ((n - 1) % 26) + 1);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    default:
      return String(n);
  }
}

/** The label of the next paragraph numbered (numId, ilvl), or of a style's numbering; '' for bullets and none. */
export function numberingLabel(numbering: Numbering, numId: string | undefined, ilvl: string | undefined, style?: string): string {
  let id = numId;
  let level = ilvl;
  for (let s = style, hops = 0; id === undefined && s && hops < 10; hops++) {
    const entry = numbering.styles.get(s);
    id = entry?.numId;
    level ??= entry?.ilvl;
    s = entry?.basedOn;
  }
  if (id === undefined || id === '0') return '';
  const abstract = numbering.abstract.get(numbering.nums.get(id) ?? '');
  const depth = Number(level ?? '0');
  const lvl = abstract?.get(String(depth));
  if (!abstract || !lvl || lvl.format === 'bullet' || lvl.format === 'none') return '';
  const counters = numbering.counters.get(id) ?? [];
  numbering.counters.set(id, counters);
  counters[depth] = counters[depth] === undefined ? lvl.start : counters[depth]! + 1;
  counters.length = depth + 1;
  return lvl.text.replace(/%(\d)/g, (_, k: string) => {
    const d = Number(k) - 1;
    const l = abstract.get(String(d));
    return formatNumber(counters[d] ?? l?.start ?? 1, l?.format ?? 'decimal');
  });
}
