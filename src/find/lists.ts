import type { Mention } from './amount.js';
import type { BareNumber } from './quantities.js';

// A qualifier or unit written once after a list applies to every item:
// 分别达到90%和98%以上 → both over; 分别回落2.16和1.66个百分点 → both 个百分点.

const CONNECTORS = ['和', '、', '与', '及', '或', '，', ','];

function joined(text: string, leftEnd: number, rightStart: number): boolean {
  const between = text.slice(leftEnd, rightStart).trim();
  return CONNECTORS.includes(between);
}

export function shareListQualifiers(text: string, mentions: Mention[]): void {
  for (let k = mentions.length - 2; k >= 0; k--) {
    const left = mentions[k]!;
    const right = mentions[k + 1]!;
    if (!right.approxAfter || left.approx !== 'exact' || left.unit !== right.unit) continue;
    if (text.slice(left.end, right.start).trim() === '，' || text.slice(left.end, right.start).trim() === ',') continue;
    if (joined(text, left.end, right.start)) left.approx = right.approx;
  }
}

export function shareListUnits(text: string, bare: BareNumber[], mentions: Mention[]): Mention[] {
  const added: Mention[] = [];
  let next = 0;
  for (const b of bare) {
    while (next < mentions.length && mentions[next]!.start < b.numberEnd) next++;
    const right = mentions[next];
    if (!right || right.placeholder || !joined(text, b.numberEnd, right.start)) continue;
    if (text.slice(b.numberEnd, right.start).trim() === '，') continue;
    added.push({
      ...right,
      start: b.numberStart,
      end: b.numberEnd,
      numberStart: b.numberStart,
      numberEnd: b.numberEnd,
      value: Math.round(b.value * right.scale * 1e6) / 1e6,
      valueMax: null,
      approx: right.approxAfter ? right.approx : 'exact',
      raw: text.slice(b.numberStart, b.numberEnd),
    });
  }
  return added;
}
