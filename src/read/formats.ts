import { decode, DecodeError } from './decode.js';

// Word and web pages become plain report text before the pipeline runs;
// offsets, lines and columns then refer to that extracted text.
//
// mammoth, linkedom and Readability take longer to load (and to compile hot)
// than a folder of plain-text reports takes to read, so each thread loads
// them the first time it meets a .docx or .html file.

const importWordReader = () => import('mammoth');
const importHtmlReaders = () => Promise.all([import('linkedom'), import('@mozilla/readability'), import('./markup.js')]);
let wordReader: ReturnType<typeof importWordReader> | undefined;
let htmlReaders: ReturnType<typeof importHtmlReaders> | undefined;

function loadHtmlReaders() {
  htmlReaders ??= importHtmlReaders();
  return htmlReaders;
}

export class FormatError extends Error {}

export async function docxToText(bytes: Buffer): Promise<string> {
  wordReader ??= importWordReader();
  const [{ default: mammoth }, [, , { htmlToText }]] = await Promise.all([wordReader, loadHtmlReaders()]);
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: bytes })).value;
  } catch (err) {
    throw new FormatError(`is not a readable Word (.docx) file: ${(err as Error).message.split('\n')[0]}`);
  }
  return htmlToText(html);
}

/** The article of a web page (Readability), or the whole page's text when no article is found. */
export async function htmlPageToText(bytes: Buffer): Promise<{ text: string; encoding: ReturnType<typeof decode>['encoding'] }> {
  const [{ parseHTML }, { Readability }, { htmlToText, nodeToText }] = await loadHtmlReaders();
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
