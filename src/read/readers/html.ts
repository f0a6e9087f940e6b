import { decodedText } from '../decode.js';
import type { Reader } from '../reader.js';

// The article of a web page (Readability), or the whole page's text when no
// article is found. linkedom and Readability take longer to load than a
// folder of plain-text reports takes to read: they load on the first page.

const importArticleReaders = () => Promise.all([import('linkedom'), import('@mozilla/readability')]);
let articleReaders: ReturnType<typeof importArticleReaders> | undefined;

/** Readability builds a DOM and walks it recursively: a page deeper or larger than this is read whole instead. */
const ARTICLE_MAX_DEPTH = 200;
const ARTICLE_MAX_ELEMENTS = 20000;

/** The page's article as text, or '' when there is none. */
async function articleText(page: string): Promise<string> {
  articleReaders ??= importArticleReaders();
  const [[{ parseHTML }, { Readability }], { htmlToText }] = await Promise.all([articleReaders, import('../markup.js')]);
  try {
    const article = new Readability(parseHTML(page).document as unknown as Document, { maxElemsToParse: ARTICLE_MAX_ELEMENTS }).parse();
    return article?.content ? htmlToText(article.content).text : '';
  } catch {
    return '';
  }
}

export const html: Reader = {
  format: 'html',
  text: true,
  extensions: ['.html', '.htm', '.xhtml'],
  read: async (bytes, options) => {
    const decoded = decodedText(bytes, options.encoding);
    // The HTML tokenizer loads with the first page, not with every run.
    const { htmlToText } = await import('../markup.js');
    const whole = htmlToText(decoded.text);
    const article = whole.depth < ARTICLE_MAX_DEPTH && whole.elements < ARTICLE_MAX_ELEMENTS ? await articleText(decoded.text) : '';
    return { text: article.trim() !== '' ? article : whole.text, encoding: decoded.encoding, warnings: decoded.warnings };
  },
};
