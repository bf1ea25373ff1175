/**
 * Parses finished answers' Markdown off the window's thread: a text in, its syntax tree's top-level
 * nodes out (plain data, copied across). The window renders them as it would have rendered the
 * text (./render-tree.ts), so parsing, most of what a long answer costs, never holds a frame.
 */
import type { Node } from 'mdast';
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
    for (const node of nodes) withoutPositions(node);
  } catch {
    // The window parses it itself when it needs it.
  }
  scope.postMessage({ id: data.id, nodes });
};

/**
 * Drops each node's position (two points of three numbers): the window renders without them, and
 * they are most of what a tree costs to copy across and to read back on the window's thread.
 */
function withoutPositions(node: Node): void {
  delete node.position;
  const children = (node as { children?: Node[] }).children;
  if (children) for (const child of children) withoutPositions(child);
}
