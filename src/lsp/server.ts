import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DiagnosticSeverity,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Diagnostic,
} from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE, ConfigError, clearConfigCache, configFor } from '../lint/config.js';
import type { Lang } from '../lint/messages.js';
import type { LintMessage } from '../lint/plugin.js';
import { extractText } from '../pipeline.js';

// `report-metrics lsp`: the editor's findings as the draft is typed, for
// .txt and .md files, through the Language Server Protocol over stdio. The
// same pipeline and rules as `lint`, the configuration found upward from
// each file; a quick fix adds a word to the nearest configuration's allow
// list (placeholders.allow), for an office whose documents use it.

const ALLOW_COMMAND = 'report-metrics.allowWord';
const LANGUAGES = /\.(txt|md|markdown)$/i;

export function startLanguageServer(lang: Lang): void {
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  const documents = new TextDocuments(TextDocument);

  connection.onInitialize(() => ({
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      executeCommandProvider: { commands: [ALLOW_COMMAND] },
    },
    serverInfo: { name: 'report-metrics' },
  }));

  const diagnose = (doc: TextDocument): Diagnostic[] => {
    const path = doc.uri.startsWith('file:') ? fileURLToPath(doc.uri) : doc.uri;
    if (!LANGUAGES.test(path)) return [];
    let config;
    try {
      config = configFor(dirname(path)).config;
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      return [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Error, source: 'report-metrics', message: err.message }];
    }
    const { file } = extractText(doc.getText(), basename(path), { lint: { config, lang } });
    return (file.messages as LintMessage[]).flatMap((m) => {
      const place = m.place && 'start' in m.place ? m.place : null;
      if (!place) return [];
      return [{
        range: { start: { line: place.start.line - 1, character: place.start.column - 1 }, end: { line: place.end.line - 1, character: place.end.column - 1 } },
        severity: m.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
        source: 'report-metrics',
        code: m.ruleId ?? undefined,
        message: m.reason,
        // The word to allow: the mask with the character it is written against (X光), never a bare X that would allow every blank.
        data: { text: wordAt(doc.getText(), place.start.offset ?? 0, place.end.offset ?? 0), kind: m.kind },
      }];
    });
  };

  const publish = (doc: TextDocument) => void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: diagnose(doc) });
  // Opening a document counts as its first change: one publication each.
  documents.onDidChangeContent((e) => publish(e.document));
  documents.onDidClose((e) => void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] }));

  connection.onCodeAction((params) =>
    params.context.diagnostics
      .filter((d) => d.source === 'report-metrics' && (d.data as { kind?: string } | undefined)?.kind !== 'check' && (d.data as { text?: string } | undefined)?.text)
      .map((d): CodeAction => {
        const word = (d.data as { text: string }).text;
        const title = lang === 'zh' ? `将“${word}”加入允许列表（${CONFIG_FILE}）` : `Allow "${word}" (${CONFIG_FILE})`;
        return { title, kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title, command: ALLOW_COMMAND, arguments: [params.textDocument.uri, word] } };
      }),
  );

  connection.onExecuteCommand((params) => {
    if (params.command !== ALLOW_COMMAND) return;
    const [uri, word] = params.arguments as [string, string];
    allowWord(dirname(fileURLToPath(uri)), word);
    clearConfigCache();
    for (const doc of documents.all()) publish(doc);
  });

  documents.listen(connection);
  connection.listen();
}

function wordAt(text: string, start: number, end: number): string {
  const after = /^[\u3400-\u9fff]/.test(text[end] ?? '') ? text[end]! : '';
  return text.slice(start, end) + after;
}

/** Adds a word to placeholders.allow of the configuration in force for `dir`, or of a new one beside the file. */
export function allowWord(dir: string, word: string): string {
  const { source } = configFor(dir);
  type Settings = { placeholders?: { allow?: string[] } };
  const add = (config: Settings) => {
    config.placeholders ??= {};
    config.placeholders.allow ??= [];
    if (!config.placeholders.allow.includes(word)) config.placeholders.allow.push(word);
  };
  // The settings live where they were found: a package.json keeps them in its reportMetrics field.
  if (source && basename(source) === 'package.json') {
    const pkg = JSON.parse(readFileSync(source, 'utf8')) as { reportMetrics?: Settings };
    pkg.reportMetrics ??= {};
    add(pkg.reportMetrics);
    writeFileSync(source, JSON.stringify(pkg, null, 2) + '\n');
    return pathToFileURL(source).href;
  }
  const path = source ?? join(dir, CONFIG_FILE);
  const config = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Settings) : {};
  add(config);
  writeFileSync(path, JSON.stringify(config, null, 2) + '\n');
  return pathToFileURL(path).href;
}
