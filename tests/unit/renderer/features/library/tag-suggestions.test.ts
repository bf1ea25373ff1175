// The tags offered while typing one (src/renderer/features/library/tag-suggestions.ts), shared by the
// viewer's tag field and the selection's Add/Remove tag.
import { describe, expect, it } from 'vitest';
import { tagSuggestions } from '../../../../../src/renderer/features/library/tag-suggestions';

const known = ['autumn', 'Harbour', 'harvest', 'night', 'overharvested', 'storm'];

describe('tag suggestions', () => {
  it('offers the tags containing the text in any case, those starting with it first, in name order', () => {
    expect(tagSuggestions(known, 'HAR', [])).toEqual(['Harbour', 'harvest', 'overharvested']);
    expect(tagSuggestions(known, 'vest', [])).toEqual(['harvest', 'overharvested']);
    expect(tagSuggestions(known, '  st ', [])).toEqual(['storm', 'harvest', 'overharvested']);
    expect(tagSuggestions(known, 'fog', [])).toEqual([]);
  });

  it('leaves out the tags already present, in any case', () => {
    expect(tagSuggestions(known, 'har', ['harbour'])).toEqual(['harvest', 'overharvested']);
    // Add tag…: the name typed in full is not offered again.
    expect(tagSuggestions(known, 'Harvest ', ['Harvest '])).toEqual(['overharvested']);
  });

  it('offers every tag for empty text, at most eight', () => {
    expect(tagSuggestions(known, '', [])).toEqual(known);
    const many = Array.from({ length: 12 }, (_, i) => `tag ${String(i).padStart(2, '0')}`);
    expect(tagSuggestions(many, 'tag', [])).toEqual(many.slice(0, 8));
  });
});
