import { existsSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';

// PDFs made in the tests, as report offices print them: A4, a CJK font
// (Debian's fonts-wqy-microhei), justified paragraphs with a two-character
// indent, a running header, a page number (— 3 —) at the foot of each page,
// tables as rows of cells set apart; and scanned pages, which are only an
// image.

export const CJK_FONT = ['/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', '/usr/share/fonts/wqy-microhei/wqy-microhei.ttc'].find((p) => existsSync(p)) ?? null;

export type Block = { paragraph: string } | { heading: string } | { table: string[][] } | { image: true } | { pageBreak: true };

const SIZE = 12;
const MARGIN = 72;

/** A gray image as PNG bytes (what a scanner gives, at no resolution worth reading). */
function png(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // grayscale
  const rows = Buffer.alloc((width + 1) * height, 0x80);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

export function makePdf(blocks: Block[], options: { header?: string } = {}): Promise<Buffer> {
  if (!CJK_FONT) throw new Error('no CJK font: install fonts-wqy-microhei');
  const doc = new PDFDocument({ size: 'A4', margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN }, bufferPages: true });
  doc.registerFont('cjk', CJK_FONT, 'WenQuanYiMicroHei');
  doc.font('cjk').fontSize(SIZE);
  const width = doc.page.width - 2 * MARGIN;
  for (const block of blocks) {
    if ('pageBreak' in block) doc.addPage();
    else if ('image' in block) doc.image(png(400, 500), MARGIN, MARGIN, { width: 400 });
    else if ('heading' in block) doc.fontSize(SIZE + 2).text(block.heading, { width }).fontSize(SIZE).moveDown(0.3);
    else if ('paragraph' in block) doc.text(block.paragraph, { width, align: 'justify', indent: 2 * SIZE, lineGap: 4 }).moveDown(0.3);
    else {
      const columns = block.table[0]!.length;
      const cell = width / columns;
      for (const row of block.table) {
        if (doc.y > doc.page.height - MARGIN - 2 * SIZE) doc.addPage();
        const y = doc.y;
        row.forEach((text, c) => doc.text(text, MARGIN + c * cell, y, { width: cell - SIZE, lineBreak: false }));
        doc.x = MARGIN;
        doc.y = y + SIZE * 1.8;
      }
      doc.moveDown(0.5);
    }
  }
  // The running header and the page number, drawn on every page once the text is laid out.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Text in the margins would otherwise start a new page.
    doc.page.margins = { top: 0, bottom: 0, left: MARGIN, right: MARGIN };
    if (options.header) doc.fontSize(9).text(options.header, MARGIN, MARGIN / 2, { width, align: 'center', lineBreak: false });
    doc.fontSize(10).text(`— ${i + 1} —`, MARGIN, doc.page.height - MARGIN / 2 - 10, { width, align: 'center', lineBreak: false });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
