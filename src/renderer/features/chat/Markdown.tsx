import { Fragment, memo, useCallback, useDeferredValue, useEffect, useState, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import ReactMarkdown, { type Components } from 'react-markdown';
import { errorText } from '../../i18n/errors';
import { openLink } from './answer/open-link';
import { answerComponents, FollowLink } from './markdown/answer-components';
import { BlockSplitter, parseMarkdown, parsedBlock, type Block } from './markdown/blocks';
import { completeGrowingTable } from './markdown/growing-table';
import { PLUGINS, renderAhead, renderedMarkdown } from './markdown/kept-renderings';
import { renderParsed } from './markdown/render-tree';

/** One component map per language, so renderings made for one answer serve every other. */
const componentMaps = new Map<string, Components>();
let latest: Components | null = null;

function useAnswerComponents(): Components {
  const { t, i18n } = useTranslation('chat');
  const language = i18n.resolvedLanguage ?? i18n.language;
  let components = componentMaps.get(language);
  if (!components) componentMaps.set(language, (components = answerComponents(t)));
  useEffect(() => {
    latest = components;
  }, [components]);
  return components;
}

/** Renders finished answers ahead while the window is idle (the turns about to scroll into view). */
export function renderAnswersAhead(texts: string[]): void {
  if (latest) renderAhead(texts, latest);
}

const SAMPLE = [
  '## A sample',
  'Some **strong** words, `code`, a [link](https://example.com) and ~~more~~.',
  '- one\n- two\n  1. nested',
  '| a | b |\n| - | -: |\n| 1 | 2 |',
  '```ts\nconst x = 1;\n```',
  '> a quote',
  '<b>raw</b> html',
].join('\n\n');

/**
 * Runs the Markdown code a few times over a sample while the window is idle, so that the first
 * answer to stream in meets code the engine has already compiled (cold, its first frames took
 * 50–110 ms of script each; warm, a few ms). Then renders the sample once, growing as a streamed
 * answer does, into a hidden box that is taken out again at the next idle period: the first
 * answer's headings, lists, tables and code then meet React's and the page's element code warm
 * too (cold, the first prompt after a start still had a frame of 55–70 ms, traced).
 */
export function warmUp(): void {
  if (typeof requestIdleCallback !== 'function') return;
  let runs = 0;
  requestIdleCallback(function run(deadline) {
    while (runs < 12 && deadline.timeRemaining() > 5) {
      const splitter = new BlockSplitter();
      for (let end = 8; end <= SAMPLE.length; end += 24) splitter.update(SAMPLE.slice(0, end));
      ReactMarkdown({ children: SAMPLE, remarkPlugins: PLUGINS });
      runs += 1;
    }
    if (runs < 12) requestIdleCallback(run);
    else requestIdleCallback(renderHidden);
  });
}

/** The sample rendered as a streamed answer, out of sight and out of the accessibility tree, then removed. */
function renderHidden(): void {
  const box = document.createElement('div');
  box.className = 'warm-up';
  box.setAttribute('aria-hidden', 'true');
  box.inert = true;
  document.body.append(box);
  const root = createRoot(box);
  root.render(<Markdown text={SAMPLE.slice(0, SAMPLE.length / 2)} streaming />);
  requestIdleCallback(() => {
    root.render(<Markdown text={SAMPLE} streaming={false} />);
    requestIdleCallback(() => {
      root.unmount();
      box.remove();
    });
  });
}

/**
 * An answer's text as Markdown (GFM: tables, lists, task lists, strikethrough, fenced code).
 * HTML in the text is shown as text, never made into elements (react-markdown turns raw HTML into
 * text unless a raw-HTML plugin is added, and none is). Links open outside the window.
 *
 * An answer that streams in while shown is rendered block by block (./markdown/blocks.ts): its
 * finished blocks render once (from the tree the splitter parsed) and only the growing one again,
 * and a growing table shows as a table. One that is finished when it appears renders whole, once,
 * and its rendering is kept (./markdown/kept-renderings.ts).
 */
export const Markdown = memo(function Markdown({ text, streaming = false }: { text: string; streaming?: boolean }) {
  const { t } = useTranslation('chat');
  const [linkError, setLinkError] = useState<string | null>(null);
  // Decided when the answer first shows: block by block for good once it streamed here.
  const [growing] = useState(streaming);
  const components = useAnswerComponents();
  const follow = useCallback((href: string) => {
    setLinkError(null);
    openLink(href).catch((error: unknown) => setLinkError(errorText(error)));
  }, []);

  return (
    <FollowLink.Provider value={follow}>
      <div className="message-body md">
        {growing ? <GrowingBlocks text={text} streaming={streaming} components={components} /> : renderedMarkdown(text, components)}
        {linkError && (
          <p role="alert" className="error small">
            {t('markdown.linkError', { error: linkError })}
          </p>
        )}
      </div>
    </FollowLink.Provider>
  );
});

/**
 * A growing answer, rendered a step behind the store: the update that brings new text (applied in
 * an animation frame) renders the answer as it was, at no cost, and React renders the new text
 * after that frame, in a background render that gives way to the user's keys and clicks. Parsing
 * the new text (a stream update's largest cost, 8-10 ms of its 40-50) then no longer holds a
 * frame that a key may be waiting behind.
 */
function GrowingBlocks({ text, streaming, components }: { text: string; streaming: boolean; components: Components }) {
  // In the window it starts from nothing too: its first render (with all the text that came before
  // the answer's first frame, inside the frame that adds the new turn) would otherwise parse that
  // text there (the frame half a second after Enter took 50-85 ms, measured). Rendered to a string
  // (no frames to keep: the tests), it renders the text at once.
  const startFrom = useSyncExternalStore(neverChanges, emptyText, () => text);
  const shownText = useDeferredValue(text, startFrom);
  const shownStreaming = useDeferredValue(streaming);
  return <Blocks text={shownText} streaming={shownStreaming} components={components} />;
}

const neverChanges = () => () => undefined;
const emptyText = () => '';

/** Finished blocks are rendered in groups of this many: a new block re-renders its group, not every block. */
const GROUP = 32;

/** A growing answer: its finished blocks (each rendered once) and the tail still being written. */
const Blocks = memo(function Blocks({ text, streaming, components }: { text: string; streaming: boolean; components: Components }) {
  // It carries on from the text it last saw: each render parses only the tail.
  const [splitter] = useState(() => new BlockSplitter());
  const { blocks, tail } = splitter.update(text);
  const groups: Block[][] = [];
  for (let at = 0; at < blocks.length; at += GROUP) groups.push(blocks.slice(at, at + GROUP));
  return (
    <>
      {groups.map((group) => (
        <FinishedBlocks key={group[0]!.key} blocks={group} components={components} />
      ))}
      {renderParsed(parseMarkdown(streaming ? completeGrowingTable(tail) : tail), components)}
    </>
  );
});

/**
 * Blocks that can no longer change, each rendered once from the tree the splitter parsed it into,
 * with what react-markdown puts between top-level blocks, in a plain box of their own (`md-group`:
 * no border, padding or formatting context, so margins collapse across it as between the blocks
 * themselves, and chat.css gives its blocks the answer's top-level styles). Without it every block
 * of the answer is a child of one box, and each frame of a growing answer laid all of them out
 * again (7 ms a frame with 300 blocks, measured; 1 ms with them in groups). Without the groups'
 * boxes the HTML is that of the whole text. A group is the same while its first and last blocks
 * are: blocks are only ever added after them.
 */
const FinishedBlocks = memo(
  function FinishedBlocks({ blocks, components }: { blocks: readonly Block[]; components: Components }) {
    return (
      <div className="md-group">
        {blocks.map((block) => (
          <Fragment key={block.key}>
            <FinishedBlock block={block} components={components} />
            {'\n'}
          </Fragment>
        ))}
      </div>
    );
  },
  (before, after) =>
    before.components === after.components &&
    before.blocks.length === after.blocks.length &&
    before.blocks[0] === after.blocks[0] &&
    before.blocks.at(-1) === after.blocks.at(-1),
);

/** A block that can no longer change: rendered once, from the tree the splitter parsed it into. */
const FinishedBlock = memo(function FinishedBlock({ block, components }: { block: Block; components: Components }) {
  const parsed = parsedBlock(block);
  return parsed ? (
    renderParsed(parsed, components)
  ) : (
    <ReactMarkdown remarkPlugins={PLUGINS} components={components}>
      {block.source}
    </ReactMarkdown>
  );
});
