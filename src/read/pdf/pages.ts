import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FormatError } from '../reader.js';

// The pages of a PDF as positioned runs of text (pdfjs-dist's text layer),
// with whether a page holds images, so a page with none of its own text can
// be told scanned from blank. pdfjs loads only when a PDF is read, and finds
// its character maps and standard fonts inside its own package: no network.

export interface TextRun {
  text: string;
  /** Left edge and baseline, in PDF points from the page's bottom left. */
  x: number;
  y: number;
  width: number;
  /** Font size: the height of the run's glyphs. */
  size: number;
}

export interface PageText {
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  runs: TextRun[];
  /** The page paints at least one image: with no text it is a scan. */
  hasImages: boolean;
}

/**
 * Where a page's runs come from. The text layer today; an OCR engine can
 * take its place for the pages the text layer leaves empty (scanned pages),
 * giving runs in the same shape.
 */
export type PageTextSource = (page: PdfPage, number: number) => Promise<TextRun[]>;

interface PdfPage {
  getViewport(options: { scale: number }): { width: number; height: number };
  getTextContent(): Promise<{ items: Array<{ str?: string; transform?: number[]; width?: number; height?: number }> }>;
  getOperatorList(): Promise<{ fnArray: number[] }>;
  cleanup(): void;
}

const packageDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const assets = (sub: string) => pathToFileURL(join(packageDir, sub) + '/').href;

/** A page with fewer characters of text than this, and an image, is taken for a scan. */
export const SCANNED_BELOW = 20;

export const textLayer: PageTextSource = async (page) => {
  const content = await page.getTextContent();
  const runs: TextRun[] = [];
  for (const item of content.items) {
    if (typeof item.str !== 'string' || item.str === '' || !item.transform) continue;
    const [a, b, , d, e, f] = item.transform as [number, number, number, number, number, number];
    const size = Math.hypot(a, b) || Math.abs(d) || item.height || 0;
    runs.push({ text: item.str, x: e, y: f, width: item.width ?? 0, size });
  }
  return runs;
};

function describeLoadError(err: unknown): never {
  const name = (err as { name?: string })?.name;
  if (name === 'PasswordException') throw new FormatError('is a PDF protected by a password: not read');
  if (name === 'InvalidPDFException') throw new FormatError(`is not a readable PDF: ${(err as Error).message}`);
  throw new FormatError(`is not a readable PDF: ${(err as Error)?.message ?? String(err)}`);
}

export async function readPdfPages(bytes: Uint8Array, source: PageTextSource = textLayer): Promise<PageText[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: assets('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: assets('standard_fonts'),
    useSystemFonts: false,
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (err) {
    describeLoadError(err);
  }
  const imageOps = new Set([pdfjs.OPS.paintImageXObject, pdfjs.OPS.paintInlineImageXObject, pdfjs.OPS.paintImageMaskXObject]);
  const pages: PageText[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = (await doc.getPage(n)) as unknown as PdfPage;
      const viewport = page.getViewport({ scale: 1 });
      const runs = await source(page, n);
      const chars = runs.reduce((k, r) => k + r.text.replace(/\s/g, '').length, 0);
      // Only a page with little text is asked for its drawing operators: most pages are never looked at twice.
      const hasImages = chars < SCANNED_BELOW ? (await page.getOperatorList()).fnArray.some((op) => imageOps.has(op)) : false;
      pages.push({ number: n, width: viewport.width, height: viewport.height, runs, hasImages });
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return pages;
}
