import type { IncomingMessage } from 'node:http';

// The page listens on this machine, but any web page an editor has open can
// send requests to it. Only requests addressed to the names this server
// answers to (DNS rebinding sends another), from its own page (Origin,
// Sec-Fetch-Site), with a body type a cross-site form cannot send, are let
// through.

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

export type Refusal = 'host' | 'origin' | 'type';

/** The Host header values this server answers to. */
export function allowedHosts(host: string, port: number): Set<string> {
  const shown = host.includes(':') ? `[${host}]` : host;
  const names = new Set([...LOOPBACK_NAMES, shown]);
  return new Set([...names].map((n) => `${n}:${port}`.toLowerCase()));
}

export function refusal(req: IncomingMessage, hosts: Set<string>, upload: boolean): Refusal | null {
  const host = (req.headers.host ?? '').toLowerCase();
  if (!hosts.has(host)) return 'host';
  if (!upload) return null;
  const origin = req.headers.origin;
  if (origin !== undefined && origin.toLowerCase() !== `http://${host}`) return 'origin';
  if (req.headers['sec-fetch-site'] === 'cross-site') return 'origin';
  // A form on another site can only send text/plain, urlencoded or multipart bodies without asking first.
  if ((req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() !== 'application/octet-stream') return 'type';
  return null;
}
