import { defaultConfig } from '../lint/config.js';
import type { Lang } from '../lint/messages.js';
import { findingsOf } from '../lint/reporters.js';
import { csvHeader, csvRows } from '../output/encoders.js';
import { extractRead } from '../pipeline.js';
import { readBytes } from '../read/read-input.js';
import { READERS } from '../read/readers/index.js';

/** Every file ending a reader takes: the page accepts what the command line reads. */
export const UPLOAD_TYPES = READERS.flatMap((r) => r.extensions);

/** Extracts and checks one uploaded draft: the answer the page renders. */
export async function checkUpload(name: string, bytes: Buffer, lang: Lang) {
  const read = await readBytes(name, bytes);
  const { records, file } = extractRead(read, name, { lint: { config: defaultConfig(), lang } });
  return { name, format: read.format, text: read.text, records, findings: findingsOf([file]), warnings: read.warnings ?? [], csv: csvHeader(lang) + csvRows(records, lang) };
}
