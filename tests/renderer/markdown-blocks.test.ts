import { describe, expect, it } from 'vitest';
import { BlockSplitter, splitBlocks } from '../../src/renderer/features/chat/markdown/blocks';

const sources = (text: string) => splitBlocks(text).blocks.map((block) => block.source);

describe('splitting an answer into blocks', () => {
  it('keeps its blocks when the finished answer is the streamed text without its last blank lines', () => {
    for (const text of [
      '# Title\n\nA paragraph.\n\n  - item\n\nlast',
      '- a\n\n- b',
      'intro\n| a | b |\n| - | - |\n| 1 | 2 |',
      'one\n\ntwo',
    ]) {
      const splitter = new BlockSplitter();
      let shown = '';
      for (const character of `${text}\n\n  \n`) splitter.update((shown += character));
      const before = splitter.update(shown).blocks;
      const trimmed = splitter.update(text);
      expect(trimmed).toEqual(splitBlocks(text));
      // Not parsed again from the start: blocks before the last line are the very same objects.
      if (trimmed.blocks.length > 1) expect(trimmed.blocks[0]).toBe(before[0]);
    }
  });

  it('cuts finished blocks at line starts, keeping blank lines and indentation, keyed by where they start', () => {
    expect(splitBlocks('# Title\n\nA paragraph.\n\n  - item\n\nlast')).toEqual({
      blocks: [
        { key: 0, source: '# Title\n\n' },
        { key: 9, source: 'A paragraph.\n\n' },
        { key: 23, source: '  - item\n\n' },
      ],
      tail: 'last',
    });
  });

  it('finishes a block once the line after it is complete, or begins after a blank line', () => {
    expect(sources('foo\n#')).toEqual([]); // "foo\n#bar" is one paragraph
    expect(sources('foo\n#\n')).toEqual(['foo\n']);
    expect(sources('foo\n\n#')).toEqual(['foo\n\n']);
    expect(sources('intro\n| a | b |\n| - | - |')).toEqual([]); // "| - | - |x" is no delimiter row
    expect(sources('intro\n| a | b |\n| - | - |\n')).toEqual(['intro\n']);
  });

  it('keeps a list growing while the line begun after a blank line may still become its next item', () => {
    expect(sources('1. a\n\n2')).toEqual([]); // "2." continues the list
    expect(sources('- a\n\n-')).toEqual([]);
    expect(sources('1. a\n\n2\n')).toEqual(['1. a\n\n']);
    expect(sources('- a\n\nThen')).toEqual(['- a\n\n']);
  });

  it('does not cut where micromark reads the next block differently from how it reads alone', () => {
    expect(sources('    code\n\n7. text\n\nend')).toEqual(['    code\n\n7. text\n\n']); // after indented code, "7." is text
    expect(sources('text\n> 1. item\n\nend')).toEqual(['text\n> 1. item\n\n']); // so it is right under a paragraph
    expect(sources('text\n7.\n| - |\n\nend')).toEqual(['text\n7.\n| - |\n\n']); // a table headed "7."
    expect(sources('text\n| a |\n| - |\n\nend')).toEqual(['text\n', '| a |\n| - |\n\n']);
  });

  it('ends lines at \\n, \\r\\n and \\r, but waits for the \\n that may follow a final \\r', () => {
    expect(sources('a\r\n\r\nb\r\n\r\nc')).toEqual(['a\r\n\r\n', 'b\r\n\r\n']);
    expect(sources('a\r\rb\r\rc')).toEqual(['a\r\r', 'b\r\r']);
    expect(sources('foo\n#\r')).toEqual([]);
    expect(sources('foo\n#\r\n')).toEqual(['foo\n']);
  });

  it.each([
    ['a link reference definition', 'See [the guide].\n\nMore.\n\n[the guide]: https://holst.app/guide\n'],
    ['a footnote definition', 'Warm light[^1].\n\nMore.\n\n[^1]: About 3000 K.\n'],
    ['a definition in a quote in a list', 'Text.\n\nMore.\n\n- > 1. [x]: /url\n'],
    ['a definition whose label runs over two lines', 'Text.\n\nMore.\n\n[two\nlines]: /url\n'],
    ['a definition still being written', 'Text.\n\nMore.\n\n[x]:'],
  ])('does not cut a text with %s, which reaches across the whole text', (_, text) => {
    expect(splitBlocks(text)).toEqual({ blocks: [], tail: text });
  });

  it('still cuts a text with links, task lists and brackets that are no definitions', () => {
    expect(sources('- [ ] task\n\n[link](https://x.y) and [not]: here\n\n[x]\n: y\n\nend')).toHaveLength(3);
  });

  it('takes back every block once a definition turns up while streaming', () => {
    const splitter = new BlockSplitter();
    expect(splitter.update('One.\n\nTwo [x].\n\n').blocks).toHaveLength(1);
    expect(splitter.update('One.\n\nTwo [x].\n\n[x]: /url')).toEqual({ blocks: [], tail: 'One.\n\nTwo [x].\n\n[x]: /url' });
  });

  it('continues from the text seen before, keeping its finished blocks as they were', () => {
    const splitter = new BlockSplitter();
    const first = splitter.update('# A\n\nOne.\n\nTw');
    const second = splitter.update('# A\n\nOne.\n\nTwo.');
    expect(second.blocks).toBe(first.blocks);
    expect(second.tail).toBe('Two.');
  });

  it('starts over when the text is replaced rather than grown', () => {
    const splitter = new BlockSplitter();
    splitter.update('# Draft\n\nFirst try.\n\nMore');
    expect(splitter.update('# Final\n\nSecond.\n\nEnd')).toEqual(splitBlocks('# Final\n\nSecond.\n\nEnd'));
    expect(splitter.update('Short')).toEqual({ blocks: [], tail: 'Short' });
  });
});
