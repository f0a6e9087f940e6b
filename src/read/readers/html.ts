import { decodedText } from '../decode.js';
import type { Reader } from '../reader.js';

// The article of a web page (Readability), or the whole page's text when no
// article is found. linkedom and Readability take longer to load than a
// folder of plain-text reports takes to read: they load on the first page.

const importHtmlReaders = () => Promise.all([import('linkedom'), import('@mozilla/readability'), import('../markup.js')]);
let htmlReaders: ReturnType<typeof importHtmlReaders> | undefined;

export const html: Reader = {
  format: 'html',
  text: true,
  extensions: ['.html', '.htm', '.xhtml'],
  read: async (bytes, options) => {
    htmlReaders ??= importHtmlReaders();
    const [{ parseHTML }, { Readability }, { htmlToText, nodeToText }] = await htmlReaders;
    const decoded = decodedText(bytes, options.encoding);
    const { document } = parseHTML(decoded.text);
    const whole = nodeToText((document.body ?? document.documentElement) as never);
    let article: { content?: string | null } | null = null;
    try {
      article = new Readability(parseHTML(decoded.text).document as unknown as Document).parse();
    } catch {
      article = null;
    }
    const text = article?.content ? htmlToText(article.content) : '';
    return { text: text.trim() !== '' ? text : whole, encoding: decoded.encoding, warnings: decoded.warnings };
  },
};
