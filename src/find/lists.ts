import { round, type Mention } from './amount.js';
import type { BareNumber } from './quantities.js';

// A qualifier or unit written once for a list applies to every item:
// 分别达到90%和98%以上 → both over; 分别超过90%、95% → both over;
// 分别回落2.16和1.66个百分点 → both 个百分点.

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
  // A qualifier before the first item: carried forward across 、和及与, not across a comma, which may start a new statement.
  for (let k = 1; k < mentions.length; k++) {
    const left = mentions[k - 1]!;
    const right = mentions[k]!;
    if (!left.approxBefore || right.approx !== 'exact' || left.unit !== right.unit) continue;
    const between = text.slice(left.end, right.start).trim();
    if (['和', '、', '与', '及', '或'].includes(between)) {
      right.approx = left.approx;
      right.approxBefore = true;
    }
  }
}

/**
 * Bare numbers joined to a following amount take its unit: 10、2、30万吨
 * (the head takes the whole 万吨), 10万、2万、30万吨 (each keeps its own
 * magnitude and takes 吨). Read from the end so a chain of heads reaches the
 * amount that carries the unit.
 */
export function shareListUnits(text: string, bare: BareNumber[], mentions: Mention[]): Mention[] {
  const added: Mention[] = [];
  let next = mentions.length;
  for (let k = bare.length - 1; k >= 0; k--) {
    const b = bare[k]!;
    while (next > 0 && mentions[next - 1]!.start >= b.end) next--;
    const original = mentions[next];
    const last = added[added.length - 1];
    const right = last && (!original || last.start < original.start) ? last : original;
    if (!right || right.placeholder || right.value === null || !joined(text, b.end, right.start)) continue;
    // 10万、3个 are two amounts of their own, not one list of 万个.
    if (b.magnitude > 1 && (right.magnitude ?? 1) === 1) continue;
    if (text.slice(b.end, right.start).trim() === '，') continue;
    const unitFactor = right.scale / (right.magnitude ?? 1);
    const scale = b.magnitude > 1 ? b.magnitude * unitFactor : right.scale;
    added.push({
      ...right,
      start: b.start,
      end: b.end,
      numberStart: b.numberStart,
      numberEnd: b.numberEnd,
      value: round(b.value * scale),
      valueMax: null,
      magnitude: b.magnitude > 1 ? b.magnitude : right.magnitude,
      scale,
      approx: right.approxAfter ? right.approx : 'exact',
      raw: text.slice(b.numberStart, b.numberEnd),
      unitAsWritten: b.magnitude > 1 ? right.unitAsWritten.replace(/^[万亿千百]+/, text.slice(b.numberEnd, b.end)) : right.unitAsWritten,
    });
  }
  return added.reverse();
}
