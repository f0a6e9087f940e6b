import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { required } from '../stage.js';
import { findAll } from './index.js';

/** Finds amounts and placeholders in the prose ranges the structure stage left. */
export const reportFind: Plugin<[], Root> = function () {
  return (_tree, file) => {
    const layout = required(file.data.layout, 'the layout');
    file.data.findings = findAll(String(file.value), layout.scanRanges, layout.tables);
  };
};
