import { useTranslation } from 'react-i18next';

/**
 * A picture still being drawn (the Images API's streamed partial image), shown where the answer's
 * pictures go until the next one or the final picture replaces it. Never in the library: it is a
 * data: URL the core passed on, gone with the answer's live state.
 */
export function PartialPicture({ partial }: { partial: { index: number; dataUrl: string } }) {
  const { t } = useTranslation('chat');
  return (
    <figure className="message-partial" aria-live="polite">
      <img src={partial.dataUrl} decoding="async" alt={t('answer.partialImage', { n: partial.index + 1 })} draggable={false} />
      <figcaption className="muted small">{t('answer.partialCaption')}</figcaption>
    </figure>
  );
}
