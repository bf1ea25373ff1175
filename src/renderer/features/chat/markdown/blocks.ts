/**
 * An answer's Markdown cut into top-level blocks while it streams in, so that a finished block is
 * parsed and rendered once and only the text after it (the tail) again.
 *
 * The tail is parsed as remark-gfm parses it (mdast-util-from-markdown with GFM). CommonMark closes
 * a top-level block for good once a later line starts another, and a closed block reads the same
 * alone, so the text is cut before each top-level node but the first, except where:
 * - the node's line is still being written: it may start a block that interrupts the one before
 *   ("foo\n#") and then stop ("foo\n#bar"), and a delimiter row being written may make a table of
 *   the line above and then not. After a blank line, a line that has begun starts a block for good,
 *   unless it may still become the next item of the list before ("1" on its way to "1.");
 * - micromark reads the node's first line differently after what comes before (`cutsCleanly`);
 * - the text may hold a link reference or footnote definition: those reach across the whole text,
 *   so it is not cut at all (one tail), which is correct and rare in model answers.
 */
import type { RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

/** A finished top-level block: its source from its first line up to the next block's first line. */
export interface Block {
  /** Where the block starts in the answer's text; stable, so it serves as a React key. */
  readonly key: number;
  readonly source: string;
}

/** The text as finished blocks and the tail after them; the blocks' sources and the tail make the text. */
export interface Split {
  readonly blocks: readonly Block[];
  readonly tail: string;
}

const PARSE_OPTIONS = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] };

/** Parses Markdown as react-markdown with remark-gfm does, into the top-level nodes of its tree. */
export function parseMarkdown(text: string): RootContent[] {
  return fromMarkdown(text, PARSE_OPTIONS).children;
}

/** The syntax tree a finished block was parsed into when it was cut, so it need not be parsed again to render. */
const parsedBlocks = new WeakMap<Block, readonly RootContent[]>();
export const parsedBlock = (block: Block): readonly RootContent[] | undefined => parsedBlocks.get(block);

// "[label]:" or "[^note]:" at a line start after spaces, ">" and list markers; a label spans lines
// and holds at most 999 characters. Over-matching only costs speed.
const DEFINITION = /^(?:[ \t>]|[-+*][ \t]|\d{1,9}[.)][ \t])*\[(?:[^[\]\\]|\\[\s\S]){0,1000}\]:/m;
/** How far back a definition that ends in new text can start (its label plus some margin). */
const DEFINITION_REACH = 1100;
const LIST_MARKER_START = /^[ \t]*[-+*0-9]/;
const FENCE = /^ {0,3}(?:```|~~~)/;
/** Blocks whose first line may hold list markers (nested ones too). */
const CONTAINERS = new Set(['list', 'blockquote']);
/** Blocks micromark still holds open when the next line begins. */
const OPEN_AT_LINE_END = new Set(['paragraph', 'table']);

/** Splits a growing answer; each update continues from the last if the text only grew. */
export class BlockSplitter {
  private text = '';
  private blocks: readonly Block[] = [];
  private tailStart = 0;
  private hasDefinition = false;
  /** What the tail was last parsed with: its complete lines' end, and whether a line after a blank one had begun. */
  private parsed = { end: 0, begunAfterBlank: false };

  update(text: string): Split {
    if (!text.startsWith(this.text)) {
      // A finished answer is saved without the blank lines that streamed in last: the blocks stay.
      if (this.text.startsWith(text) && this.text.slice(text.length).trim() === '' && this.tailStart <= text.length) this.trimTo(text);
      else this.startOver();
    }
    const seen = this.text.length;
    this.text = text;
    if (!this.hasDefinition) {
      const from = lineStart(text, Math.max(0, seen - DEFINITION_REACH));
      this.hasDefinition = DEFINITION.test(from === 0 ? text : text.slice(from));
    }
    if (this.hasDefinition) return { blocks: [], tail: text };
    // Blocks finish only when a line ends, or when a line after a blank one begins.
    const end = completeLinesEnd(text);
    const begunAfterBlank = followsBlankLine(text, end) && /[^ \t\r]/.test(text.slice(end));
    if (end > this.parsed.end || (begunAfterBlank && !this.parsed.begunAfterBlank)) {
      this.parsed = { end, begunAfterBlank };
      this.finishBlocks(begunAfterBlank ? text.length : end);
    }
    return { blocks: this.blocks, tail: text.slice(this.tailStart) };
  }

  /** Keeps the blocks finished by lines the shorter text still holds whole; the rest is tail again. */
  private trimTo(text: string) {
    const lastLine = lineStart(text, text.length);
    let kept = this.blocks.length;
    while (kept > 0 && this.blocks[kept - 1]!.key + this.blocks[kept - 1]!.source.length >= lastLine) kept -= 1;
    this.blocks = this.blocks.slice(0, kept);
    const last = this.blocks.at(-1);
    this.tailStart = last ? last.key + last.source.length : 0;
    this.text = text;
    this.parsed = { end: 0, begunAfterBlank: false };
  }

  private startOver() {
    this.text = '';
    this.blocks = [];
    this.tailStart = 0;
    this.hasDefinition = false;
    this.parsed = { end: 0, begunAfterBlank: false };
  }

  /** Parses the tail up to `end` and moves the nodes before its last one to blocks, where that is safe. */
  private finishBlocks(end: number) {
    const source = this.text.slice(this.tailStart, end);
    const nodes = parseMarkdown(source);
    const starts = nodes.map((node) => lineStart(source, node.position?.start.offset ?? 0));
    const lineBeingWritten = this.parsed.end - this.tailStart;
    const finished: Block[] = [];
    let from = 0;
    let fromNode = 0;
    for (let index = 1; index < nodes.length; index += 1) {
      const start = starts[index]!;
      if (start <= from || !cutsCleanly(source, nodes[index - 1]!.type, starts[index - 1]!, nodes[index]!.type, start)) continue;
      // A line begun after a blank one may still become the list's next item ("1" on its way to "1.").
      if (start >= lineBeingWritten && nodes[index - 1]!.type === 'list' && LIST_MARKER_START.test(source.slice(start))) continue;
      const block = { key: this.tailStart + from, source: source.slice(from, start) };
      parsedBlocks.set(block, nodes.slice(fromNode, index));
      finished.push(block);
      from = start;
      fromNode = index;
    }
    if (finished.length === 0) return;
    this.blocks = [...this.blocks, ...finished];
    this.tailStart += from;
  }
}

/** The split of a whole text at once (what a splitter fed every prefix of it arrives at). */
export function splitBlocks(text: string): Split {
  return new BlockSplitter().update(text);
}

/** Whether the nodes on either side of a cut read alone as they read together. */
function cutsCleanly(source: string, typeBefore: string, startBefore: number, type: string, start: number): boolean {
  // micromark holds indented code open, over blank lines too, and reads the lines around it in its own ways.
  if (isIndentedCode(source, typeBefore, startBefore) || isIndentedCode(source, type, start)) return false;
  // Straight after a paragraph or a table, a list marker reads as interrupting it ("7." stays text), but not alone.
  const straightAfterOpenBlock = OPEN_AT_LINE_END.has(typeBefore) && !followsBlankLine(source, start);
  return !(straightAfterOpenBlock && (CONTAINERS.has(type) || LIST_MARKER_START.test(source.slice(start))));
}

function isIndentedCode(source: string, type: string, start: number): boolean {
  return type === 'code' && !FENCE.test(source.slice(start, start + 8));
}

/** Where the line holding `offset` starts (CommonMark ends lines with \n, \r\n or \r). */
function lineStart(text: string, offset: number): number {
  let index = offset;
  while (index > 0 && text[index - 1] !== '\n' && text[index - 1] !== '\r') index -= 1;
  return index;
}

/** The end of the text's last complete line; a final \r may still be the start of \r\n. */
function completeLinesEnd(text: string): number {
  const end = text.endsWith('\r') ? text.length - 1 : text.length;
  return lineStart(text, end);
}

/** Whether the line before the one starting at `start` holds only spaces and tabs. */
function followsBlankLine(text: string, start: number): boolean {
  let index = start;
  if (text[index - 1] === '\n') index -= 1;
  if (text[index - 1] === '\r') index -= 1;
  if (index === start) return false;
  while (index > 0 && (text[index - 1] === ' ' || text[index - 1] === '\t')) index -= 1;
  return index === 0 || text[index - 1] === '\n' || text[index - 1] === '\r';
}
