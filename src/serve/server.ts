import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lang } from '../lint/messages.js';
import { InputError } from '../pipeline.js';
import { annotateUpload, checkUpload, UPLOAD_TYPES } from './check.js';
import { allowedHosts, refusal, type Refusal } from './guard.js';

// `report-metrics serve`: one page for editors who do not use a terminal.
// Drafts are uploaded to this process on this machine only (loopback by
// default) and are never stored or sent anywhere.

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export { checkUpload, UPLOAD_TYPES };

// This file runs as dist/serve/server.js (or src/serve/server.ts under the
// tests): either way the package root is two folders up. The page's script
// is compiled into dist/serve/page; its HTML and CSS ship in src/serve/page.
const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ASSETS: Record<string, string> = {
  'index.html': join(packageRoot, 'src', 'serve', 'page', 'index.html'),
  'style.css': join(packageRoot, 'src', 'serve', 'page', 'style.css'),
  'app.js': join(packageRoot, 'dist', 'serve', 'page', 'app.js'),
};

function asset(name: keyof typeof ASSETS): Buffer {
  return readFileSync(ASSETS[name]!);
}

const ERRORS = {
  type: { zh: (ext: string) => `不支持的文件类型“${ext}”：请上传 ${UPLOAD_TYPES.join('、')} 文件`, en: (ext: string) => `Unsupported file type "${ext}": upload a ${UPLOAD_TYPES.join(', ')} file` },
  refused: {
    zh: (why: Refusal) => (why === 'host' ? '拒绝访问：请求的主机名不是本机' : why === 'origin' ? '拒绝访问：请求不是来自本页面' : '拒绝访问：请求的内容类型不正确'),
    en: (why: Refusal) => (why === 'host' ? 'Refused: the request is not addressed to this machine' : why === 'origin' ? 'Refused: the request does not come from this page' : 'Refused: wrong content type'),
  },
  size: { zh: () => `文件超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB 上限`, en: () => `The file is larger than the ${MAX_UPLOAD_BYTES / 1024 / 1024} MB limit` },
  read: { zh: (why: string) => `无法读取该文件：${why}`, en: (why: string) => `Cannot read this file: ${why}` },
  empty: { zh: () => '没有收到文件', en: () => 'No file was received' },
};

export function pickLang(req: IncomingMessage, url: URL): Lang {
  const asked = url.searchParams.get('lang');
  if (asked === 'en' || asked === 'zh') return asked;
  const accept = req.headers['accept-language'] ?? '';
  return /^en\b/i.test(accept.trim()) ? 'en' : 'zh';
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'content-security-policy': "default-src 'self'; style-src 'self'; script-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'none'; base-uri 'none'",
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_UPLOAD_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function handle(req: IncomingMessage, res: ServerResponse, hosts: Set<string>): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const lang = pickLang(req, url);
  const refused = refusal(req, hosts, req.method !== 'GET' && req.method !== 'HEAD');
  if (refused) {
    req.resume();
    return sendJson(res, refused === 'host' ? 421 : 403, { error: ERRORS.refused[lang](refused) });
  }
  if (req.method === 'GET' && (url.pathname === '/' || url.pathname === '/index.html')) {
    // The page accepts what the readers read: the list is the registry's, not the page's own.
    const html = asset('index.html').toString('utf8').replace('<html lang="zh-CN">', `<html lang="${lang === 'en' ? 'en' : 'zh-CN'}">`).replace(/accept="[^"]*"/, `accept="${UPLOAD_TYPES.join(',')}"`);
    return send(res, 200, 'text/html; charset=utf-8', html);
  }
  if (req.method === 'GET' && url.pathname === '/app.js') return send(res, 200, 'text/javascript; charset=utf-8', asset('app.js'));
  if (req.method === 'GET' && url.pathname === '/style.css') return send(res, 200, 'text/css; charset=utf-8', asset('style.css'));
  if (req.method === 'POST' && (url.pathname === '/api/check' || url.pathname === '/api/annotate')) {
    const name = (url.searchParams.get('name') ?? '').slice(0, 255);
    const ext = extname(name).toLowerCase();
    if (!UPLOAD_TYPES.includes(ext)) {
      req.resume();
      return sendJson(res, 415, { error: ERRORS.type[lang](ext || name) });
    }
    if (Number(req.headers['content-length'] ?? 0) > MAX_UPLOAD_BYTES) {
      req.resume();
      return sendJson(res, 413, { error: ERRORS.size[lang]() });
    }
    const bytes = await readBody(req);
    if (bytes === null) return sendJson(res, 413, { error: ERRORS.size[lang]() });
    if (bytes.length === 0) return sendJson(res, 400, { error: ERRORS.empty[lang]() });
    try {
      if (url.pathname === '/api/annotate') {
        const checked = await annotateUpload(name, bytes, lang);
        res.setHeader('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name.replace(/\.docx$/i, '') + '.checked.docx')}`);
        return send(res, 200, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', Buffer.from(checked));
      }
      return sendJson(res, 200, await checkUpload(name, bytes, lang));
    } catch (err) {
      if (err instanceof InputError) return sendJson(res, 422, { error: ERRORS.read[lang](err.reason) });
      throw err;
    }
  }
  send(res, 404, 'text/plain; charset=utf-8', 'not found');
}

/** Why the page could not start listening, in the editor's language; null for an error that is not about the address. */
export function listenFailure(err: unknown, port: number, host: string, lang: Lang): string | null {
  const code = (err as NodeJS.ErrnoException)?.code;
  const zh = lang === 'zh';
  if (code === 'EADDRINUSE') return zh ? `端口 ${port} 已被占用：请用 --port 指定其他端口，或用 --port 0 自动选择空闲端口` : `port ${port} is in use: choose another with --port, or --port 0 for any free one`;
  if (code === 'EACCES') return zh ? `没有权限使用端口 ${port}：请用 1024 以上的端口（--port）` : `no permission to use port ${port}: choose one above 1024 with --port`;
  if (code === 'EADDRNOTAVAIL') return zh ? `本机没有地址 ${host}：请检查 --host` : `this machine has no address ${host}: check --host`;
  return null;
}

export function startServer(port: number, host = '127.0.0.1'): Promise<{ server: Server; url: string }> {
  let hosts = new Set<string>();
  const server = createServer((req, res) => {
    handle(req, res, hosts).catch((err: Error) => {
      process.stderr.write(`report-metrics serve: ${err.stack ?? err.message}\n`);
      if (!res.headersSent) sendJson(res, 500, { error: err.message });
      else res.end();
    });
  });
  // A check holds this thread while it runs; an idle kept-alive connection whose
  // 5 s default ran out meanwhile would be reset under the page's next request.
  server.keepAliveTimeout = 60_000;
  server.headersTimeout = 61_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      hosts = allowedHosts(host, actual);
      const shown = host.includes(':') ? `[${host}]` : host;
      resolve({ server, url: `http://${shown}:${actual}/` });
    });
  });
}
