import { defaultConfig } from '../lint/config.js';
import type { Lang } from '../lint/messages.js';
import { findingsOf } from '../lint/reporters.js';
import { csvHeader, csvRows } from '../output/encoders.js';
import { extractRead } from '../pipeline.js';
import { InputError, readBytes } from '../read/read-input.js';
import { dimensionLabel, themeLabel } from '../i18n/labels.js';
import { READERS } from '../read/readers/index.js';

/** Every file ending a reader takes: the page accepts what the command line reads. */
export const UPLOAD_TYPES = READERS.flatMap((r) => r.extensions);

async function run(name: string, bytes: Buffer, lang: Lang) {
  const read = await readBytes(name, bytes);
  return { read, ...extractRead(read, name, { lint: { config: defaultConfig(), lang } }) };
}

/** Extracts and checks one uploaded draft: the answer the page renders, its coded values named in the page's language. */
export async function checkUpload(name: string, bytes: Buffer, lang: Lang) {
  const { read, records, file } = await run(name, bytes, lang);
  const named = records.map((r) => (r.kind === 'metric' ? { ...r, dimensionName: dimensionLabel(r.dimension, lang), themeName: r.theme ? themeLabel(r.theme, lang) : null } : r));
  return {
    name, format: read.format, text: read.text, records: named, findings: findingsOf([file]), warnings: read.warnings ?? [], csv: csvHeader(lang) + csvRows(records, lang),
    // A Word draft can be handed back with the findings as comments.
    annotatable: read.format === 'docx' && file.messages.length > 0,
  };
}

/** The uploaded Word draft with every finding as a comment on its text (what lint --annotate writes). */
export async function annotateUpload(name: string, bytes: Buffer, lang: Lang): Promise<Uint8Array> {
  const { read, file } = await run(name, bytes, lang);
  if (read.format !== 'docx') throw new InputError(name, 'is not a Word (.docx) file: only Word drafts can be handed back with comments');
  const { annotateDocx, annotationsOf } = await import('../lint/annotate/index.js');
  return annotateDocx(bytes, annotationsOf(file)).bytes;
}
