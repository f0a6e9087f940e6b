import { parseHTML } from 'linkedom';

// HTML (from a web page, or from mammoth for a Word file) to report text:
// one line per block, one line per table row with its cells separated by a
// tab, so a metric inside a Word table keeps its row and column.

const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'li', 'ul', 'ol', 'blockquote', 'pre', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'dl', 'dt', 'dd', 'figure', 'figcaption', 'hr',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'button', 'select', 'input', 'textarea']);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

export function htmlToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return nodeToText(document.body as unknown as DomNode);
}

export function nodeToText(root: DomNode): string {
  const lines: string[] = [];
  let current = '';
  const flush = () => {
    const line = current.replace(/[ \t\u00a0]+/g, (m) => (m.includes('\t') ? '\t' : ' ')).trim();
    if (line !== '') lines.push(line);
    current = '';
  };
  let inCell = 0;
  const walk = (node: DomNode): void => {
    if (node.nodeType === 3) {
      current += (node.textContent ?? '').replace(/\s+/g, ' ');
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = node.nodeName.toLowerCase();
    if (SKIP.has(tag)) return;
    if (tag === 'br') {
      flush();
      return;
    }
    const cell = tag === 'td' || tag === 'th';
    // Paragraphs inside a cell (mammoth writes <td><p>…</p></td>) stay on the row's line.
    const block = BLOCKS.has(tag) && inCell === 0;
    if (block) flush();
    if (cell) {
      if (current.trim() !== '') current += '\t';
      inCell++;
    } else if (BLOCKS.has(tag) && inCell > 0 && current.trim() !== '' && !current.endsWith('\t')) current += ' ';
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]!);
    if (cell) inCell--;
    if (block) flush();
  };
  walk(root);
  flush();
  return lines.join('\n') + (lines.length > 0 ? '\n' : '');
}
