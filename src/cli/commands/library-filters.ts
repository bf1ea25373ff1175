import { HolstError } from '../../shared/errors';
import { IMAGE_SOURCES, type ImageSource, type LibraryQuery } from '../../shared/library';

/** The flags that choose which library images a command works on (`library list`, `library export`). */
export const LIBRARY_FILTER_FLAGS = {
  query: { type: 'string' },
  favourites: { type: 'boolean' },
  favorites: { type: 'boolean' },
  provider: { type: 'string' },
  model: { type: 'string' },
  source: { type: 'string' },
  tag: { type: 'string' },
  trash: { type: 'boolean' },
} as const;

type FilterValues = { [K in keyof typeof LIBRARY_FILTER_FLAGS]?: string | boolean | Array<string | boolean> | undefined };

/** The parsed filter flags as a library query (no limit or cursor); a bad --source is `invalid_input`. */
export function libraryFilters(values: FilterValues): Omit<LibraryQuery, 'limit' | 'cursor'> {
  const source = values.source as string | undefined;
  if (source !== undefined && !(IMAGE_SOURCES as readonly string[]).includes(source)) {
    throw new HolstError('invalid_input', `--source must be one of ${IMAGE_SOURCES.join(', ')}.`, { field: 'source' });
  }
  return {
    ...(values.query !== undefined ? { query: values.query as string } : {}),
    ...(values.favourites || values.favorites ? { favorites: true } : {}),
    ...(values.provider !== undefined ? { provider: values.provider as string } : {}),
    ...(values.model !== undefined ? { model: values.model as string } : {}),
    ...(source !== undefined ? { source: source as ImageSource } : {}),
    ...(values.tag !== undefined ? { tag: values.tag as string } : {}),
    ...(values.trash ? { trashed: true } : {}),
  };
}

/** True when any filter flag was given. */
export function hasLibraryFilters(values: FilterValues): boolean {
  return Object.keys(LIBRARY_FILTER_FLAGS).some((name) => values[name as keyof FilterValues] !== undefined);
}
