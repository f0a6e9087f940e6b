import type { Span } from '../find/spans.js';

/**
 * One-to-one matching by overlapping span: pairs are taken largest overlap
 * first, so each gold mention meets the prediction that covers it best.
 */
export function matchBySpan<G extends Span, P extends Span>(gold: G[], predicted: P[]): Array<[number, number]> {
  const pairs: Array<{ g: number; p: number; overlap: number; distance: number }> = [];
  let first = 0;
  const order = predicted.map((p, i) => ({ p, i })).sort((a, b) => a.p.start - b.p.start);
  gold.forEach((g, gi) => {
    while (first < order.length && order[first]!.p.end <= g.start - 200) first++;
    for (let k = first; k < order.length && order[k]!.p.start < g.end; k++) {
      const p = order[k]!.p;
      const overlap = Math.min(g.end, p.end) - Math.max(g.start, p.start);
      if (overlap > 0) pairs.push({ g: gi, p: order[k]!.i, overlap, distance: Math.abs(g.start - p.start) });
    }
  });
  pairs.sort((a, b) => b.overlap - a.overlap || a.distance - b.distance);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const out: Array<[number, number]> = [];
  for (const pair of pairs) {
    if (usedG.has(pair.g) || usedP.has(pair.p)) continue;
    usedG.add(pair.g);
    usedP.add(pair.p);
    out.push([pair.g, pair.p]);
  }
  return out;
}
