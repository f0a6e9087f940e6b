// Writes dictionaries/common-chars.json. Needs opencc-js, which the project does not depend on:
//   npm install --no-save opencc-js@1 && node scripts/common-chars.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
const freq = new Map();
for (const line of readFileSync(new URL('../dictionaries/', import.meta.url).pathname + 'jieba-main.dict', 'utf8').split('\n')) {
  const [word, f] = line.split(' ');
  if (!word || !f) continue;
  for (const ch of word) if (/[\u4e00-\u9fff]/.test(ch)) freq.set(ch, (freq.get(ch) ?? 0) + Number(f));
}
const top = [...freq].sort((a, b) => b[1] - a[1]).slice(0, 2500).map(([c]) => c);
const s2t = OpenCC.Converter({ from: 'cn', to: 'tw' });
const s2hk = OpenCC.Converter({ from: 'cn', to: 'hk' });
const simplified = top.join('');
const trad = new Set([...s2t(simplified), ...s2hk(simplified)]);
const traditional = [...trad].filter((c) => !top.includes(c)).join('');
writeFileSync(new URL('../dictionaries/', import.meta.url).pathname + 'common-chars.json', JSON.stringify({
  $comment: "Characters that make up most Chinese text, to tell a right decoding from a wrong one (a Big5 file read as GB18030 gives rare characters). simplified: the 2,500 most frequent characters of jieba's dictionary (dictionaries/jieba-main.dict, weighted by word frequency); traditional: their Taiwan and Hong Kong forms where they differ (OpenCC cn→tw and cn→hk).",
  simplified, traditional }, null, 1) + '\n');
console.log(top.length, traditional.length);
