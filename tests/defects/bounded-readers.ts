import { Zip, ZipDeflate, zipSync, strToU8 } from 'fflate';

// Inputs made to break readers: a Word file that inflates to hundreds of
// megabytes, a large but honest one, web pages very wide and very deep.

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
const TAIL = '</w:body></w:document>';
const TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';

export function paragraph(text: string): string {
  return `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
}

/** A .docx whose document.xml is `mb` megabytes of paragraphs, deflated as it is made (the test never holds it whole). */
export function inflatingDocx(mb: number): Buffer {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  });
  const types = new ZipDeflate('[Content_Types].xml');
  zip.add(types);
  types.push(strToU8(TYPES), true);
  const doc = new ZipDeflate('word/document.xml', { level: 1 });
  zip.add(doc);
  doc.push(strToU8(HEAD));
  const block = strToU8(paragraph('全镇新建道路12公里。').repeat(20000));
  for (let done = 0; done < mb * 1024 * 1024; done += block.length) doc.push(block);
  doc.push(strToU8(TAIL), true);
  zip.end();
  return Buffer.concat(chunks);
}

/** A .docx whose directory says document.xml is small while it inflates to much more. */
export function lyingDocx(mb: number): Buffer {
  const bytes = inflatingDocx(mb);
  // Rewrite the uncompressed size of word/document.xml in its local header and its central directory entry.
  const name = Buffer.from('word/document.xml');
  for (let at = bytes.indexOf(name); at >= 0; at = bytes.indexOf(name, at + 1)) {
    if (bytes.readUInt32LE(at - 30) === 0x04034b50) bytes.writeUInt32LE(1000, at - 30 + 22);
    if (bytes.readUInt32LE(at - 46) === 0x02014b50) bytes.writeUInt32LE(1000, at - 46 + 24);
  }
  return bytes;
}

export function docxOf(paragraphs: string[]): Buffer {
  return Buffer.from(zipSync({ '[Content_Types].xml': strToU8(TYPES), 'word/document.xml': strToU8(HEAD + paragraphs.map(paragraph).join('') + TAIL) }));
}

export function widePage(paragraphs: number): string {
  return `<!doctype html><html><body><article>${Array.from({ length: paragraphs }, (_, i) => `<p>第${i}段：全镇新建道路${i + 1}公里。</p>`).join('')}</article></body></html>`;
}

export function deepPage(depth: number): string {
  return `<!doctype html><html><body>${'<div>'.repeat(depth)}全镇新建道路12公里。${'</div>'.repeat(depth)}<p>培训农民300人次。</p></body></html>`;
}
