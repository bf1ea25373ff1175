import { useEffect } from 'react';
import { ChatScreen } from '../features/chat/ChatScreen';
import { LibraryScreen } from '../features/library/LibraryScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { holst } from '../bridge';
import { useAppStore, type Screen } from '../store/app-store';
import { useChatStore } from '../store/chat-store';
import { CompareHost } from '../features/compare/CompareHost';
import { useChatDropTarget } from './ChatDropTarget';
import { Home } from './Home';
import { Notices } from './Notices';

const CONTENT_CLASS: Record<Screen, string> = {
  chat: 'content content-fill content-chat',
  library: 'content content-fill',
  home: 'content',
  settings: 'content',
};

export function App() {
  const { screen, go, start, started, startError, settings } = useAppStore();
  const chatDrop = useChatDropTarget();

  useEffect(() => {
    void start();
  }, [start]);

  useEffect(() => {
    const theme = settings?.appearance.theme ?? 'system';
    document.documentElement.dataset.theme = theme;
  }, [settings?.appearance.theme]);

  useEffect(() => {
    // Ctrl/Cmd+, opens Settings, as in most desktop apps; Ctrl/Cmd+N starts a new chat.
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      if (event.key === ',') {
        event.preventDefault();
        go('settings');
      } else if (event.key.toLowerCase() === 'n' && !event.shiftKey) {
        event.preventDefault();
        go('chat');
        useChatStore.getState().newChat();
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
      void useChatStore.getState().attachFiles(files);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    // The desktop app's menu sends the same commands (its accelerators take the keys first there).
    const offCommand = holst.on('app.command', ({ command }) => {
      if (command === 'new-chat') {
        go('chat');
        useChatStore.getState().newChat();
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
        <h1>Holst could not start</h1>
        <p>{startError}</p>
      </main>
    );
  }

  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">Holst</div>
        <button
          type="button"
          className={chatDrop.over ? 'nav-item drop-target' : 'nav-item'}
          aria-current={screen === 'chat'}
          onClick={() => go('chat')}
          title="Chat (Ctrl+N for a new chat; drop a picture here to use it in the next prompt)"
          {...chatDrop.handlers}
        >
          Chat
        </button>
        <button type="button" className="nav-item" aria-current={screen === 'library'} onClick={() => go('library')}>
          Library
        </button>
        <button type="button" className="nav-item" aria-current={screen === 'home'} onClick={() => go('home')}>
          Start
        </button>
        <button
          type="button"
          className="nav-item"
          aria-current={screen === 'settings'}
          onClick={() => go('settings')}
          title="Settings (Ctrl+,)"
        >
          Settings
        </button>
      </nav>
      <main className={CONTENT_CLASS[screen]}>
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
    </div>
  );
}
