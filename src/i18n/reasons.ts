import type { Lang } from '../lint/messages.js';

// Why a file could not be read, or what the reader could not be sure of,
// in the reader's language. The readers say it in English (the language of
// the dataset's error column and of bug reports); what a person reads on the
// terminal or the page is translated here, pattern by pattern. A reason with
// no pattern is shown as the reader said it.

const ZH: Array<[RegExp, string]> = [
  [/^no such file or folder$/, '文件或文件夹不存在'],
  [/^permission denied$/, '没有读取权限'],
  [/^is a folder, not a file$/, '是文件夹，不是文件'],
  [/^symbolic link loop$/, '符号链接循环'],
  [/^a part of the path is not a folder$/, '路径中有一部分不是文件夹'],
  [/^is not a regular file \(a pipe, socket or device\): not read$/, '不是普通文件（管道、套接字或设备）：未读取'],
  [/^is (\d+) MB, more than the (\d+) MB a report may be: not read$/, '大小为 $1 MB，超过单个报告 $2 MB 的上限：未读取'],
  [/^looks like a binary file \(it contains NUL bytes\)$/, '看起来是二进制文件（含有 NUL 字节）'],
  [/^looks like a binary file \(control characters\)$/, '看起来是二进制文件（含有控制字符）'],
  [/^has a UTF-8 byte order mark but is not valid UTF-8$/, '带有 UTF-8 字节顺序标记，但不是有效的 UTF-8'],
  [/^is neither UTF-8, GB18030 nor Big5 text \(undecodable bytes\); give its encoding with --encoding$/, '不是 UTF-8、GB18030 或 Big5 文本（有无法解码的字节）；请用 --encoding 指定编码'],
  [/^is not valid (\S+) \(truncated or broken\)$/, '不是有效的 $1 文本（被截断或已损坏）'],
  [/^is not valid (\S+) text$/, '不是有效的 $1 文本'],
  [/^unknown encoding "(.*)"$/, '未知编码“$1”'],
  [/^is a (\S*) file, a format report-metrics does not read$/, '是 $1 文件，report-metrics 不读取这种格式'],
  [/^is not a Word \(\.docx\) file: it has no word\/document\.xml$/, '不是 Word（.docx）文件：其中没有 word/document.xml'],
  [/^is not a readable (.+?): (.*)$/, '不是可读取的$1：$2'],
  [/^holds (\d+) parts, more than the (\d+) a document may have: not read$/, '包含 $1 个部件，超过文档上限 $2 个：未读取'],
  [/^has a part \((.+)\) of (\d+) MB uncompressed, more than the (\d+) MB allowed: not read$/, '部件 $1 解压后为 $2 MB，超过 $3 MB 的上限：未读取'],
  [/^has a part \((.+)\) larger than (\d+) MB uncompressed: not read$/, '部件 $1 解压后超过 $2 MB：未读取'],
  [/^unpacks to more than (\d+) MB: not read$/, '解压后超过 $1 MB：未读取'],
  [/^gives more than (\d+) M characters of text: not read$/, '文本超过 $1 M 个字符：未读取'],
  [/^nests its XML more than (\d+) levels deep: not read$/, 'XML 嵌套超过 $1 层：未读取'],
  [/^has broken XML: (.*)$/, 'XML 已损坏：$1'],
  [/^read as (\S+), but few of its characters are common Chinese ones: if the text looks wrong, give its encoding with --encoding$/, '已按 $1 读取，但其中常用汉字很少：如果文字显示不对，请用 --encoding 指定编码'],
  [/^is a PDF protected by a password: not read$/, '是受密码保护的 PDF：未读取'],
  [/^is not a readable PDF: (.*)$/, '不是可读取的 PDF：$1'],
  [/^has no text layer on any of its (\d+) pages \(scanned images\): nothing to read without OCR$/, '全部 $1 页都没有文字层（扫描图像）：不经 OCR 无法读取'],
  [/^pages (.+) of (\d+) have no text layer \(scanned images\): their text is not read$/, '共 $2 页中的第 $1 页没有文字层（扫描图像）：这些页的文字未读取'],
  [/^is not a Word 97–2003 or WPS document \(it is not a compound file\): an older WPS file \(WPS 97, WPS 2000\) is not read; save it as \.docx in WPS Office$/, '不是 Word 97–2003 或 WPS 文档（不是复合文档格式）：不读取旧版 WPS 文件（WPS 97、WPS 2000）；请在 WPS Office 中另存为 .docx'],
  [/^is a compound file without a Word document in it \(an Excel or PowerPoint file, or a WPS file older than WPS 2005\): not read$/, '是不含 Word 文档的复合文档（Excel 或 PowerPoint 文件，或 WPS 2005 之前的 WPS 文件）：未读取'],
  [/^is not a readable Word 97–2003 document: (.*)$/, '不是可读取的 Word 97–2003 文档：$1'],
  [/^is not an RTF document \(it does not begin with \{\\rtf\)$/, '不是 RTF 文档（开头不是 {\\rtf）'],
  [/^is not a readable RTF document: (.*)$/, '不是可读取的 RTF 文档：$1'],
  [/^internal error: (.*)$/, '内部错误：$1'],
  [/^worker crashed: (.*)$/, '工作线程崩溃：$1'],
  [/^worker exited with code (-?\d+)$/, '工作线程退出，退出码 $1'],
  [/^worker message could not be read: (.*)$/, '无法读取工作线程的消息：$1'],
];

export function reasonIn(lang: Lang, reason: string): string {
  if (lang !== 'zh') return reason;
  for (const [pattern, zh] of ZH) if (pattern.test(reason)) return reason.replace(pattern, zh);
  return reason;
}
