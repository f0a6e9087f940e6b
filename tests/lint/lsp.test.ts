import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, tmp } from '../scale/helpers.js';

// report-metrics lsp, driven as an editor drives it: JSON-RPC messages with
// Content-Length headers over the server's standard input and output.

class Client {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly waiting = new Map<number, (result: unknown) => void>();
  private readonly notes: Array<{ method: string; params: unknown }> = [];
  private noteWaiters: Array<() => void> = [];

  constructor(readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      for (;;) {
        const head = this.buffer.indexOf('\r\n\r\n');
        if (head < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, head).toString())![1]);
        if (this.buffer.length < head + 4 + length) return;
        const message = JSON.parse(this.buffer.subarray(head + 4, head + 4 + length).toString('utf8'));
        this.buffer = this.buffer.subarray(head + 4 + length);
        if (message.id !== undefined && this.waiting.has(message.id)) {
          this.waiting.get(message.id)!(message.result);
          this.waiting.delete(message.id);
        } else if (message.method) {
          // A request from the server (workDoneProgress and the like) is answered with nothing.
          if (message.id !== undefined) this.send({ jsonrpc: '2.0', id: message.id, result: null });
          else {
            this.notes.push(message);
            for (const w of this.noteWaiters.splice(0)) w();
          }
        }
      }
    });
  }

  private send(message: unknown): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  request(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** The next diagnostics published for `uri` after `count` have been seen. */
  async diagnostics(uri: string, count: number): Promise<Array<{ range: unknown; message: string; code: string; severity: number; data: unknown }>> {
    for (;;) {
      const found = this.notes.filter((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as { uri: string }).uri === uri);
      if (found.length > count) return (found[count]!.params as { diagnostics: never }).diagnostics;
      await new Promise<void>((resolve) => this.noteWaiters.push(resolve));
    }
  }
}

describe('report-metrics lsp', () => {
  let client: Client;
  const dir = tmp('report-metrics-lsp-');
  const path = join(dir, 'draft.md');
  const uri = pathToFileURL(path).href;

  beforeAll(async () => {
    client = new Client(spawn(process.execPath, [bin, 'lsp', '--stdio'], { env: { ...process.env, LANG: 'C.UTF-8' } }));
    await client.request('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {} });
    client.notify('initialized', {});
  });
  afterAll(() => client.child.kill());

  it('publishes the findings of a draft as it is opened and as it changes', async () => {
    const text = '# 城关镇工作总结\n\n新建文化广场X个，X光检查5次。\n';
    writeFileSync(path, text);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const first = await client.diagnostics(uri, 0);
    expect(first.map((d) => [d.code, d.range, d.severity])).toEqual([
      ['placeholder-quantity', { start: { line: 2, character: 6 }, end: { line: 2, character: 8 } }, 1],
      ['placeholder-text', { start: { line: 2, character: 9 }, end: { line: 2, character: 10 } }, 1],
    ]);
    expect(first[0]!.message).toContain('X个');
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 2, character: 6 }, end: { line: 2, character: 8 } }, text: '3个' }] });
    const second = await client.diagnostics(uri, 1);
    expect(second.map((d) => d.code)).toEqual(['placeholder-text']);
  });

  it('offers to allow a word, writes it to the nearest configuration, and checks again', async () => {
    const open = await client.diagnostics(uri, 1);
    const actions = (await client.request('textDocument/codeAction', { textDocument: { uri }, range: open[0]!.range, context: { diagnostics: open } })) as Array<{ title: string; command: { command: string; arguments: unknown[] } }>;
    expect(actions).toHaveLength(1);
    expect(actions[0]!.title).toContain('X光');
    await client.request('workspace/executeCommand', { command: actions[0]!.command.command, arguments: actions[0]!.command.arguments });
    expect(JSON.parse(readFileSync(join(dir, '.reportmetricsrc.json'), 'utf8'))).toEqual({ placeholders: { allow: ['X光'] } });
    const again = await client.diagnostics(uri, 2);
    expect(again).toEqual([]);
  });
});
