import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { reportData } from '../report-file.js';
import { findAll } from './index.js';

/** Finds amounts and placeholders in the prose ranges the structure stage left. */
export const reportFind: Plugin<[], Root> = function () {
  return (_tree, file) => {
    const data = reportData(file);
    const text = String(file.value);
    data.findings = findAll(text, data.scanRanges ?? [{ start: 0, end: text.length }]);
  };
};
