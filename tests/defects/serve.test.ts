import { request, type Server } from 'node:http';
import { createServer } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/serve/server.js';
import { run, tmp } from '../scale/helpers.js';
import { inflatingDocx } from './bounded-readers.js';

// The page answers only its own page on this machine, survives an upload
// built to exhaust it, and says in Chinese when its port is taken.

function post(port: number, path: string, body: Buffer | string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    // A connection of its own: a kept-alive one may be closed by the server as it is reused (ECONNRESET).
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', agent: false, headers: { 'content-length': String(Buffer.byteLength(body)), ...headers } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serve', () => {
  let server: Server;
  let port: number;
  const own = () => ({ host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}`, 'content-type': 'application/octet-stream' });

  // Built before the server starts: compressing 400 MB holds this thread for seconds.
  let bomb: Buffer;

  beforeAll(async () => {
    bomb = inflatingDocx(400);
    ({ server } = await startServer(0));
    port = (server.address() as { port: number }).port;
  }, 60000);
  afterAll(() => server.close());

  it('checks a draft sent by its own page', async () => {
    const r = await post(port, '/api/check?name=d.txt', '新建文化广场X个。', own());
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body).findings.map((f: { text: string }) => f.text)).toEqual(['X个']);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin, and a body a form could send', async () => {
    expect((await get(port, '/', { host: 'attacker.example' })).status).toBe(421);
    expect((await post(port, '/api/check?name=d.txt', 'X个', { ...own(), host: `attacker.example:${port}`, origin: `http://attacker.example:${port}` })).status).toBe(421);
    expect((await post(port, '/api/check?name=d.txt', 'X个', { ...own(), origin: 'http://evil.example' })).status).toBe(403);
    expect((await post(port, '/api/check?name=d.txt', 'X个', { ...own(), 'content-type': 'text/plain' })).status).toBe(403);
    expect((await get(port, '/', { host: `localhost:${port}` })).status).toBe(200);
  });

  it('may not be framed by another page', async () => {
    const r = await get(port, '/', { host: `127.0.0.1:${port}` });
    expect(String(r.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(r.headers['x-frame-options']).toBe('DENY');
  });

  it('survives a Word file that inflates to 400 MB, and answers the next draft', { timeout: 60000 }, async () => {
    const r = await post(port, '/api/check?name=bomb.docx', bomb, own());
    expect(r.status).toBe(422);
    expect(JSON.parse(r.body).error).toContain('64 MB');
    expect((await post(port, '/api/check?name=d.txt', '改造危房X户。', own())).status).toBe(200);
  });

  it('CSV cells that would run as formulas are neutralised, in the download too', async () => {
    const r = await post(port, '/api/check?name=%3Dcmd%7Cx.txt&lang=en', '=HYPERLINK("http://x")新建道路12公里。\n+SUM(1)培训农民300人次。', own());
    const rows = parse(JSON.parse(r.body).csv.slice(1), { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((row) => row.file)).toEqual(["'=cmd|x.txt", "'=cmd|x.txt"]);
    expect(rows.map((row) => row.sentence)).toEqual(["'=HYPERLINK(\"http://x\")新建道路12公里。", "'+SUM(1)培训农民300人次。"]);
    expect(rows.map((row) => row.value)).toEqual(['12', '300']);
  });
});

describe('serve on a port in use', () => {
  it('says which port and what to do, in Chinese by default, without a stack trace', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as { port: number }).port;
    const r = run(['serve', '--port', String(taken)]);
    blocker.close();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`端口 ${taken} 已被占用`);
    expect(r.stderr).toContain('--port 0');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('CSV from the command line', () => {
  it('neutralises a cell that starts with =, + , - or @', () => {
    const dir = tmp();
    writeFileSync(join(dir, '=cmd.txt'), '@SUM(A1)全镇新建道路12公里。\n');
    const r = run(['extract', '--lang', 'en', '=cmd.txt', '--format', 'csv'], { cwd: dir });
    const rows = parse(r.stdout.slice(1), { columns: true }) as Array<Record<string, string>>;
    expect(rows[0]).toMatchObject({ file: "'=cmd.txt", sentence: "'@SUM(A1)全镇新建道路12公里。", text: '12公里' });
  });
});
