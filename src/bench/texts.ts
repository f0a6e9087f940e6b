import { statSync } from 'node:fs';
import nodejieba from 'nodejieba';
import { readInput, type ReadInput } from '../read/read-input.js';
import type { InputFile } from '../read/walk.js';

// What rows (a), (b) and (h) of the benchmark share: the files through their
// readers, and nodejieba's cut of every line with jieba's own dictionary.

export interface ReadText {
  name: string;
  read: ReadInput;
  bytes: number;
}

/** Every file through its reader; a file the tool refuses counts in no figure. */
export async function readTexts(files: InputFile[]): Promise<ReadText[]> {
  const texts: ReadText[] = [];
  for (const f of files) {
    try {
      const read = await readInput(f);
      texts.push({ name: f.name, read, bytes: f.size ?? statSync(f.path).size });
    } catch {
      // Named by extract; here it is only left out.
    }
  }
  return texts;
}

/** The non-empty lines of the texts, as (b) cuts them. */
export function linesOf(texts: ReadText[]): string[] {
  return texts.flatMap((t) => t.read.text.split('\n')).filter((l) => l !== '');
}

/** Loads jieba's own dictionary and warms it, so the cut timed next is the cut alone. */
export function loadCutDictionary(): void {
  nodejieba.load();
  nodejieba.cut('预热');
}

/** Seconds for one pass of nodejieba.cut over the lines. */
export function cutSeconds(lines: string[]): number {
  const started = performance.now();
  for (const l of lines) nodejieba.cut(l);
  return (performance.now() - started) / 1000;
}
