import madge from 'madge';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

describe('architecture', () => {
  it('has no import cycle, type imports included', async () => {
    const graph = await madge(join(root, 'src'), { fileExtensions: ['ts'], tsConfig: join(root, 'tsconfig.json') });
    expect(graph.circular()).toEqual([]);
    // and the check sees the modules at all
    expect(Object.keys(graph.obj()).length).toBeGreaterThan(50);
  }, 30000);
});
