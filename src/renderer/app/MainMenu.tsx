import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueueButton } from '../features/queue/QueueButton';
import { ChatNavIcon, LibraryNavIcon, SettingsNavIcon, StartNavIcon } from '../icons/nav';
import { useAppStore, type Screen } from '../store/app-store';
import { useChatDropTarget } from './ChatDropTarget';

/**
 * The main menu: an icon and a word per screen, folded to an icon rail below 1100 px (the words
 * then read by screen readers and shown as tooltips). The Chat item also takes a dragged picture;
 * the generation queue's button (its count, its panel) sits at the foot.
 */
export function MainMenu() {
  const { t } = useTranslation('app');
  const screen = useAppStore((s) => s.screen);
  const go = useAppStore((s) => s.go);
  const chatDrop = useChatDropTarget();

  const item = (to: Screen, label: string, title: string, icon: ReactNode, extra: object = {}, className = 'nav-item') => (
    <button type="button" className={className} aria-current={screen === to} onClick={() => go(to)} title={title} {...extra}>
      {icon}
      <span className="nav-label">{label}</span>
    </button>
  );

  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <div className="brand">Holst</div>
      {item(
        'chat',
        t('nav.chat'),
        t('nav.chatTitle'),
        <ChatNavIcon />,
        chatDrop.handlers,
        chatDrop.over ? 'nav-item drop-target' : 'nav-item',
      )}
      {item('library', t('nav.library'), t('nav.library'), <LibraryNavIcon />)}
      {item('home', t('nav.start'), t('nav.start'), <StartNavIcon />)}
      {item('settings', t('nav.settings'), t('nav.settingsTitle'), <SettingsNavIcon />)}
      <QueueButton />
    </nav>
  );
}
