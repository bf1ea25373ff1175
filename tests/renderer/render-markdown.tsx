// Rendering for the Markdown tests, the way react-markdown renders with or without the answer's components.
import { renderToStaticMarkup } from 'react-dom/server';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import type { Split } from '../../src/renderer/features/chat/markdown/blocks';

/** Markdown as it rendered before it was cut into blocks: the whole text in one react-markdown. */
export function renderWhole(text: string, components?: Components): string {
  return renderToStaticMarkup(
    <ReactMarkdown remarkPlugins={[remarkGfm]} components={components}>
      {text}
    </ReactMarkdown>,
  );
}

/** Blocks and tail rendered apart and joined as Markdown joins them; `rendered` keeps each block's HTML. */
export function renderSplit({ blocks, tail }: Split, rendered: Map<string, string>, components?: Components): string {
  const html = blocks.map((block) => {
    if (!rendered.has(block.source)) rendered.set(block.source, renderWhole(block.source, components));
    return rendered.get(block.source)!;
  });
  return [...html, renderWhole(tail, components)].join('\n');
}
