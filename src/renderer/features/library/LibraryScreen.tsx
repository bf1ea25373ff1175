import { ImportButton } from './ImportButton';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { sendImageToChat, type ImageAction } from '../../app/iterate';
import { ImageMenu } from './ImageMenu';
import { FileImportStatus } from './FileImportStatus';
import { useShallow } from 'zustand/react/shallow';
import { useLibraryStore } from '../../store/library-store';
import { ImageViewer } from './ImageViewer';
import { SearchIcon, StarIcon } from './icons';
import { VirtualGrid, type GridHandle } from './VirtualGrid';

export function LibraryScreen() {
  const { t } = useTranslation(['library', 'common']);
  const { items, nextCursor, total, loading, loaded, filtered, error, query, favouritesOnly, selected, viewerError, listVersion } =
    useLibraryStore(
      useShallow((s) => ({
        items: s.items,
        nextCursor: s.nextCursor,
        total: s.total,
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
  const { load, loadMore, setQuery, toggleFavourites, open, close, trash, importFiles } = useLibraryStore(
    useShallow((s) => ({
      load: s.load,
      loadMore: s.loadMore,
      setQuery: s.setQuery,
      toggleFavourites: s.toggleFavourites,
      open: s.open,
      close: s.close,
      trash: s.trash,
      importFiles: s.importFiles,
    })),
  );
  const [menu, setMenu] = useState<{ id: number; x: number; y: number } | null>(null);
  const [dropping, setDropping] = useState(false);
  const dragDepth = useRef(0);
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

  // Pictures pasted anywhere on the library (outside a text field) are imported.
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, [contenteditable="true"]')) return;
      const files = [...(event.clipboardData?.files ?? [])];
      if (files.length === 0) return;
      event.preventDefault();
      void useLibraryStore.getState().importFiles(files);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, []);

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

  const act = useCallback((id: number, action: ImageAction) => void sendImageToChat(id, action), []);
  const openMenu = useCallback((id: number, x: number, y: number) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setMenu({ id, x, y });
  }, []);
  const closeMenu = useCallback(() => {
    setMenu(null);
    if (opener.current?.isConnected) opener.current.focus();
  }, []);

  const isFileDrag = (event: DragEvent) => event.dataTransfer.types.includes('Files');
  const dropHandlers = {
    onDragEnter: (event: DragEvent) => {
      if (!isFileDrag(event)) return;
      event.preventDefault();
      dragDepth.current++;
      setDropping(true);
    },
    onDragOver: (event: DragEvent) => {
      if (!isFileDrag(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    },
    onDragLeave: (event: DragEvent) => {
      if (!isFileDrag(event)) return;
      dragDepth.current = Math.max(0, dragDepth.current - 1);
      if (dragDepth.current === 0) setDropping(false);
    },
    onDrop: (event: DragEvent) => {
      dragDepth.current = 0;
      setDropping(false);
      const files = [...event.dataTransfer.files];
      if (files.length === 0) return;
      event.preventDefault();
      void importFiles(files);
    },
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

  const status = !loaded ? (loading ? t('loading') : '') : t('count', { count: total });

  return (
    <section className="library" aria-labelledby="library-title" {...dropHandlers}>
      <header className="library-toolbar">
        <h1 id="library-title">{t('title')}</h1>
        <div className="search-field">
          <label htmlFor={searchId} className="visually-hidden">
            {t('search')}
          </label>
          <SearchIcon />
          <input
            id={searchId}
            ref={search}
            type="search"
            placeholder={t('search')}
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
          title={t('favourites.filterTitle')}
        >
          <StarIcon filled={favouritesOnly} />
          {t('favourites.filter')}
        </button>
        <ImportButton />
        <span className="library-count muted" role="status">
          {status}
        </span>
      </header>

      <FileImportStatus />
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

      {loaded && items.length === 0 ? (
        <div className="library-empty">
          {filtered ? (
            <>
              <h2>{t('empty.noMatch')}</h2>
              <p className="muted">
                {favouritesOnly && query.trim() === ''
                  ? t('empty.noFavourites')
                  : favouritesOnly
                    ? t('empty.noFavouriteMatch')
                    : t('empty.noPromptMatch')}
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
                    {t('empty.clearSearch')}
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
                    {t('empty.showAll')}
                  </button>
                )}
              </div>
            </>
          ) : (
            <>
              <h2>{t('empty.title')}</h2>
              <p className="muted">{t('empty.lead')}</p>
            </>
          )}
        </div>
      ) : (
        <VirtualGrid
          key={listVersion}
          ref={grid}
          items={items}
          hasMore={nextCursor !== null}
          onLoadMore={loadMore}
          onOpen={openImage}
          onAction={act}
          onMenu={openMenu}
        />
      )}

      {menu && (
        <ImageMenu
          x={menu.x}
          y={menu.y}
          label={t('common:imageN', { id: menu.id })}
          onClose={closeMenu}
          items={[
            { label: t('menu.open'), run: () => openImage(menu.id) },
            { label: t('common:edit'), shortcut: 'E', run: () => act(menu.id, 'edit') },
            { label: t('common:useAsReference'), shortcut: 'R', run: () => act(menu.id, 'reference') },
            { label: t('common:moveToTrash'), danger: true, run: () => void trash(menu.id) },
          ]}
        />
      )}

      {dropping && (
        <div className="drop-overlay" aria-hidden="true">
          <div>
            <p>{t('drop')}</p>
          </div>
        </div>
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
