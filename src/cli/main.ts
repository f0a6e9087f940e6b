#!/usr/bin/env node
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { parseShard } from '../run/shard.js';
import { VERSION } from '../version.js';
import { detectLang, type Lang } from '../lint/messages.js';
import { cliText, commanderText } from '../i18n/cli.js';
import { OUTPUT_FORMATS } from '../output/sinks/index.js';
import { normaliseEncoding } from '../read/decode.js';
import { tuneCompiler } from './compiler.js';

const pkg = { version: VERSION };

/** Exit status 2: the command line was wrong. */
const USAGE_ERROR = 2;

function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('a whole number, 0 or more');
  return n;
}

function parseEncoding(value: string): string {
  try {
    return normaliseEncoding(value);
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
}

function parseShardOption(value: string) {
  try {
    return parseShard(value);
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
}

/** --lang given anywhere on the command line, before commander has read it: help is written before any action runs. */
export function langOfArgs(argv: string[]): Lang {
  const at = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const given = at < 0 ? undefined : argv[at]!.includes('=') ? argv[at]!.split('=')[1] : argv[at + 1];
  return detectLang(given);
}

export function buildProgram(setExit: (code: number) => void, lang: Lang = detectLang()): Command {
  const t = cliText(lang);
  const localise = (cmd: Command) =>
    cmd
      .helpOption('-h, --help', t.help)
      .configureOutput({
        writeOut: (str) => process.stdout.write(commanderText(lang, str)),
        writeErr: (str) => process.stderr.write(commanderText(lang, str)),
      });
  const program = localise(new Command('report-metrics'))
    .description(t.program)
    .version(pkg.version, '-V, --version', t.version)
    .helpCommand('help [command]', t.helpCommand)
    .exitOverride()
    .showHelpAfterError();
  const command = (name: string) => localise(program.command(name)).exitOverride();
  const langOption = () => new Option('--lang <lang>', t.extract.lang).choices(['zh', 'en']);

  command('extract')
    .description(t.extract.description)
    .argument('<paths...>', t.extract.paths)
    .addOption(new Option('-f, --format <format>', t.extract.format).choices(OUTPUT_FORMATS))
    .option('-o, --out <file>', t.extract.out)
    .option('--reports <file>', t.extract.reports)
    .option('-j, --jobs <n>', t.extract.jobs, parseJobs)
    .option('--shard <K/N>', t.extract.shard, parseShardOption)
    .addOption(new Option('--stats [format]', t.extract.stats).choices(['text', 'json']).preset('text'))
    .option('--verify', t.extract.verify)
    .option('--encoding <name>', t.extract.encoding, parseEncoding)
    .option('--summary', t.extract.summary)
    .option('--no-summary', t.extract.noSummary)
    .option('-q, --quiet', t.extract.quiet)
    .option('--keep-furniture', t.extract.keepFurniture)
    .addOption(langOption())
    .action(async (paths: string[], opts) => {
      // Each command loads only its own modules: extract has no use for the lint reporters, nor lint for the writers.
      const { extractCommand } = await import('./extract.js');
      setExit(await extractCommand(paths, { ...opts, lang: detectLang(opts.lang) }));
    });

  command('lint')
    .description(t.lint.description)
    .argument('[paths...]', t.lint.paths)
    .addOption(new Option('-f, --format <format>', t.lint.format).choices(['stylish', 'json', 'sarif', 'github', 'unix']).default('stylish'))
    .option('--stdin', t.lint.stdin)
    .option('--encoding <name>', t.extract.encoding, parseEncoding)
    .option('--stdin-filename <name>', t.lint.stdinFilename)
    .option('--keep-furniture', t.lint.keepFurniture)
    .option('--max-warnings <n>', t.lint.maxWarnings, parseJobs)
    .option('-o, --output-file <file>', t.lint.outputFile)
    .option('--annotate', t.lint.annotate)
    .addOption(langOption())
    .action(async (paths: string[], opts, cmd: Command) => {
      if (!opts.stdin && paths.length === 0) {
        // No path and no --stdin: say how to use it, and fail as a usage error.
        process.stderr.write(`report-metrics: ${t.lint.needPaths}\n\n`);
        cmd.outputHelp({ error: true });
        setExit(2);
        return;
      }
      const { runLint } = await import('./lint.js');
      setExit(await runLint(paths, { ...opts, lang: detectLang(opts.lang), version: pkg.version }));
    });

  command('eval')
    .description(t.eval.description)
    .requiredOption('-g, --gold <dir>', t.eval.gold)
    .argument('<paths...>', t.eval.paths)
    .option('--json', t.eval.json)
    .option('-v, --verbose', t.eval.verbose)
    .option('--encoding <name>', t.eval.encoding, parseEncoding)
    .option('--keep-furniture', t.eval.keepFurniture)
    .addOption(langOption())
    .action(async (paths: string[], opts) => {
      const { runEval } = await import('./eval.js');
      setExit(await runEval(paths, { ...opts, lang: detectLang(opts.lang) }));
    });

  command('serve')
    .description(t.serve.description)
    .option('-p, --port <port>', t.serve.port, (v) => Number(v), 4545)
    .option('--host <host>', t.serve.host, '127.0.0.1')
    .addOption(langOption())
    .action(async (opts: { port: number; host: string; lang?: string }) => {
      const { startServer, listenFailure } = await import('../serve/server.js');
      const said = cliText(detectLang(opts.lang));
      let url: string;
      try {
        ({ url } = await startServer(opts.port, opts.host));
      } catch (err) {
        const why = listenFailure(err, opts.port, opts.host, detectLang(opts.lang));
        if (!why) throw err;
        process.stderr.write(`report-metrics serve: ${why}\n`);
        setExit(2);
        return;
      }
      if (!['127.0.0.1', 'localhost', '::1'].includes(opts.host)) process.stderr.write(`${said.serve.exposed(opts.host)}\n`);
      process.stdout.write(`${said.serve.open(url)}\n`);
      setExit(0);
      await new Promise(() => undefined);
    });

  command('lsp')
    .description(t.lsp.description)
    .option('--stdio', t.lsp.stdio)
    .addOption(langOption())
    .action(async (opts: { lang?: string }) => {
      const { startLanguageServer } = await import('../lsp/server.js');
      startLanguageServer(detectLang(opts.lang));
      await new Promise(() => undefined);
    });

  command('schema')
    .description(t.schema.description)
    .option('--reports', t.schema.reports)
    .action(async (opts: { reports?: boolean }) => {
      // zod is a fifth of a cold start: only this command and the dataset files need it.
      const { recordsJsonSchema, reportsJsonSchema } = await import('../records/schema.js');
      process.stdout.write(JSON.stringify(opts.reports ? reportsJsonSchema() : recordsJsonSchema(), null, 2) + '\n');
    });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const lang = langOfArgs(argv);
  const program = buildProgram((code) => {
    exitCode = code;
  }, lang);
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are successes; anything else commander rejects is a usage error.
      return err.exitCode === 0 ? 0 : USAGE_ERROR;
    }
    process.stderr.write(`report-metrics: ${(err as Error).stack ?? String(err)}\n`);
    return USAGE_ERROR;
  }
  return exitCode;
}

// A reader that stops early (`extract … | head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

tuneCompiler();
main(process.argv).then((code) => {
  process.exitCode = code;
});
