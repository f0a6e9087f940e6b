import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// (f) of the benchmark: where one thread's CPU goes, by stage, from a V8
// CPU profile of `extract --jobs 0` (self time of each function, summed by
// the folder of dist/ its code is in; jieba's native calls count as jieba).

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function stageOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (functionName === '(garbage collector)') return 'gc';
  // V8 files the time inside a regular expression under no script: counted apart, or it would pass for node's own.
  if (functionName.startsWith('RegExp: ')) return 'regexp';
  if (functionName === '(idle)' || functionName === '(program)') return 'runtime';
  if (/nodejieba/.test(url) || /context\/jieba\.js$/.test(url)) return 'jieba';
  const stage = /\/dist\/([a-z-]+)\//.exec(url)?.[1];
  if (stage) return stage;
  if (/\/dist\/[a-z-]+\.js$/.test(url)) return 'pipeline';
  if (/node_modules\/(unified|vfile|remark|mdast|micromark)/.test(url)) return 'pipeline';
  if (/node_modules\//.test(url)) return 'libraries';
  if (url.startsWith('node:') || url === '') return 'node';
  return 'other';
}

export async function stageShares(cli: string, paths: string[], scratch: string): Promise<Array<[string, number]>> {
  const dir = join(scratch, 'profile');
  spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, cli, 'extract', ...paths, '--jobs', '0', '--out', join(scratch, 'profiled.jsonl'), '--quiet'], { stdio: 'ignore' });
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return [];
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile;
  rmSync(dir, { recursive: true, force: true });
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const time = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const stage = stageOf(byId.get(id)!);
    time.set(stage, (time.get(stage) ?? 0) + dt);
    total += dt;
  });
  return [...time].sort((a, b) => b[1] - a[1]).map(([stage, t]) => [stage, t / total]);
}
