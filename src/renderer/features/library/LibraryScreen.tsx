import { ImportButton } from './ImportButton';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { sendImageToChat, type ImageAction } from '../../app/iterate';
import { ImageMenu } from './ImageMenu';
import { FileImportStatus } from './FileImportStatus';
import { FiltersBar, ViewSwitch } from './FiltersBar';
import { LibraryEmpty } from './LibraryEmpty';
import { restoreImage, useTrashConfirm } from './trash-actions';
import { useFileImportStore } from '../../store/file-import-store';
import { restoreLibraryView } from '../../store/library/view-persist';
import { useShallow } from 'zustand/react/shallow';
import { useLibraryGrid, useSelectionStore, useViewer } from '../../store/library';
import { errorText } from '../../i18n/errors';
import { ImageViewer } from './ImageViewer';
import { VirtualGrid, type GridHandle } from './VirtualGrid';
import { DateScrubber } from './DateScrubber';
import { ExportDialog } from './ExportDialog';
import { SelectionBar } from './SelectionBar';
import type { SelectHow } from '../../store/library/selection';
import { dragSelection } from './drag-selection';
import { positionOf } from '../../store/library/pages';
import type { Selection } from '../../../shared/library';
import { SearchIcon } from '../../icons';

export function LibraryScreen() {
  const { t } = useTranslation(['library', 'common']);
  const { pages, timeline, total, loading, loaded, error, query, listVersion } = useLibraryGrid(
    useShallow((s) => ({
      pages: s.pages,
      timeline: s.timeline,
      total: s.total,
      loading: s.loading,
      loaded: s.loaded,
      error: s.error,
      query: s.query,
      listVersion: s.listVersion,
    })),
  );
  const { load, showRange, setQuery, trashed } = useLibraryGrid(
    useShallow((s) => ({ load: s.load, showRange: s.showRange, setQuery: s.setQuery, trashed: s.view.trashed === true })),
  );
  const { selected, viewerError, open, close, trash } = useViewer(
    useShallow((s) => ({ selected: s.selected, viewerError: s.viewerError, open: s.open, close: s.close, trash: s.trash })),
  );
  const [menu, setMenu] = useState<{ id: number; x: number; y: number } | null>(null);
  const selection = useSelectionStore((s) => s.model);
  const [exporting, setExporting] = useState<{ selection: Selection; count: number } | null>(null);
  const [dropping, setDropping] = useState(false);
  const dragDepth = useRef(0);
  const searchId = useId();
  const search = useRef<HTMLInputElement>(null);
  const grid = useRef<GridHandle>(null);
  /** What had focus when the viewer opened, to return to when it closes. */
  const opener = useRef<HTMLElement | null>(null);

  useEffect(() => {
    // The store outlives the screen and follows library.changed: load only the first time.
    if (!useLibraryGrid.getState().loaded) {
      // The view the user left last time (search, filters, the trash), before the first load.
      restoreLibraryView();
      void load();
    }
    // Leaving the screen closes the viewer, so coming back shows the grid.
    return () => useViewer.getState().close();
  }, [load]);

  // Pictures pasted anywhere on the library (outside a text field) are imported.
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, [contenteditable="true"]')) return;
      const files = [...(event.clipboardData?.files ?? [])];
      if (files.length === 0) return;
      event.preventDefault();
      void useFileImportStore.getState().importFiles(files.map((file) => ({ file, path: file.name })));
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, []);

  // Ctrl/Cmd+F: to the search box.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f') {
        if (useViewer.getState().selected) return;
        event.preventDefault();
        search.current?.focus();
        search.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Ctrl/Cmd+A selects every image of the view (even those not loaded); Esc clears the selection.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.defaultPrevented || target?.closest('input, textarea, select, [role="dialog"], [role="menu"]')) return;
      if (useViewer.getState().selected || useLibraryGrid.getState().total === 0) return;
      const selecting = useSelectionStore.getState();
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'a') {
        event.preventDefault();
        selecting.selectAll();
      } else if (event.key === 'Escape' && (selecting.model.mode === 'all' || selecting.model.ids.size > 0)) {
        event.preventDefault();
        selecting.clear();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const selectedId = selected?.image.id ?? null;
  const index = useMemo(() => (selectedId === null ? -1 : positionOf(pages, selectedId)), [pages, selectedId]);

  const openImage = useCallback(
    (id: number) => {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      void open(id);
    },
    [open],
  );

  /** Focus goes back to the tile of the image last shown, or else to whatever opened the viewer. */
  const restoreFocus = (id: number | null, fallbackIndex: number) => {
    const { pages: now, total: count } = useLibraryGrid.getState();
    const at = id === null ? -1 : positionOf(now, id);
    if (at >= 0) return grid.current?.focusItem(at);
    if (opener.current?.isConnected) return opener.current.focus();
    if (count > 0 && fallbackIndex >= 0) return grid.current?.focusItem(Math.min(fallbackIndex, count - 1));
    search.current?.focus();
  };

  const act = useCallback((id: number, action: ImageAction) => void sendImageToChat(id, action), []);
  const select = useCallback((id: number, at: number, how: SelectHow) => {
    const selecting = useSelectionStore.getState();
    if (how === 'toggle') selecting.toggle(id, at);
    else void selecting.extendTo(at).catch((failure: unknown) => useLibraryGrid.setState({ error: errorText(failure) }));
  }, []);
  const extend = useCallback((from: number, to: number) => {
    void useSelectionStore
      .getState()
      .extendTo(to, from)
      .catch((failure: unknown) => useLibraryGrid.setState({ error: errorText(failure) }));
  }, []);
  const jump = useCallback((offset: number) => grid.current?.scrollToIndex(offset), []);
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
      if (!isFileDrag(event)) return;
      event.preventDefault();
      // Folders too: walked in the page, or handed to the core by path in the desktop app.
      useFileImportStore.getState().importDrop(event.dataTransfer);
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
        <ImportButton />
        <ViewSwitch />
        <span className="library-count muted" role="status">
          {status}
        </span>
      </header>
      <FiltersBar />

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

      {loaded && total === 0 ? (
        <LibraryEmpty focusSearch={() => search.current?.focus()} />
      ) : (
        <div className="library-body">
          <VirtualGrid
            key={listVersion}
            ref={grid}
            total={total}
            pages={pages}
            selection={selection}
            onRange={showRange}
            onOpen={openImage}
            onSelect={select}
            onExtend={extend}
            onAction={act}
            onMenu={openMenu}
            onDragTile={dragSelection}
          />
          <DateScrubber key={`scrubber-${listVersion}`} months={timeline} onJump={jump} />
          <SelectionBar onExport={(chosen, count) => setExporting({ selection: chosen, count })} />
        </div>
      )}
      {exporting && <ExportDialog selection={exporting.selection} count={exporting.count} onClose={() => setExporting(null)} />}

      {menu && (
        <ImageMenu
          x={menu.x}
          y={menu.y}
          label={t('common:imageN', { id: menu.id })}
          onClose={closeMenu}
          items={
            trashed
              ? [
                  { label: t('menu.open'), run: () => openImage(menu.id) },
                  { label: t('trash.restore'), run: () => void restoreImage(menu.id) },
                  {
                    label: t('trash.deleteForGood'),
                    danger: true,
                    run: () => useTrashConfirm.getState().ask({ kind: 'delete', id: menu.id }),
                  },
                ]
              : [
                  { label: t('menu.open'), run: () => openImage(menu.id) },
                  { label: t('common:edit'), shortcut: 'E', run: () => act(menu.id, 'edit') },
                  { label: t('common:useAsReference'), shortcut: 'R', run: () => act(menu.id, 'reference') },
                  { label: t('common:moveToTrash'), danger: true, run: () => void trash(menu.id) },
                ]
          }
        />
      )}

      {dropping && (
        <div className="drop-overlay" aria-hidden="true">
          <div>
            <p>{t('drop')}</p>
          </div>
        </div>
      )}

      {selected && <ImageViewer detail={selected} error={viewerError} onClose={closeViewer} onTrash={trashSelected} />}
    </section>
  );
}
