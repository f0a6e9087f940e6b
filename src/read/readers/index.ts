import { extname } from 'node:path';
import type { Reader } from '../reader.js';
import { doc } from './doc.js';
import { docx } from './docx.js';
import { html } from './html.js';
import { md } from './md.js';
import { pdf } from './pdf.js';
import { rtf } from './rtf.js';
import { txt } from './txt.js';

// Every input format, one reader a file. The walk, the pipeline, lint
// (files and --stdin), serve and eval all choose a reader here. A new
// format is one file in this folder and one line in this list.

export const READERS: readonly Reader[] = [txt, md, docx, doc, rtf, html, pdf];

export const INPUT_FORMATS = READERS.map((r) => r.format) as [string, ...string[]];

/** Bytes a reader's signature is tested against. */
export const SNIFF_BYTES = 64 * 1024;

/** The reader a file name's ending asks for, or null. */
export function readerForName(name: string): Reader | null {
  const ext = extname(name).toLowerCase();
  return READERS.find((r) => r.extensions.includes(ext)) ?? null;
}

/** Content first (a .doc that is really a .docx is read as one), else the name, else plain text. */
export function readerFor(name: string, head: Uint8Array): Reader {
  const signed = READERS.find((r) => r.sniff?.(head));
  return signed ?? readerForName(name) ?? txt;
}

/** Whether a file found in a folder is a report this tool reads. */
export function isReportName(name: string): boolean {
  return readerForName(name) !== null;
}
