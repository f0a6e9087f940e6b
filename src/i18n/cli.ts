import type { Lang } from '../lint/messages.js';

// What the command line says, in the user's language: help, errors, the
// progress line and the summary. Chinese by default; English with --lang en
// or an English locale (lint/messages.ts detectLang).

const zh = {
  program: '从中文政府工作报告中提取数字指标和未填写的占位符',
  version: '显示版本号',
  help: '显示命令帮助',
  helpCommand: '显示某个命令的帮助',
  extract: {
    description: '提取每一个指标和占位符，输出为记录',
    paths: '报告文件或文件夹（.txt、.md、.docx、.doc、.wps、.rtf、.html、.pdf），递归查找',
    format: '输出格式（默认：按 --out 的扩展名，否则为 jsonl）',
    out: '把记录写入此文件（原子写入），不写到标准输出；以 / 结尾的文件夹（DIR/）为可续跑的运行',
    reports: '把每份报告一行的报告表写入此文件（默认：--out 旁边的 *.reports.*）',
    jobs: '工作线程数（默认：大批量时用全部核心，0 = 只用本线程）',
    shard: '只处理 N 份中的第 K 份（按各文件相对于输入文件夹的路径散列）',
    stats: '结束时在标准错误输出文件数、MB/s、记录数、内存峰值和 CPU 时间（text，或供脚本读取的 json）',
    verify: '可续跑的运行（--out DIR/）中，对每个文件计算散列判断是否改动，而不只看大小和修改时间',
    encoding: '按此编码读取文本文件（gbk、big5、utf-16le …），不自动检测',
    summary: '打印每份报告的汇总（给出 --out 时默认打印）',
    noSummary: '不打印每份报告的汇总',
    quiet: '只输出记录和错误',
    keepFurniture: '保留网页杂项（横幅、计数器、相关文章列表）中的数字',
    lang: '提示信息的语言：zh 或 en',
  },
  lint: {
    description: '列出每一个未填写的占位符和可疑数字；发现问题时退出码为 1',
    paths: '报告文件或文件夹（.txt、.md、.docx、.doc、.wps、.rtf、.html、.pdf）',
    format: '输出格式',
    stdin: '检查标准输入中的文本',
    stdinFilename: '--stdin 的文件名：决定其格式、配置查找和提示中的名称',
    keepFurniture: '同时检查网页杂项',
    needPaths: '请给出要检查的文件或文件夹，或使用 --stdin',
    maxWarnings: '警告多于 N 条时退出码为 1（错误总是为 1）',
    outputFile: '把检查结果写入此文件，不写到标准输出',
    annotate: '把每份 Word 草稿另存为 名称.checked.docx，每个问题作为批注标在原文处（不改动原文件）',
  },
  eval: {
    description: '将提取结果与人工标注（docs/EXTRACTION.md 格式）比对',
    gold: '人工标注 .jsonl 文件所在的文件夹',
    paths: '已标注的报告',
    json: '输出供程序读取的汇总',
    verbose: '列出每一处遗漏、多报和不一致',
    encoding: '按此编码读取文本文件，不自动检测',
    keepFurniture: '保留网页杂项中的数字',
  },
  serve: {
    description: '在本机打开一个网页，无需终端即可检查草稿（.docx、.doc、.wps、.pdf、.txt、.md …）',
    port: '监听的端口（0 = 自动选择空闲端口）',
    host: '监听的地址；默认只允许本机访问',
    open: (url: string) => `report-metrics：请打开 ${url}（按 Ctrl-C 停止）`,
    exposed: (host: string) => `report-metrics serve：正在 ${host} 上监听：其他计算机也能访问此页面并上传草稿`,
  },
  lsp: {
    description: '语言服务器（LSP，经标准输入输出）：在编辑器中随输入检查 .txt 和 .md 草稿',
    stdio: '经标准输入输出通信（默认，编辑器常会传入此选项）',
  },
  schema: {
    description: '输出记录的 JSON Schema',
    reports: '输出报告表而不是记录的 JSON Schema',
  },
  run: {
    cannotWrite: (target: string, why: string) => `无法写入 ${target}：${why}`,
    needsFile: (format: string) => `--format ${format} 需要 --out 文件`,
    noReport: (paths: string) => `在 ${paths} 中没有找到可读取的报告`,
    nothingToCheck: (paths: string, ignored: boolean) => `在 ${paths} 中没有要检查的文件${ignored ? '（所有文件都被 .reportmetricsignore 忽略）' : ''}`,
    warning: '警告',
    written: (path: string) => `记录已写入 ${path}`,
    resumed: (processed: number, unchanged: number) => `处理 ${processed} 份，${unchanged} 份未改动而跳过`,
    annotated: (path: string, comments: number, missed: number) => `已写出 ${path}（${comments} 条批注${missed > 0 ? `，${missed} 条未能定位` : ''}）`,
    standardOutput: '标准输出',
  },
  skipped: (count: number, parts: string, names: string) => `跳过了 ${count} 个不读取的文件：${parts}（${names}）`,
  noExtension: '（无扩展名）',
  progress: (done: number, total: number, rate: string, eta: number) => `${done}/${total} 个文件  ${rate} MB/s  剩余约 ${eta} 秒`,
  summary: {
    report: '报告',
    metrics: '指标',
    placeholders: '占位符（数值+文字）',
    byTheme: '按主题',
    byDimension: '按计量类别',
    error: '错误',
    total: (n: number) => `合计：${n} 份报告`,
  },
  stats: (files: number, mb: string, seconds: string, rate: string, records: string, furniture: number, rss: string, cpu: string, cores: string) =>
    `统计：${files} 个文件，${mb} MB，用时 ${seconds} 秒（${rate} MB/s）；${records} 条记录；略去网页杂项 ${furniture} 行；内存峰值 ${rss} MB；CPU ${cpu} 秒（平均 ${cores} 个核心）`,
  gold: {
    ambiguous: (doc: string, n: number, names: string) => `标注文档 ${doc} 对应 ${n} 份报告（${names}）：请在标注文件中写明其路径；此文档不计分`,
    missing: (doc: string) => `标注文档 ${doc} 没有对应的报告：其中的指标都算作遗漏`,
  },
};

type Messages = typeof zh;

const en: Messages = {
  program: 'Extract amounts and unfilled placeholders from Chinese government work reports',
  version: 'output the version number',
  help: 'display help for command',
  helpCommand: 'display help for a command',
  extract: {
    description: 'extract every metric and placeholder into records',
    paths: 'report files or folders (.txt, .md, .docx, .doc, .wps, .rtf, .html, .pdf), searched recursively',
    format: 'output format (default: from --out\'s extension, else jsonl)',
    out: 'write records to this file (atomically) instead of stdout; a folder (DIR/) makes a resumable run',
    reports: 'write the reports table (one row per report) to this file (default: *.reports.* beside --out)',
    jobs: 'worker threads (default: all cores for large runs, 0 = this thread)',
    shard: 'process only shard K of N (by a hash of each path relative to its input folder)',
    stats: 'print files, MB/s, records, peak memory and CPU time to stderr at the end (text, or json for scripts)',
    verify: 'in a resumable run (--out DIR/), hash every file to tell whether it changed, instead of trusting its size and time',
    encoding: 'read text files in this encoding (gbk, big5, utf-16le …) instead of detecting it',
    summary: 'print the per-report summary (default when --out is given)',
    noSummary: 'do not print the per-report summary',
    quiet: 'print nothing but records and errors',
    keepFurniture: 'keep numbers from web-page furniture (banners, counters, related lists)',
    lang: 'language of messages: zh or en',
  },
  lint: {
    description: 'list every unfilled placeholder and doubtful number; exit 1 when any is found',
    paths: 'report files or folders (.txt, .md, .docx, .doc, .wps, .rtf, .html, .pdf)',
    format: 'output format',
    stdin: 'check the text given on standard input',
    stdinFilename: 'file name for --stdin: its format, config lookup and the name in messages',
    keepFurniture: 'also check web-page furniture',
    needPaths: 'give files or folders to check, or --stdin',
    maxWarnings: 'exit 1 when there are more than N warnings (errors always exit 1)',
    outputFile: 'write the report to this file instead of standard output',
    annotate: 'hand each Word draft back as NAME.checked.docx, every finding a comment on its text (the original is not touched)',
  },
  eval: {
    description: 'compare extracted records with gold annotations (docs/EXTRACTION.md format)',
    gold: 'folder of gold .jsonl files',
    paths: 'the annotated reports',
    json: 'machine-readable summary',
    verbose: 'list every missed, spurious and disagreeing mention',
    encoding: 'read text files in this encoding instead of detecting it',
    keepFurniture: 'keep numbers from web-page furniture',
  },
  serve: {
    description: 'start a local web page to check a draft (.docx, .doc, .wps, .pdf, .txt, .md …) without a terminal',
    port: 'port to listen on (0 picks a free one)',
    host: 'address to listen on; the default keeps it to this machine',
    open: (url) => `report-metrics: open ${url} (Ctrl-C to stop)`,
    exposed: (host) => `report-metrics serve: listening on ${host}: other machines can reach this page and upload drafts to it`,
  },
  lsp: {
    description: 'a language server (LSP over stdio): an editor checks .txt and .md drafts as they are typed',
    stdio: 'talk over standard input and output (the default; editors often pass it)',
  },
  schema: {
    description: 'print the JSON Schema of the records',
    reports: 'print the JSON Schema of the reports table instead',
  },
  run: {
    cannotWrite: (target, why) => `cannot write ${target}: ${why}`,
    needsFile: (format) => `--format ${format} needs --out FILE`,
    noReport: (paths) => `no report to read in ${paths}`,
    nothingToCheck: (paths, ignored) => `nothing to check in ${paths}${ignored ? ' (every file is ignored by .reportmetricsignore)' : ''}`,
    warning: 'warning',
    written: (path) => `records written to ${path}`,
    resumed: (processed, unchanged) => `${processed} processed, ${unchanged} unchanged and skipped`,
    annotated: (path, comments, missed) => `wrote ${path} (${comments} comment${comments === 1 ? '' : 's'}${missed > 0 ? `, ${missed} that could not be anchored` : ''})`,
    standardOutput: 'standard output',
  },
  skipped: (count, parts, names) => `skipped ${count} file${count === 1 ? '' : 's'} it does not read: ${parts} (${names})`,
  noExtension: '(no extension)',
  progress: (done, total, rate, eta) => `${done}/${total} files  ${rate} MB/s  ETA ${eta}s`,
  summary: {
    report: 'report',
    metrics: 'metrics',
    placeholders: 'placeholders (quantity+text)',
    byTheme: 'by theme',
    byDimension: 'by dimension',
    error: 'error',
    total: (n) => `total: ${n} reports`,
  },
  stats: (files, mb, seconds, rate, records, furniture, rss, cpu, cores) =>
    `stats: ${files} files, ${mb} MB in ${seconds} s (${rate} MB/s); ${records} records; ${furniture} lines of page furniture left out; peak memory ${rss} MB; CPU ${cpu} s (${cores} cores busy)`,
  gold: {
    ambiguous: (doc, n, names) => `gold document ${doc} matches ${n} reports (${names}): give its path in the gold file; it is not scored`,
    missing: (doc) => `gold document ${doc} matches no report given: its mentions count as missed`,
  },
};

export function cliText(lang: Lang): Messages {
  return lang === 'zh' ? zh : en;
}

/** Headings and phrases of commander's own help and errors, in Chinese. */
const COMMANDER_ZH: Array<[RegExp, string]> = [
  [/^Usage:/gm, '用法：'],
  [/^Arguments:/gm, '参数：'],
  [/^Options:/gm, '选项：'],
  [/^Commands:/gm, '命令：'],
  [/\(choices: ([^()]*?), preset: ([^()]*)\)/g, '（可选：$1，缺省值：$2）'],
  [/\(default: ([^()]*)\)/g, '（默认：$1）'],
  [/\(choices: ([^()]*)\)/g, '（可选：$1）'],
  [/^error: unknown option '(.+?)'(\n\(Did you mean (.+)\?\))?/m, "错误：未知选项 '$1'$2"],
  [/\(Did you mean (.+)\?\)/g, '（是否想用 $1？）'],
  [/^error: unknown command '(.+?)'/m, "错误：未知命令 '$1'"],
  [/^error: missing required argument '(.+?)'/m, "错误：缺少必需的参数 '$1'"],
  [/^error: required option '(.+?)' not specified/m, "错误：缺少必需的选项 '$1'"],
  [/^error: option '(.+?)' argument missing/m, "错误：选项 '$1' 缺少参数值"],
  [/^error: option '(.+?)' argument '(.+?)' is invalid\. Allowed choices are (.+)\./m, "错误：选项 '$1' 的值 '$2' 无效，可选值为 $3。"],
  [/^error: option '(.+?)' argument '(.+?)' is invalid\./m, "错误：选项 '$1' 的值 '$2' 无效。"],
  [/^error: too many arguments(.*)\. Expected (\d+) arguments? but got (\d+)\./m, '错误：参数过多$1，应为 $2 个，实际为 $3 个。'],
  [/^\(add --help for additional information\)/m, '（加 --help 查看更多信息）'],
];

export function commanderText(lang: Lang, text: string): string {
  if (lang !== 'zh') return text;
  let out = text;
  for (const [pattern, zhText] of COMMANDER_ZH) out = out.replace(pattern, zhText);
  return out;
}
