import { describe, expect, it } from 'vitest';
import { ImgTagScanner } from '../../../../../../src/main/core/providers/gigachat/img-tags';

const ID = 'b28fbd4f-105a-43e0-ba5a-2faa80b1f43c';
const answer = `Запускаю генерацию изображения. Ожидайте результат <img src="${ID}" fuse="true"/> - вот розовый кот.`;

function scan(deltas: string[]) {
  const scanner = new ImgTagScanner();
  let text = '';
  const ids: string[] = [];
  const shown: string[] = [];
  for (const delta of deltas) {
    const out = scanner.push(delta);
    text += out.text;
    shown.push(text);
    ids.push(...out.ids);
  }
  text += scanner.flush();
  return { text, ids, shown };
}

describe('ImgTagScanner', () => {
  it('finds the tag and removes it from the text', () => {
    expect(scan([answer])).toMatchObject({ ids: [ID], text: 'Запускаю генерацию изображения. Ожидайте результат  - вот розовый кот.' });
  });

  it('finds a tag split across deltas at every possible point, never showing part of it', () => {
    for (let cut = 1; cut < answer.length; cut++) {
      const result = scan([answer.slice(0, cut), answer.slice(cut)]);
      expect(result.ids, `cut ${cut}`).toEqual([ID]);
      expect(result.text).not.toContain('<');
      for (const shown of result.shown) expect(shown).not.toMatch(/<i|<im|src=|fuse/);
    }
    expect(scan([...answer]).ids).toEqual([ID]);
  });

  it('finds several tags and keeps text that only looks like the start of one', () => {
    const two = `one <img src="${ID}" fuse="true"/> two <img src="${ID.replace('b', 'c')}" fuse="true"/> 3 < 4`;
    expect(scan([...two])).toMatchObject({ ids: [ID, ID.replace('b', 'c')], text: 'one  two  3 < 4' });
    expect(scan(['a <b>bold</b> c']).text).toBe('a <b>bold</b> c');
  });
});
