// The block-by-block Markdown renders what rendering the whole text at once did: for a finished
// answer, and at every step while one streams in.
import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { Markdown } from '../../src/renderer/features/chat/Markdown';
import { answerComponents } from '../../src/renderer/features/chat/markdown/answer-components';
import { BlockSplitter, parseMarkdown, parsedBlock, splitBlocks, type Block } from '../../src/renderer/features/chat/markdown/blocks';
import { renderParsed } from '../../src/renderer/features/chat/markdown/render-tree';
import chat from '../../src/renderer/i18n/locales/en/chat.json';
import { longAnswer, tokenize } from '../servers/long-answer';
import { ANSWERS, type Answer } from './markdown-answers';
import { renderSplit, renderWhole } from './render-markdown';

// The window's bridge and error catalogue need a browser; nothing here follows a link.
vi.mock('../../src/renderer/features/chat/answer/open-link', () => ({ openLink: async () => {} }));
vi.mock('../../src/renderer/i18n/errors', () => ({ errorText: String }));

const i18n = i18next.createInstance();
let components: Components;

beforeAll(async () => {
  await i18n.use(initReactI18next).init({ lng: 'en', resources: { en: { chat } }, interpolation: { escapeValue: false } });
  components = answerComponents(i18n.getFixedT('en', 'chat'));
});

/**
 * The HTML without the boxes a streaming answer holds its finished blocks in (`md-group`, 32 blocks
 * each), and how many blocks each box held: what is left must be the whole text's HTML.
 */
function withoutGroups(html: string): { html: string; groups: number[] } {
  const groups: number[] = [];
  const open: Array<{ group: boolean; blocks: number }> = [];
  const out = html.replace(/<div class="md-group">|<div\b[^>]*>|<\/div>|<(?:p|ul|ol|h[1-6]|blockquote|pre|hr|table)\b/g, (tag) => {
    if (tag === '<div class="md-group">') {
      open.push({ group: true, blocks: 0 });
      return '';
    }
    if (tag.startsWith('<div')) {
      // A block of its own (a table's or a code box's frame) when directly in a group.
      const parent = open.at(-1);
      if (parent?.group) parent.blocks += 1;
      open.push({ group: false, blocks: 0 });
      return tag;
    }
    if (tag === '</div>') {
      const closed = open.pop();
      if (closed?.group) {
        groups.push(closed.blocks);
        return '';
      }
      return tag;
    }
    const parent = open.at(-1);
    if (parent?.group) parent.blocks += 1;
    return tag;
  });
  return { html: out, groups };
}

/** The growing texts a stream shows: after each token, character, or run of about 40 characters. */
function prefixes(answer: Answer): string[] {
  const { text } = answer;
  if (answer.byCharacter) return Array.from({ length: text.length }, (_, index) => text.slice(0, index + 1));
  const pieces = answer.long ? (text.match(/[\s\S]{1,40}/g) ?? []) : tokenize(text);
  expect(pieces.join('')).toBe(text);
  let shown = '';
  return pieces.map((piece) => (shown += piece));
}

describe.each(ANSWERS)('$name', (answer) => {
  it('renders a finished answer exactly as the whole text rendered at once, streamed in or not', () => {
    const whole = (className: string) =>
      renderToStaticMarkup(
        <div className={className}>
          <ReactMarkdown remarkPlugins={[remarkGfm]} components={components}>
            {answer.text}
          </ReactMarkdown>
        </div>,
      );
    expect(renderToStaticMarkup(<Markdown text={answer.text} />)).toBe(whole('message-body md'));
    // Streamed in, it is rendered block by block; none of the answers ends in a table's header row, so it shows the same.
    expect(withoutGroups(renderToStaticMarkup(<Markdown text={answer.text} streaming />)).html).toBe(whole('message-body md'));
  });

  it('while streaming, splits each prefix as a fresh split would and renders it the same as a whole', () => {
    const splitter = new BlockSplitter();
    const rendered = new Map<string, string>();
    let emitted: readonly Block[] = [];
    for (const prefix of prefixes(answer)) {
      const split = splitter.update(prefix);
      expect(split).toEqual(splitBlocks(prefix));
      expect(split.blocks.map((block) => block.source).join('') + split.tail).toBe(prefix);
      expect(renderSplit(split, rendered, components), JSON.stringify(prefix)).toBe(renderWhole(prefix, components));
      // The tail, parsed and rendered the window's way, as react-markdown renders it.
      expect(renderToStaticMarkup(<>{renderParsed(parseMarkdown(split.tail), components)}</>)).toBe(renderWhole(split.tail, components));
      // A finished block renders from the tree it was cut from as react-markdown renders its text.
      for (const block of split.blocks.slice(emitted.length)) {
        expect(renderToStaticMarkup(<>{renderParsed(parsedBlock(block)!, components)}</>)).toBe(renderWhole(block.source, components));
      }
      // A finished block never changes; only a definition turning up takes them all back.
      if (split.blocks.length > 0 || !answer.definitions) expect(split.blocks.slice(0, emitted.length)).toEqual(emitted);
      emitted = split.blocks;
    }
    expect(emitted.length === 0).toBe(Boolean(answer.definitions));
  });

  it('splits the saved answer (the streamed text without its last blank lines) as a fresh split would', () => {
    const splitter = new BlockSplitter();
    const streamed = `${answer.text}\n\n`;
    for (let end = 40; end < streamed.length + 40; end += 40) splitter.update(streamed.slice(0, end));
    expect(splitter.update(answer.text)).toEqual(splitBlocks(answer.text));
  });
});

describe('a long answer streamed in', () => {
  it('renders its finished blocks in groups, and, without their boxes, exactly as the whole text rendered at once', () => {
    const text = longAnswer(6000, 11);
    expect(splitBlocks(text).blocks.length).toBeGreaterThan(64);
    const whole = renderToStaticMarkup(
      <div className="message-body md">
        <ReactMarkdown remarkPlugins={[remarkGfm]} components={components}>
          {text}
        </ReactMarkdown>
      </div>,
    );
    const streamed = withoutGroups(renderToStaticMarkup(<Markdown text={text} streaming />));
    expect(streamed.html).toBe(whole);
    // Its finished blocks are in boxes of 32 blocks (the last may hold fewer; a block may hold more than one element).
    expect(streamed.groups.length).toBeGreaterThanOrEqual(2);
    for (const count of streamed.groups.slice(0, -1)) expect(count).toBeGreaterThanOrEqual(32);
  });
});

describe('a table while it streams in', () => {
  const growing = 'Sizes:\n| Size | Pixels |\n| :-- |';

  it('shows as a table before its delimiter row is written', () => {
    const html = renderToStaticMarkup(<Markdown text={growing} streaming />);
    expect(html).toContain('<div class="md-table"><table><thead><tr><th style="text-align:left">Size</th><th>Pixels</th>');
    expect(html).toContain('<p>Sizes:</p>');
  });

  it('shows as written once the answer is finished', () => {
    expect(renderToStaticMarkup(<Markdown text={growing} />)).not.toContain('<table>');
  });
});
