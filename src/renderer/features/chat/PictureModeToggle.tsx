import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { paramSpec } from '../../../shared/provider-kinds';
import type { ProviderKind } from '../../../shared/settings';
import { ImageIcon } from '../../icons';
import { useComposer } from '../../store/chat';
import { toggleOn } from '../../store/composer/drafts';

/**
 * Picture mode, for the kinds that take it (GigaChat draws only when asked to): on, the prompt goes
 * as a request to draw it; off, as written, for plain talk. One click flips it for this chat's
 * provider; the chat keeps it (it is sent with every prompt, and a chat opened again goes on with it).
 */
function PictureModeToggleView({ providerId, kind }: { providerId: string; kind: ProviderKind }) {
  const { t } = useTranslation('chat');
  const spec = paramSpec(kind, 'pictureMode');
  const value = useComposer((s) => s.params[providerId]?.pictureMode ?? '');
  const setParam = useComposer((s) => s.setParam);
  if (!spec) return null;
  const on = toggleOn(value, spec);
  return (
    <button
      type="button"
      className="picture-mode-toggle icon-text"
      aria-pressed={on}
      title={t(on ? 'composer.pictureMode.onTitle' : 'composer.pictureMode.offTitle')}
      onClick={() => setParam(providerId, 'pictureMode', on ? 'off' : 'on')}
    >
      <ImageIcon size={16} strokeWidth={2} />
      {t('composer.pictureMode.label')}
    </button>
  );
}

/** Memoized: the composer re-renders on every key, and this does not change with the prompt. */
export const PictureModeToggle = memo(PictureModeToggleView);
