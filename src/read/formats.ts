import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import mammoth from 'mammoth';
import { decode, DecodeError } from './decode.js';
import { htmlToText, nodeToText } from './markup.js';

// Word and web pages become plain report text before the pipeline runs;
// offsets, lines and columns then refer to that extracted text.

export class FormatError extends Error {}

export async function docxToText(bytes: Buffer): Promise<string> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: bytes })).value;
  } catch (err) {
    throw new FormatError(`is not a readable Word (.docx) file: ${(err as Error).message.split('\n')[0]}`);
  }
  return htmlToText(html);
}

/** The article of a web page (Readability), or the whole page's text when no article is found. */
export function htmlPageToText(bytes: Buffer): { text: string; encoding: ReturnType<typeof decode>['encoding'] } {
  let decoded;
  try {
    decoded = decode(bytes);
  } catch (err) {
    if (err instanceof DecodeError) throw new FormatError(err.message);
    throw err;
  }
  const { document } = parseHTML(decoded.text);
  const whole = nodeToText((document.body ?? document.documentElement) as never);
  let article: { content?: string | null } | null = null;
  try {
    article = new Readability(parseHTML(decoded.text).document as unknown as Document).parse();
  } catch {
    article = null;
  }
  const text = article?.content ? htmlToText(article.content) : '';
  return { text: text.trim() !== '' ? text : whole, encoding: decoded.encoding };
}
