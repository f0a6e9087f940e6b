import yauzl from 'yauzl';
import { FormatError } from './reader.js';

// The parts of a ZIP package (.docx, .odt) a reader asks for, with bounds
// on what it may inflate: a 600 KB file can hold 400 MB of XML, and one
// such upload must fail on its own rather than take the process down.

export interface ZipLimits {
  /** Entries in the package's directory. */
  entries: number;
  /** Uncompressed bytes of one part. */
  partBytes: number;
  /** Uncompressed bytes of all parts read. */
  totalBytes: number;
}

export const ZIP_LIMITS: ZipLimits = { entries: 10_000, partBytes: 64 * 1024 * 1024, totalBytes: 128 * 1024 * 1024 };

const MB = 1024 * 1024;

/** The parts whose names `wanted` accepts, in the order they stand in the package; an error names the bound passed. */
export async function readZipParts(bytes: Buffer, wanted: (name: string) => boolean, what = 'ZIP package', limits: ZipLimits = ZIP_LIMITS): Promise<Map<string, Buffer>> {
  let zip: yauzl.ZipFile;
  try {
    zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, z) => (err ? reject(err) : resolve(z!))),
    );
  } catch (err) {
    throw new FormatError(`is not a readable ${what}: ${(err as Error).message}`);
  }
  if (zip.entryCount > limits.entries) {
    zip.close();
    throw new FormatError(`holds ${zip.entryCount} parts, more than the ${limits.entries} a document may have: not read`);
  }
  const parts = new Map<string, Buffer>();
  let total = 0;
  return new Promise((resolve, reject) => {
    const fail = (err: Error) => {
      zip.close();
      reject(err instanceof FormatError ? err : new FormatError(`is not a readable ${what}: ${err.message}`));
    };
    zip.on('error', fail);
    zip.on('end', () => resolve(parts));
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName.endsWith('/') || !wanted(entry.fileName)) return zip.readEntry();
      // Declared sizes are checked first; yauzl then holds the stream to its declared size.
      if (entry.uncompressedSize > limits.partBytes) return fail(new FormatError(`has a part (${entry.fileName}) of ${(entry.uncompressedSize / MB).toFixed(0)} MB uncompressed, more than the ${limits.partBytes / MB} MB allowed: not read`));
      if (total + entry.uncompressedSize > limits.totalBytes) return fail(new FormatError(`unpacks to more than ${limits.totalBytes / MB} MB: not read`));
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return fail(err ?? new Error('no stream'));
        const chunks: Buffer[] = [];
        let size = 0;
        stream.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > limits.partBytes) stream.destroy(new FormatError(`has a part (${entry.fileName}) larger than ${limits.partBytes / MB} MB uncompressed: not read`));
          else chunks.push(chunk);
        });
        stream.on('error', fail);
        stream.on('end', () => {
          total += size;
          parts.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
}
