// A finished answer's rendering is made once and kept: the same elements come back for the same text.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { renderedMarkdown } from '../../src/renderer/features/chat/markdown/kept-renderings';
import { ANSWERS } from './markdown-answers';
import { renderWhole } from './render-markdown';

describe('kept renderings of finished answers', () => {
  it('render as react-markdown does, and come back the same for the same text and components', () => {
    const components = {};
    for (const answer of ANSWERS) {
      const first = renderedMarkdown(answer.text, components);
      expect(renderToStaticMarkup(<>{first}</>)).toBe(renderWhole(answer.text, components));
      expect(renderedMarkdown(answer.text, components)).toBe(first);
    }
    // Another component map (another language) renders its own.
    expect(renderedMarkdown(ANSWERS[0]!.text, {})).not.toBe(renderedMarkdown(ANSWERS[0]!.text, components));
  });
});
