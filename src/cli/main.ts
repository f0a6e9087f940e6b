#!/usr/bin/env node
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { parseShard } from '../run/shard.js';
import { readFileSync } from 'node:fs';
import { detectLang } from '../lint/messages.js';
import { recordsJsonSchema } from '../records/schema.js';
import { OUTPUT_FORMATS } from '../output/sinks/index.js';
import { normaliseEncoding } from '../read/decode.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

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

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('report-metrics')
    .description('Extract amounts and unfilled placeholders from Chinese government work reports')
    .version(pkg.version)
    .exitOverride()
    .showHelpAfterError();

  program
    .command('extract')
    .description('extract every metric and placeholder into records')
    .argument('<paths...>', 'report files or folders (.txt, .md, .docx, .html), searched recursively')
    .addOption(new Option('-f, --format <format>', 'output format (default: from --out\'s extension, else jsonl)').choices(OUTPUT_FORMATS))
    .option('-o, --out <file>', 'write records to this file (atomically) instead of stdout; a folder (DIR/) makes a resumable run')
    .option('-j, --jobs <n>', 'worker threads (default: all cores for large runs, 0 = this thread)', parseJobs)
    .option('--shard <K/N>', 'process only shard K of N (by a hash of each path relative to its input folder)', parseShardOption)
    .addOption(new Option('--stats [format]', 'print files, MB/s, records, peak memory and CPU time to stderr at the end (text, or json for scripts)').choices(['text', 'json']).preset('text'))
    .option('--verify', 'in a resumable run (--out DIR/), hash every file to tell whether it changed, instead of trusting its size and time')
    .option('--encoding <name>', 'read text files in this encoding (gbk, big5, utf-16le …) instead of detecting it', parseEncoding)
    .option('--summary', 'print the per-report summary (default when --out is given)')
    .option('--no-summary', 'do not print the per-report summary')
    .option('-q, --quiet', 'print nothing but records and errors')
    .option('--keep-furniture', 'keep numbers from web-page furniture (banners, counters, related lists)')
    .option('--lang <lang>', 'language of messages: zh or en')
    .action(async (paths: string[], opts) => {
      // Each command loads only its own modules: extract has no use for the lint reporters, nor lint for the writers.
      const { extractCommand } = await import('./extract.js');
      setExit(await extractCommand(paths, { ...opts, lang: detectLang(opts.lang) }));
    });

  program
    .command('lint')
    .description('list every unfilled placeholder and doubtful number; exit 1 when any is found')
    .argument('[paths...]', 'report files or folders (.txt, .md, .docx, .html)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['stylish', 'json', 'sarif', 'github', 'unix']).default('stylish'))
    .option('--stdin', 'check the text given on standard input')
    .option('--encoding <name>', 'read text files in this encoding (gbk, big5, utf-16le …) instead of detecting it', parseEncoding)
    .option('--stdin-filename <name>', 'file name for --stdin: its format, config lookup and the name in messages')
    .option('--keep-furniture', 'also check web-page furniture')
    .option('--lang <lang>', 'language of messages: zh or en')
    .action(async (paths: string[], opts) => {
      if (!opts.stdin && paths.length === 0) throw new InvalidArgumentError('give files or folders to check, or --stdin');
      const { runLint } = await import('./lint.js');
      setExit(await runLint(paths, { ...opts, lang: detectLang(opts.lang), version: pkg.version }));
    });

  program
    .command('eval')
    .description('compare extracted records with gold annotations (docs/EXTRACTION.md format)')
    .requiredOption('-g, --gold <dir>', 'folder of gold .jsonl files')
    .argument('<paths...>', 'the annotated reports')
    .option('--json', 'machine-readable summary')
    .option('-v, --verbose', 'list every missed, spurious and disagreeing mention')
    .option('--encoding <name>', 'read text files in this encoding instead of detecting it', parseEncoding)
    .option('--keep-furniture', 'keep numbers from web-page furniture')
    .action(async (paths: string[], opts) => {
      const { runEval } = await import('./eval.js');
      setExit(await runEval(paths, opts));
    });

  program
    .command('serve')
    .description('start a local web page to check a draft (.docx, .txt, .md) without a terminal')
    .option('-p, --port <port>', 'port to listen on (0 picks a free one)', (v) => Number(v), 4545)
    .option('--host <host>', 'address to listen on; the default keeps it to this machine', '127.0.0.1')
    .option('--lang <lang>', 'language of messages: zh or en')
    .action(async (opts: { port: number; host: string; lang?: string }) => {
      const { startServer, listenFailure } = await import('../serve/server.js');
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
      if (!['127.0.0.1', 'localhost', '::1'].includes(opts.host)) {
        process.stderr.write(`report-metrics serve: listening on ${opts.host}: other machines can reach this page and upload drafts to it\n`);
      }
      process.stdout.write(`report-metrics: open ${url} (Ctrl-C to stop)\n`);
      setExit(0);
      await new Promise(() => undefined);
    });

  program
    .command('schema')
    .description('print the JSON Schema of the records')
    .action(() => {
      process.stdout.write(JSON.stringify(recordsJsonSchema(), null, 2) + '\n');
    });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = buildProgram((code) => {
    exitCode = code;
  });
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

main(process.argv).then((code) => {
  process.exitCode = code;
});
