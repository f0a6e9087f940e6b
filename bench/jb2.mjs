import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
if (!isMainThread) {
  const text = readFileSync('/work/main/corpus/004_0e2c762dda60d019.txt', 'utf8');
  const { extractText } = await import('/work/main/dist/pipeline.js');
  extractText(text, 'w.txt');
  const t = performance.now();
  for (let k = 0; k < 600; k++) extractText(text, 'w.txt');
  parentPort.postMessage((performance.now() - t) / 1000);
} else {
  const n = Number(process.argv[2]);
  const run = () => new Promise((res) => { const w = new Worker(new URL(import.meta.url)); w.once('message', res); });
  console.log(await Promise.all(Array.from({ length: n }, run)));
}
