/**
 * A GFM table is a paragraph of "| a | b |" lines until its delimiter row ("| --- | --- |") is
 * written. For display while an answer streams in, a tail that ends with a table's header row and
 * a missing or partly written delimiter row gets that row completed, so the table shows as it grows.
 */
const LINE_ENDING = /\r\n|\r|\n/;
const PIPE_ROW = /^ {0,3}\|/;
const PARTIAL_DELIMITER_ROW = /^ {0,3}\|[ \t|:-]*$/;
const VALID_DELIMITER_CELL = /^:?-+:?$/;
// Inside a code fence or an HTML block, a completed row would show as an extra line of text.
const FENCE_OR_HTML = /^ {0,3}(?:```|~~~|<)/m;

/** The tail to display while streaming: as written, or with its growing table's delimiter row completed. */
export function completeGrowingTable(tail: string): string {
  if (FENCE_OR_HTML.test(tail)) return tail;
  const lines = tail.split(LINE_ENDING);
  const last = lines.at(-1)!;
  if (!PARTIAL_DELIMITER_ROW.test(last)) {
    // No delimiter row yet: the header row is the last line, or the one before a final line ending.
    const header = last === '' ? lines.at(-2) : last;
    const before = last === '' ? lines.at(-3) : lines.at(-2);
    if (header === undefined || !isHeaderRow(header, before)) return tail;
    return `${tail}${last === '' ? '' : '\n'}${delimiterRow(header, [])}`;
  }
  const header = lines.at(-2);
  if (header === undefined || !isHeaderRow(header, lines.at(-3))) return tail;
  const written = cellsOf(last).map((cell) => cell.trim());
  const headerCells = cellsOf(header).length;
  if (written.length > headerCells) return tail;
  if (written.length === headerCells && written.every((cell) => VALID_DELIMITER_CELL.test(cell))) return tail;
  return tail.slice(0, tail.length - last.length) + delimiterRow(header, written);
}

/** A line that can head a table: starts with "|", has two cells or more, and follows no other such line. */
function isHeaderRow(line: string, before: string | undefined): boolean {
  return PIPE_ROW.test(line) && cellsOf(line).length >= 2 && !(before !== undefined && PIPE_ROW.test(before));
}

/** The cells of a table row: split at unescaped pipes, the outer pipes dropped. */
function cellsOf(row: string): string[] {
  let body = row.trim();
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|') && !body.endsWith('\\|')) body = body.slice(0, -1);
  return body.split(/(?<!\\)\|/);
}

/** A delimiter row for `header`, keeping the alignment colons of the cells written so far. */
function delimiterRow(header: string, written: readonly string[]): string {
  const indent = /^ */.exec(header)![0];
  const cells = cellsOf(header).map((_, index) => {
    const cell = written[index] ?? '';
    return `${cell.startsWith(':') ? ':' : ''}---${cell.length > 1 && cell.endsWith(':') ? ':' : ''}`;
  });
  return `${indent}| ${cells.join(' | ')} |`;
}
