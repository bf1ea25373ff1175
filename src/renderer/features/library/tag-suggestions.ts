/** The library's tags offered while typing one: in the viewer's tag field and the selection's Add/Remove tag. */

const MAX_SUGGESTIONS = 8;

/**
 * The known tags (in name order) containing `typed` in any case, those starting with it first,
 * leaving out the `present` ones (in any case); at most eight. Empty text matches every tag.
 */
export function tagSuggestions(known: readonly string[], typed: string, present: readonly string[]): string[] {
  const needle = typed.trim().toLowerCase();
  const left = new Set(present.map((tag) => tag.trim().toLowerCase()));
  return known
    .filter((tag) => tag.toLowerCase().includes(needle) && !left.has(tag.toLowerCase()))
    .sort((a, b) => Number(!a.toLowerCase().startsWith(needle)) - Number(!b.toLowerCase().startsWith(needle)))
    .slice(0, MAX_SUGGESTIONS);
}
