/**
 * Parses finished answers' Markdown off the window's thread: a text in, its syntax tree's top-level
 * nodes out (plain data, copied across). The window renders them as it would have rendered the
 * text (./render-tree.ts), so parsing, most of what a long answer costs, never holds a frame.
 */
import { parseMarkdown } from './blocks';
import type { ParseReply, ParseRequest } from './parsed-ahead';

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<ParseRequest>) => void) | null;
  postMessage(message: ParseReply): void;
};

scope.onmessage = ({ data }) => {
  let nodes: ParseReply['nodes'] = null;
  try {
    nodes = parseMarkdown(data.text);
  } catch {
    // The window parses it itself when it needs it.
  }
  scope.postMessage({ id: data.id, nodes });
};
