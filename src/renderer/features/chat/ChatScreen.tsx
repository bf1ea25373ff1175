import { useCallback, useEffect, useId, useMemo, useRef, useState, type DragEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { HOLST_IMAGE_TYPE } from '../../app/iterate';
import { errorText } from '../../i18n/errors';
import { useComposer, useConversations, useThread } from '../../store/chat';
import { conversationById } from '../../store/conversations/selectors';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { useViewer } from '../../store/library';
import { useProvidersStore } from '../../store/providers-store';
import { ImageViewer } from '../library/ImageViewer';
import { Composer } from './Composer';
import { ConversationCost } from './answer/ConversationCost';
import { ConversationList } from './ConversationList';
import { conversationTitle } from './format';
import { Messages } from './Messages';
import '../../styles/chat.css';
import { ChatIcon, ImageIcon, PencilIcon, TrashIcon } from '../../icons';
import { ListIcon } from '../../icons/nav';
import { usePopover } from '../../app/use-popover';

const hasFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files') || event.dataTransfer.types.includes(HOLST_IMAGE_TYPE);

/** The chat: conversations on the left, the open one in the middle, the prompt box at the bottom. */
export function ChatScreen() {
  const { t } = useTranslation(['chat', 'common']);
  const providers = useProvidersStore((s) => s.providers);
  const providersLoaded = useProvidersStore((s) => s.loaded);
  const [providersError, setProvidersError] = useState<string | null>(null);
  const { currentId, messages, messagesLoading, messagesError } = useThread(
    useShallow((s) => ({
      currentId: s.currentId,
      messages: s.messages,
      messagesLoading: s.messagesLoading,
      messagesError: s.messagesError,
    })),
  );
  const { attachFiles, attachLibraryImage } = useComposer(
    useShallow((s) => ({ attachFiles: s.attachFiles, attachLibraryImage: s.attachLibraryImage })),
  );
  // Pictures of answers still being written; the streamed text does not re-render the screen.
  const liveImageIds = useThread(
    useShallow((s) => Object.values(s.live).flatMap((g) => (g.conversationId === s.currentId ? g.imageIds : []))),
  );
  const selected = useViewer((s) => s.selected);
  const viewerError = useViewer((s) => s.viewerError);
  const [dragging, setDragging] = useState(false);
  const dragDepth = useRef(0);
  const opener = useRef<HTMLElement | null>(null);
  // Below 1100 px the conversations fold behind a button in the header (CSS shows one or the other).
  const { open: listOpen, setOpen: setListOpen, button: listButton, popover: listFold, onKeyDown: onListKey } = usePopover();
  const listId = useId();
  // Choosing a conversation (or New chat) folds the list again, the focus back on its button.
  const closeFold = (event: MouseEvent) => {
    if ((event.target as HTMLElement).closest('button.conversation, button.new-chat')) {
      setListOpen(false);
      listButton.current?.focus();
    }
  };

  useEffect(() => {
    void useThread.getState().init();
    if (!useProvidersStore.getState().loaded) {
      useProvidersStore
        .getState()
        .load()
        .catch((error: unknown) => setProvidersError(errorText(error)));
    }
    // Leaving the chat closes an image it opened in the viewer.
    return () => useViewer.getState().close();
  }, []);

  const conversation = useConversations(conversationById(currentId));

  // Every image of the conversation in order, for stepping through them in the viewer.
  const imageIds = useMemo(() => {
    const ids: number[] = [];
    for (const m of messages) ids.push(...m.imageIds);
    ids.push(...liveImageIds);
    return [...new Set(ids)];
  }, [messages, liveImageIds]);
  const viewedId = selected?.image.id ?? null;
  const at = viewedId === null ? -1 : imageIds.indexOf(viewedId);

  // The same function at every render, so the conversation's turns (memoized) do not render again for it.
  const openImage = useCallback((id: number) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    void useViewer.getState().open(id);
  }, []);
  const closeViewer = () => {
    useViewer.getState().close();
    if (opener.current?.isConnected) opener.current.focus();
  };

  const onDragEnter = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    dragDepth.current++;
    setDragging(true);
  };
  const onDragOver = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };
  const onDragLeave = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    dragDepth.current = Math.max(0, dragDepth.current - 1);
    if (dragDepth.current === 0) setDragging(false);
  };
  const onDrop = (event: DragEvent) => {
    dragDepth.current = 0;
    setDragging(false);
    const libraryId = Number(event.dataTransfer.getData(HOLST_IMAGE_TYPE));
    if (Number.isSafeInteger(libraryId) && libraryId > 0) {
      event.preventDefault();
      void attachLibraryImage(libraryId);
      return;
    }
    const files = [...event.dataTransfer.files];
    if (files.length === 0) return;
    event.preventDefault();
    void attachFiles(files);
  };

  return (
    <section
      className="chat"
      aria-labelledby="chat-title"
      onDragEnter={onDragEnter}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
    >
      <div
        id={listId}
        className={listOpen ? 'chat-list-fold open' : 'chat-list-fold'}
        ref={listFold}
        onKeyDown={listOpen ? onListKey : undefined}
        onClick={listOpen ? closeFold : undefined}
      >
        <ConversationList />
      </div>
      <div className="chat-main">
        {/* Outside the header, which is made anew per conversation: the focus can come back to it. */}
        <div className="chat-top">
          <button
            type="button"
            ref={listButton}
            className="icon-button chat-list-toggle"
            aria-expanded={listOpen}
            aria-controls={listId}
            aria-label={t('list.toggle')}
            title={t('list.toggle')}
            onClick={() => setListOpen(!listOpen)}
          >
            <ListIcon />
          </button>
          <ChatHeader key={currentId ?? 'new'} id={currentId} title={conversationTitle(conversation)} />
        </div>
        {messagesError && (
          <p role="alert" className="error chat-banner">
            {t('screen.loadError', { error: messagesError })}
          </p>
        )}
        {providersError && (
          <p role="alert" className="error chat-banner">
            {t('screen.providersError', { error: providersError })}
          </p>
        )}
        {viewerError && !selected && (
          <p role="alert" className="error chat-banner">
            {viewerError}
          </p>
        )}
        {messages.length === 0 && !messagesLoading && !messagesError ? (
          <div className="chat-empty">
            <ChatIcon />
            <h2>{t(currentId === null ? 'screen.emptyTitleNew' : 'screen.emptyTitle')}</h2>
            <p className="muted">{t('screen.emptyHint')}</p>
          </div>
        ) : (
          <Messages onOpenImage={openImage} />
        )}
        {messagesLoading && (
          <p className="muted small chat-loading" role="status">
            {t('screen.loading')}
          </p>
        )}
        {providersLoaded || providersError ? <Composer providers={providers} /> : <div className="composer composer-loading" />}
      </div>

      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <div>
            <ImageIcon />
            <p>{t('screen.dropImages')}</p>
          </div>
        </div>
      )}

      {selected && (
        <ImageViewer
          detail={selected}
          error={viewerError}
          previousId={at > 0 ? imageIds[at - 1]! : null}
          nextId={at >= 0 && at < imageIds.length - 1 ? imageIds[at + 1]! : null}
          onClose={closeViewer}
          onTrash={async () => {
            const done = await useViewer.getState().trash(selected.image.id);
            if (done && opener.current?.isConnected) opener.current.focus();
            return done;
          }}
        />
      )}
    </section>
  );
}

/** The open conversation's title (null while it has none), with Rename and Delete. */
function ChatHeader({ id, title: ownTitle }: { id: number | null; title: string | null }) {
  const { t } = useTranslation(['chat', 'common']);
  const title = ownTitle ?? t('newChat');
  const { rename, remove } = useConversations(useShallow((s) => ({ rename: s.rename, remove: s.remove })));
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const inputId = useId();
  const renameButton = useRef<HTMLButtonElement>(null);

  const save = async () => {
    if (id === null || editing === null) return;
    if (await rename(id, editing)) {
      setEditing(null);
      requestAnimationFrame(() => renameButton.current?.focus());
    }
  };

  return (
    <header className="chat-header">
      <h1 id="chat-title" title={title} className={editing !== null ? 'visually-hidden' : undefined}>
        {title}
      </h1>
      {id !== null && editing === null && <ConversationCost />}
      {editing !== null && (
        <form
          className="rename-form"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <label htmlFor={inputId} className="visually-hidden">
            {t('header.titleLabel')}
          </label>
          <input
            id={inputId}
            value={editing}
            maxLength={500}
            autoFocus
            onChange={(event) => setEditing(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                event.preventDefault();
                setEditing(null);
                requestAnimationFrame(() => renameButton.current?.focus());
              }
            }}
          />
          <button type="submit" className="primary">
            {t('common:save')}
          </button>
          <button type="button" onClick={() => setEditing(null)}>
            {t('common:cancel')}
          </button>
        </form>
      )}
      {id !== null && editing === null && (
        <div className="chat-header-actions">
          <button
            type="button"
            ref={renameButton}
            className="icon-button"
            aria-label={t('header.rename')}
            title={t('header.renameShort')}
            onClick={() => setEditing(ownTitle ?? '')}
          >
            <PencilIcon />
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={t('header.delete')}
            title={t('header.deleteShort')}
            onClick={() => setDeleting(true)}
          >
            <TrashIcon />
          </button>
        </div>
      )}
      {deleting && id !== null && (
        <ConfirmDialog
          title={t('header.deleteTitle')}
          body={t('header.deleteBody', { title })}
          confirmLabel={t('header.delete')}
          onCancel={() => setDeleting(false)}
          onConfirm={async () => {
            // The store says why it failed (in the composer); the dialog closes either way.
            await remove(id);
            setDeleting(false);
          }}
        />
      )}
    </header>
  );
}
