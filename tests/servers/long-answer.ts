// Long answers as chat models write them: Markdown with headings, paragraphs, nested lists, tables,
// code fences and quotes, cut into tokens the way OpenAI-compatible services stream them (one token
// per SSE event). Deterministic for a seed, so a benchmark or a test can be replayed.
import { random } from './sse';

/**
 * Splits text into model-like tokens (about four characters each): a word with the space before
 * it, a run of up to three digits, one punctuation mark, or a run of line breaks and spaces.
 * Joining the tokens gives the text back exactly.
 */
export function tokenize(text: string): string[] {
  return text.match(/ ?\p{L}{1,8}| ?\p{N}{1,3}| ?[^\s\p{L}\p{N}]|\s+/gu) ?? [];
}

const WORDS = (
  'light colour picture sea harbour lighthouse dawn evening palette texture brush layer shadow ' +
  'contrast warm cold blue amber grain lens focus depth frame composition balance detail edge ' +
  'gradient highlight reflection surface canvas model prompt version style mood scene subject ' +
  'background foreground horizon cloud mist wave stone glass paper ink paint sketch render'
).split(' ');
const RU_WORDS = 'свет цвет картина море маяк рассвет тень слой кисть контраст фон деталь'.split(' ');
const LANGUAGES = ['ts', 'python', 'json', 'css', ''];

/** Markdown of at least `tokens` tokens (ending at a block boundary), in varied block kinds. */
export function longAnswer(tokens: number, seed = 7): string {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const words = (count: number, list: readonly string[] = WORDS) => Array.from({ length: count }, () => pick(list)).join(' ');
  const sentence = () => {
    const text = words(6 + Math.floor(next() * 12));
    const styled = next() < 0.3 ? text.replace(/^(\S+) (\S+)/, '**$1 $2**') : next() < 0.2 ? text.replace(/ (\S+)$/, ' `$1`') : text;
    return `${styled[0]!.toUpperCase()}${styled.slice(1)}.`;
  };
  const paragraph = () => Array.from({ length: 2 + Math.floor(next() * 4) }, sentence).join(' ');
  const blocks: string[] = [];
  let count = 0;
  let n = 0;
  while (count < tokens) {
    const kind = n++ % 9;
    let block: string;
    if (kind === 0) block = `${next() < 0.5 ? '##' : '###'} ${words(3)}`;
    else if (kind === 1 || kind === 5 || kind === 8) block = paragraph();
    else if (kind === 2) {
      const items = Array.from({ length: 3 + Math.floor(next() * 4) }, (_, i) => {
        const item = `- ${sentence()}`;
        return i === 1 ? `${item}\n  - ${sentence()}\n  - ${words(4)}` : item;
      });
      block = items.join('\n');
    } else if (kind === 3) {
      const lang = pick(LANGUAGES);
      const lines = Array.from(
        { length: 4 + Math.floor(next() * 10) },
        (_, i) => `${'  '.repeat(i % 3)}const ${pick(WORDS)}${i} = '${words(3)}';`,
      );
      block = `\`\`\`${lang}\n${lines.join('\n')}\n\`\`\``;
    } else if (kind === 4) {
      const rows = Array.from(
        { length: 3 + Math.floor(next() * 4) },
        () => `| ${pick(WORDS)} | ${Math.floor(next() * 4096)} | ${words(3)} |`,
      );
      block = ['| name | value | note |', '| :--- | ---: | --- |', ...rows].join('\n');
    } else if (kind === 6) {
      block = Array.from({ length: 3 + Math.floor(next() * 3) }, (_, i) => `${i + 1}. ${sentence()}`).join('\n');
    } else block = `> ${sentence()} ${words(4, RU_WORDS)}.`;
    blocks.push(block);
    count += tokenize(`${block}\n\n`).length;
  }
  return blocks.join('\n\n');
}
