import { createProcessor } from './dist/pipeline.js';
import { VFile } from 'vfile';
import { ensureDictionary } from './dist/context/jieba.js';
import { readInput } from './dist/read/read-input.js';
import { collectInputs } from './dist/read/walk.js';
ensureDictionary();
const { files } = await collectInputs(process.argv.slice(2));
const texts = [];
for (const f of files) { try { const r = await readInput(f); texts.push([f.name, r.text, r.format]); } catch {} }
const p = createProcessor();
const c0 = process.cpuUsage();
const t = performance.now();
for (const [name, text, format] of texts) {
  const file = new VFile({ path: name, value: text, data: { source: { name, format } } });
  const tree = p.parse(file); p.runSync(tree, file);
}
const c = process.cpuUsage(c0);
console.log('pass0', (performance.now() - t).toFixed(0), 'cpu', ((c.user + c.system) / 1000).toFixed(0));
