// Random mixes of lines on the edges of CommonMark and of micromark's reading of it, streamed one
// character at a time: the streamed split always renders what the whole text renders.
import { expect, it } from 'vitest';
import { BlockSplitter, splitBlocks } from '../../src/renderer/features/chat/markdown/blocks';
import { random } from '../servers/sse';
import { renderSplit, renderWhole } from './render-markdown';

const LINES = [
  ...['foo', 'bar baz', '', '', '', '   ', '\t', 'x\\', 'hard  ', '***bold*** text', '`code`', 'www.x.org'],
  ...['#', '# h', '#x', '##', 'setext', '===', '---', '***', '***a', '* * *', '- - -'],
  ...['```', '```js', '```a`', '~~~', '    code', '     deep', '  indented', '   x'],
  ...['>', '> q', '>#', '> 1.', '>> a', ' > b', '> - q', '>     code', '>\tcode'],
  ...['- a', '-', '-x', '* b', '+ c', '1. one', '1.', '2) two', '7', '7.', '10) ten', '  - nested', '\t- tab'],
  ...['- # h', '-     code', '1. > c', '- 2) x', '- a | b', '7. | a', '2) a | b'],
  ...['| a | b |', '| - | - |', '|:-|-:|', '| 1 | 2 |', '|', '| -', '|-|-|', '| x | y'],
  ...['<div>', '<div', '<divx>', '</div>', '<!-- c', '-->', '<pre>', '</pre>', '<span>', '<span/>x', '<img src="x" fuse="true"/>'],
];

it('renders a streamed mix of tricky lines as the whole text at every character', () => {
  const next = random(11);
  for (let mix = 0; mix < 40; mix += 1) {
    const lineEnding = next() < 0.15 ? '\r\n' : next() < 0.05 ? '\r' : '\n';
    const lines = Array.from({ length: 3 + Math.floor(next() * 12) }, () => LINES[Math.floor(next() * LINES.length)]);
    const text = lines.join(lineEnding);
    const splitter = new BlockSplitter();
    const rendered = new Map<string, string>();
    for (let end = 1; end <= text.length; end += 1) {
      const prefix = text.slice(0, end);
      const split = splitter.update(prefix);
      expect(split, JSON.stringify(prefix)).toEqual(splitBlocks(prefix));
      expect(renderSplit(split, rendered), JSON.stringify(prefix)).toBe(renderWhole(prefix));
    }
  }
});
