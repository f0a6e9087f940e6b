import { expectReports } from '../context/jieba.js';
import { extractRead } from '../pipeline.js';
import { collectInputs } from '../read/walk.js';
import { cutSeconds, linesOf, loadCutDictionary, readTexts } from './texts.js';

// (h) of the benchmark, in a node of its own: the pipeline alone, on texts
// already in memory, with no process or worker to start, no dictionary to
// load and nothing to write, beside nodejieba's cut of the same texts. Every
// other file warms the compiler and the memos; the files between them, which
// it has never seen, are timed once (timing them again would let the memos
// flatter it). It is the most (c) could give if its start cost nothing.
//
//   node dist/bench/alone.js DIR…   prints {"bytes":…,"pipelineSeconds":…,"cutSeconds":…}

const texts = await readTexts((await collectInputs(process.argv.slice(2))).files);
const warm = texts.filter((_, i) => i % 2 === 0);
const timed = texts.filter((_, i) => i % 2 === 1);
expectReports(texts.length);
for (const t of warm) extractRead(t.read, t.name);
const started = performance.now();
for (const t of timed) extractRead(t.read, t.name);
const pipelineSeconds = (performance.now() - started) / 1000;

// (b)'s cut, on the same files: jieba's own dictionary, loaded beforehand.
loadCutDictionary();
const cut = cutSeconds(linesOf(timed));

process.stdout.write(`${JSON.stringify({ bytes: timed.reduce((n, t) => n + t.bytes, 0), pipelineSeconds, cutSeconds: cut })}\n`);
