import { ImportButton } from './ImportButton';
import { useCallback, useEffect, useId, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useLibraryStore } from '../../store/library-store';
import { ImageViewer } from './ImageViewer';
import { SearchIcon, StarIcon } from './icons';
import { VirtualGrid, type GridHandle } from './VirtualGrid';

export function LibraryScreen() {
  const { items, nextCursor, loading, loaded, filtered, error, query, favouritesOnly, selected, viewerError, listVersion } =
    useLibraryStore(
      useShallow((s) => ({
        items: s.items,
        nextCursor: s.nextCursor,
        loading: s.loading,
        loaded: s.loaded,
        filtered: s.filtered,
        error: s.error,
        query: s.query,
        favouritesOnly: s.favouritesOnly,
        selected: s.selected,
        viewerError: s.viewerError,
        listVersion: s.listVersion,
      })),
    );
  const { load, loadMore, setQuery, toggleFavourites, open, close, trash } = useLibraryStore(
    useShallow((s) => ({
      load: s.load,
      loadMore: s.loadMore,
      setQuery: s.setQuery,
      toggleFavourites: s.toggleFavourites,
      open: s.open,
      close: s.close,
      trash: s.trash,
    })),
  );
  const searchId = useId();
  const search = useRef<HTMLInputElement>(null);
  const grid = useRef<GridHandle>(null);
  /** What had focus when the viewer opened, to return to when it closes. */
  const opener = useRef<HTMLElement | null>(null);

  useEffect(() => {
    // The store outlives the screen and follows library.changed: load only the first time.
    if (!useLibraryStore.getState().loaded) void load();
    // Leaving the screen closes the viewer, so coming back shows the grid.
    return () => useLibraryStore.getState().close();
  }, [load]);

  // Ctrl/Cmd+F: to the search box.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f') {
        if (useLibraryStore.getState().selected) return;
        event.preventDefault();
        search.current?.focus();
        search.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const selectedId = selected?.image.id ?? null;
  const index = useMemo(() => (selectedId === null ? -1 : items.findIndex((item) => item.id === selectedId)), [items, selectedId]);
  const previousId = index > 0 ? items[index - 1]!.id : null;
  const nextId = index >= 0 && index < items.length - 1 ? items[index + 1]!.id : null;
  // Stepping through the viewer towards the end of what is loaded: fetch the next page.
  useEffect(() => {
    if (index >= 0 && index >= items.length - 2 && nextCursor !== null) void loadMore();
  }, [index, items.length, nextCursor, loadMore]);

  const openImage = useCallback(
    (id: number) => {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      void open(id);
    },
    [open],
  );

  /** Focus goes back to the tile of the image last shown, or else to whatever opened the viewer. */
  const restoreFocus = (id: number | null, fallbackIndex: number) => {
    const { items: now } = useLibraryStore.getState();
    const at = id === null ? -1 : now.findIndex((item) => item.id === id);
    if (at >= 0) return grid.current?.focusItem(at);
    if (opener.current?.isConnected) return opener.current.focus();
    if (now.length > 0 && fallbackIndex >= 0) return grid.current?.focusItem(Math.min(fallbackIndex, now.length - 1));
    search.current?.focus();
  };

  const closeViewer = () => {
    close();
    restoreFocus(selectedId, index);
  };

  const trashSelected = async () => {
    if (selectedId === null) return false;
    const at = index;
    const done = await trash(selectedId);
    // After React has taken the tile out of the grid: focus its successor.
    if (done) requestAnimationFrame(() => restoreFocus(null, at));
    return done;
  };

  const count = items.length;
  const status = !loaded
    ? loading
      ? 'Loading…'
      : ''
    : `${count.toLocaleString()}${nextCursor !== null ? '+' : ''} image${count === 1 ? '' : 's'}`;

  return (
    <section className="library" aria-labelledby="library-title">
      <header className="library-toolbar">
        <h1 id="library-title">Library</h1>
        <div className="search-field">
          <label htmlFor={searchId} className="visually-hidden">
            Search prompts
          </label>
          <SearchIcon />
          <input
            id={searchId}
            ref={search}
            type="search"
            placeholder="Search prompts"
            autoComplete="off"
            spellCheck={false}
            value={query}
            maxLength={500}
            aria-keyshortcuts="Control+F"
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && query !== '') {
                event.preventDefault();
                setQuery('');
              }
            }}
          />
        </div>
        <button
          type="button"
          className={favouritesOnly ? 'toggle on' : 'toggle'}
          aria-pressed={favouritesOnly}
          onClick={toggleFavourites}
          title="Show only favourites"
        >
          <StarIcon filled={favouritesOnly} />
          Favourites
        </button>
        <ImportButton />
        <span className="library-count muted" role="status">
          {status}
        </span>
      </header>

      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {viewerError && !selected && (
        <p role="alert" className="error">
          {viewerError}
        </p>
      )}

      {loaded && count === 0 ? (
        <div className="library-empty">
          {filtered ? (
            <>
              <h2>No images match</h2>
              <p className="muted">
                {favouritesOnly && query.trim() === ''
                  ? 'No favourites yet: open an image and choose Favourite.'
                  : favouritesOnly
                    ? 'No favourite matches this search.'
                    : 'No prompt has all of these words.'}
              </p>
              <div className="actions">
                {query.trim() !== '' && (
                  <button
                    type="button"
                    onClick={() => {
                      setQuery('');
                      search.current?.focus();
                    }}
                  >
                    Clear the search
                  </button>
                )}
                {favouritesOnly && (
                  <button
                    type="button"
                    onClick={() => {
                      toggleFavourites();
                      search.current?.focus();
                    }}
                  >
                    Show all images
                  </button>
                )}
              </div>
            </>
          ) : (
            <>
              <h2>No images yet</h2>
              <p className="muted">Pictures you make or import will appear here, newest first.</p>
            </>
          )}
        </div>
      ) : (
        <VirtualGrid key={listVersion} ref={grid} items={items} hasMore={nextCursor !== null} onLoadMore={loadMore} onOpen={openImage} />
      )}

      {selected && (
        <ImageViewer
          detail={selected}
          error={viewerError}
          previousId={previousId}
          nextId={nextId}
          onClose={closeViewer}
          onTrash={trashSelected}
        />
      )}
    </section>
  );
}
