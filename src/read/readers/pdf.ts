import { FormatError, startsWith, type Reader } from '../reader.js';

// PDF with a text layer, as published reports mostly are. Pages without
// text of their own but with an image are scans: named in a warning, so a
// report read in part never looks read in full; a PDF that is all scans is
// refused with the reason. The text-layer source is the seam for OCR
// (pdf/pages.ts PageTextSource).

const SIGNATURE = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

function pageList(numbers: number[]): string {
  return numbers.length <= 8 ? numbers.join(', ') : `${numbers.slice(0, 8).join(', ')} … (${numbers.length} pages)`;
}

export const pdf: Reader = {
  format: 'pdf',
  extensions: ['.pdf'],
  // %PDF- may follow a few bytes of junk; readers accept it within the first kilobyte.
  sniff: (head) => startsWith(head, SIGNATURE) || Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, 1024)).includes('%PDF-'),
  read: async (bytes) => {
    const [{ readPdfPages, SCANNED_BELOW }, { pageLines }, { layoutText }] = await Promise.all([import('../pdf/pages.js'), import('../pdf/lines.js'), import('../pdf/layout.js')]);
    const pages = await readPdfPages(bytes);
    const scanned = pages.filter((p) => p.hasImages && p.runs.reduce((n, r) => n + r.text.replace(/\s/g, '').length, 0) < SCANNED_BELOW).map((p) => p.number);
    const { text, blocks } = layoutText(pages.map(pageLines));
    if (text.trim() === '' && scanned.length > 0) {
      throw new FormatError(`has no text layer on any of its ${pages.length} pages (scanned images): nothing to read without OCR`);
    }
    const warnings = scanned.length > 0 ? [`pages ${pageList(scanned)} of ${pages.length} have no text layer (scanned images): their text is not read`] : [];
    return { text, blocks, pages: pages.length, ...(warnings.length > 0 ? { warnings } : {}) };
  },
};
