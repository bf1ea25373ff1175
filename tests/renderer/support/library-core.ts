/** A library of `count` images (ids count…1, newest first) behind a bridge double, answering as the core pages it. */
import type { ImageRecord } from '../../../src/shared/library';
import { bridgeDouble, type Handlers } from './bridge-double';
import { detail, image } from './records';

export function libraryCore(count: number, handlers: Handlers = {}) {
  let images: ImageRecord[] = Array.from({ length: count }, (_, i) => image(count - i));
  const visible = (query: { favorites?: boolean | undefined; trashed?: boolean | undefined }) =>
    images.filter((i) => (query.trashed ? i.trashedAt !== null : i.trashedAt === null) && (!query.favorites || i.favorite));
  const bridge = bridgeDouble({
    'library.list': (query) => {
      const view = visible(query);
      const limit = query.limit ?? 200;
      let items: ImageRecord[];
      if (query.after !== undefined) {
        const at = view.findIndex((i) => i.id === query.after);
        items = view.slice(Math.max(0, at - limit), Math.max(0, at)).reverse();
      } else {
        const start = query.cursor !== undefined ? view.findIndex((i) => i.id === query.cursor) + 1 : (query.offset ?? 0);
        items = view.slice(start, start + limit);
      }
      return { items, nextCursor: items.length === limit ? items.at(-1)!.id : null };
    },
    'library.count': (query) => ({ count: visible(query).length }),
    'library.timeline': () => ({ months: [] }),
    'library.get': ({ id }) => detail(images.find((i) => i.id === id)!),
    ...handlers,
  });
  return {
    bridge,
    /** Changes the library as the core would (then `library.changed` tells the window). */
    change(next: (all: ImageRecord[]) => ImageRecord[]) {
      images = next(images);
    },
    get images() {
      return images;
    },
  };
}
