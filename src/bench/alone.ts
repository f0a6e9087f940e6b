import nodejieba from 'nodejieba';
import { expectReports } from '../context/jieba.js';
import { extractRead } from '../pipeline.js';
import { readInput, type ReadInput } from '../read/read-input.js';
import { collectInputs } from '../read/walk.js';

// (h) of the benchmark, in a node of its own: the pipeline alone, on texts
// already in memory, with no process or worker to start, no dictionary to
// load and nothing to write, beside nodejieba's cut of the same texts. Every
// other file warms the compiler and the memos; the files between them, which
// it has never seen, are timed once (timing them again would let the memos
// flatter it). It is the most (c) could give if its start cost nothing.
//
//   node dist/bench/alone.js DIR…   prints {"bytes":…,"pipelineSeconds":…,"cutSeconds":…}

interface Text {
  name: string;
  read: ReadInput;
  bytes: number;
}

async function readAll(paths: string[]): Promise<Text[]> {
  const { files } = await collectInputs(paths);
  const texts: Text[] = [];
  for (const f of files) {
    try {
      texts.push({ name: f.name, read: await readInput(f), bytes: f.size ?? 0 });
    } catch {
      // A file the tool refuses counts in no figure, as in (a).
    }
  }
  return texts;
}

const texts = await readAll(process.argv.slice(2));
const warm = texts.filter((_, i) => i % 2 === 0);
const timed = texts.filter((_, i) => i % 2 === 1);
expectReports(texts.length);
for (const t of warm) extractRead(t.read, t.name);
let started = performance.now();
for (const t of timed) extractRead(t.read, t.name);
const pipelineSeconds = (performance.now() - started) / 1000;

// (b)'s cut, on the same files: jieba's own dictionary, loaded beforehand.
nodejieba.load();
nodejieba.cut('预热');
const lines = timed.flatMap((t) => t.read.text.split('\n')).filter((l) => l !== '');
started = performance.now();
for (const l of lines) nodejieba.cut(l);
const cutSeconds = (performance.now() - started) / 1000;

process.stdout.write(`${JSON.stringify({ bytes: timed.reduce((n, t) => n + t.bytes, 0), pipelineSeconds, cutSeconds })}\n`);
