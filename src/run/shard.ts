// --shard K/N: a deterministic share of the inputs, chosen by a hash of the
// path relative to the input root, so array jobs on a cluster (Slurm,
// Kubernetes Jobs, GNU parallel) split a corpus with no coordinator and
// their outputs concatenate into the same dataset.

export interface Shard {
  /** 1-based index of this shard. */
  index: number;
  count: number;
}

export function parseShard(value: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  if (!m) throw new Error(`--shard takes K/N (for example 2/8), not "${value}"`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) throw new Error(`--shard ${value}: K must be between 1 and N`);
  return { index, count };
}

/** FNV-1a over the UTF-16 code units of the name: stable across machines and Node versions. */
export function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function inShard(name: string, shard: Shard): boolean {
  return hashName(name) % shard.count === shard.index - 1;
}
