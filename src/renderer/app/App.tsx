import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ChatScreen } from '../features/chat/ChatScreen';
import { LibraryScreen } from '../features/library/LibraryScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { holst } from '../bridge';
import { useAppStore, type Screen } from '../store/app-store';
import { useComposer, useThread } from '../store/chat';
import { TrashConfirmHost } from '../features/library/TrashBar';
import { TrashUndoToast } from './TrashUndoToast';
import { CompareHost } from '../features/compare/CompareHost';
import { applyLanguage } from '../i18n';
import { Home } from './Home';
import { MainMenu } from './MainMenu';
import { Notices } from './Notices';

const CONTENT_CLASS: Record<Screen, string> = {
  chat: 'content content-fill content-chat',
  library: 'content content-fill',
  home: 'content',
  settings: 'content',
};

export function App() {
  const { screen, go, start, started, startError, settings } = useAppStore();
  const { t } = useTranslation('app');
  const content = useRef<HTMLElement>(null);

  useEffect(() => {
    void start();
  }, [start]);

  // Each screen opens at its top, not where the screen before it was scrolled to.
  useEffect(() => {
    content.current?.scrollTo({ top: 0 });
  }, [screen]);

  useEffect(() => {
    const theme = settings?.appearance.theme ?? 'system';
    document.documentElement.dataset.theme = theme;
  }, [settings?.appearance.theme]);

  // The language follows Settings (or the system) and changes every screen at once.
  useEffect(() => {
    applyLanguage(settings?.appearance.language);
  }, [settings?.appearance.language]);

  useEffect(() => {
    // Ctrl/Cmd+, opens Settings, as in most desktop apps; Ctrl/Cmd+N starts a new chat.
    const onKey = (event: KeyboardEvent) => {
      // Esc with no dialog open stops the answers being written in the open chat.
      if (event.key === 'Escape' && !event.defaultPrevented && !document.querySelector('[aria-modal="true"]')) {
        const chat = useThread.getState();
        const running = Object.values(chat.live).filter((g) => g.conversationId === chat.currentId && !g.cancelling);
        if (useAppStore.getState().screen === 'chat' && running.length > 0) {
          event.preventDefault();
          for (const generation of running) void chat.cancel(generation.generationId);
        }
        return;
      }
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      // Ctrl/Cmd+K: to the search box of the screen in view (the library's, or the chats').
      if (event.key.toLowerCase() === 'k' && !event.shiftKey) {
        const search = document.querySelector<HTMLInputElement>('main input[type="search"]');
        if (search) {
          event.preventDefault();
          search.focus();
          search.select();
        }
        return;
      }
      if (event.key === ',') {
        event.preventDefault();
        go('settings');
      } else if (event.key.toLowerCase() === 'n' && !event.shiftKey) {
        event.preventDefault();
        go('chat');
        useThread.getState().newChat();
      }
    };
    window.addEventListener('keydown', onKey);
    // Files dropped where no screen takes them (Start, Settings) go to the current chat; a drop is
    // never left to the browser, which would open the file in place of the app.
    const isFileDrag = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const onDragOver = (event: DragEvent) => {
      if (isFileDrag(event)) event.preventDefault();
    };
    const onDrop = (event: DragEvent) => {
      if (!isFileDrag(event) || event.defaultPrevented) return;
      event.preventDefault();
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length === 0) return;
      go('chat');
      void useComposer.getState().attachFiles(files);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    // The desktop app's menu sends the same commands (its accelerators take the keys first there).
    const offCommand = holst.on('app.command', ({ command }) => {
      if (command === 'new-chat') {
        go('chat');
        useThread.getState().newChat();
      } else {
        go(command);
      }
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
      offCommand();
    };
  }, [go]);

  if (startError) {
    return (
      <main className="fatal" role="alert">
        <h1>{t('fatal.title')}</h1>
        <p>{startError}</p>
      </main>
    );
  }

  return (
    <div className="shell">
      <MainMenu />
      <main className={CONTENT_CLASS[screen]} ref={content}>
        <Notices />
        {!started ? null : screen === 'chat' ? (
          <ChatScreen />
        ) : screen === 'library' ? (
          <LibraryScreen />
        ) : screen === 'settings' ? (
          <SettingsScreen />
        ) : (
          <Home />
        )}
      </main>
      <CompareHost />
      <TrashUndoToast />
      <TrashConfirmHost />
    </div>
  );
}
