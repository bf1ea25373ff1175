import type { Root, RootContent } from 'mdast';
import type { Element, Nodes } from 'hast';
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { urlAttributes } from 'html-url-attributes';
import { toHast } from 'mdast-util-to-hast';
import type { ReactNode } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { defaultUrlTransform, type Components } from 'react-markdown';
import { visit } from 'unist-util-visit';

/**
 * Renders blocks already parsed (by the block splitter) the way react-markdown renders text, from
 * the syntax tree on: to HTML's tree with raw HTML allowed through, raw HTML then shown as text,
 * URLs made safe, then React elements with the answer's components. What react-markdown does after
 * parsing, done here so a finished block is not parsed a second time; the Markdown tests hold the
 * output to react-markdown's own, byte for byte.
 */
export function renderParsed(nodes: readonly RootContent[], components: Components): ReactNode {
  const root: Root = { type: 'root', children: [...nodes] };
  const tree = toHast(root, { allowDangerousHtml: true }) as Nodes;
  visit(tree, (node, index, parent) => {
    if (node.type === 'raw' && parent && typeof index === 'number') {
      parent.children[index] = { type: 'text', value: node.value };
      return index;
    }
    if (node.type === 'element') safeUrls(node);
    return undefined;
  });
  return toJsxRuntime(tree, { Fragment, components, ignoreInvalidStyle: true, jsx, jsxs, passKeys: true, passNode: true });
}

function safeUrls(element: Element): void {
  for (const [name, tags] of Object.entries(urlAttributes)) {
    if (!Object.hasOwn(element.properties, name)) continue;
    if (tags === null || tags.includes(element.tagName)) {
      element.properties[name] = defaultUrlTransform(String(element.properties[name] || ''));
    }
  }
}
