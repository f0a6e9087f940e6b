import type { Encoding } from './decode.js';

// A reader turns one input format into report text. Offsets, lines and
// columns of every record refer to the text the reader produced; its blocks
// say where each stretch of that text stands in the original.

export interface SourceBlock {
  start: number;
  end: number;
  /** 1-based page (PDF). */
  page?: number;
  /** 1-based paragraph of the original (Word). */
  paragraph?: number;
  /** The part of the document the text is from, when not the body. */
  part?: 'header' | 'footer' | 'footnote' | 'endnote';
  /** A table cell: 0-based table, 1-based row and column. */
  table?: { index: number; row: number; column: number };
}

export interface ReaderResult {
  text: string;
  encoding?: Encoding;
  blocks?: SourceBlock[];
  pages?: number;
  /** Something the reader could not read in full (scanned pages, an unread part), said per file. */
  warnings?: string[];
}

export interface ReadOptions {
  /** A text encoding to use instead of detecting one (any label TextDecoder knows). */
  encoding?: string;
}

export interface Reader {
  /** The `format` records carry. */
  format: string;
  /** File name endings this reader takes, lower case with the dot. */
  extensions: readonly string[];
  /** A text format (its bytes are decoded as text): a file whose first bytes are binary is refused unread. */
  text?: boolean;
  /** Whether the first bytes of a file are this format's signature: content wins over the name. */
  sniff?: (head: Uint8Array) => boolean;
  read(bytes: Buffer, options: ReadOptions): Promise<ReaderResult>;
}

/** A file this reader cannot read, with the reason in words. */
export class FormatError extends Error {}

export function startsWith(head: Uint8Array, signature: readonly number[]): boolean {
  if (head.length < signature.length) return false;
  for (let i = 0; i < signature.length; i++) if (head[i] !== signature[i]) return false;
  return true;
}
