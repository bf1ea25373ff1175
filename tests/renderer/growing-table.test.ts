import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { completeGrowingTable } from '../../src/renderer/features/chat/markdown/growing-table';

const blockKinds = (text: string) =>
  fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }).children.map((node) => node.type);

describe('completing a table that is still streaming in', () => {
  it.each([
    ['a header row', '| a | b |', '| a | b |\n| --- | --- |'],
    ['a header row and its line ending', '| a | b |\n', '| a | b |\n| --- | --- |'],
    ['a header row still being written', '| Size | Pix', '| Size | Pix\n| --- | --- |'],
    ['a delimiter row begun', '| a | b |\n|', '| a | b |\n| --- | --- |'],
    ['a delimiter row partly written, with alignments', '| a | b | c |\n| :-- | --: |', '| a | b | c |\n| :--- | ---: | --- |'],
    ['a delimiter cell that is a colon so far', '| a | b |\n| :', '| a | b |\n| :--- | --- |'],
    ['a table right after a paragraph', 'Sizes:\n| a | b |', 'Sizes:\n| a | b |\n| --- | --- |'],
    ['a table in a list item', '- sizes\n  | a | b |', '- sizes\n  | a | b |\n  | --- | --- |'],
  ])('completes the delimiter row after %s', (_, tail, shown) => {
    expect(completeGrowingTable(tail)).toBe(shown);
  });

  it('makes a table of the paragraph the header row was in', () => {
    expect(blockKinds('Sizes:\n| a | b |')).toEqual(['paragraph']);
    expect(blockKinds(completeGrowingTable('Sizes:\n| a | b |'))).toEqual(['paragraph', 'table']);
  });

  it.each([
    ['a one-cell row', '| a |'],
    ['a complete table', '| a | b |\n| - | - |'],
    ['a body row being written', '| a | b |\n| - | - |\n| 1 | 2'],
    ['rows after rows that start with a pipe', '| not | a |\n| header | row |'],
    ['a delimiter row with more cells than the header', '| a | b |\n| - | - | - |'],
    ['a row that is no delimiter', '| a | b |\n| - | x'],
    ['a row in a code fence', '```\n| a | b |'],
    ['a row in an HTML block', '<div>\n| a | b |'],
    ['a row after a blank line', '| a | b |\n\n'],
    ['a row without a leading pipe', 'a | b'],
  ])('leaves %s as written', (_, tail) => {
    expect(completeGrowingTable(tail)).toBe(tail);
  });
});
