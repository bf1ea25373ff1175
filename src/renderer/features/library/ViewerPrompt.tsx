import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageRecord } from '../../../shared/library';
import { CopyIcon } from '../../icons';

/** The prompt as the viewer's heading, the provider's revised prompt, and a button copying the prompt. */
export function ViewerPrompt({ image, titleId }: { image: ImageRecord; titleId: string }) {
  const { t } = useTranslation('library');
  const prompt = image.prompt?.trim() || null;
  const [copy, setCopy] = useState<'copied' | 'refused' | null>(null);

  // The confirmation fades after a moment (the viewer keys this by image, so another image starts clean).
  useEffect(() => {
    if (copy !== 'copied') return;
    const timer = setTimeout(() => setCopy(null), 2000);
    return () => clearTimeout(timer);
  }, [copy]);

  const copyPrompt = async () => {
    try {
      await navigator.clipboard.writeText(image.prompt ?? '');
      setCopy('copied');
    } catch {
      setCopy('refused');
    }
  };

  return (
    <>
      <h2 id={titleId} className={prompt ? 'viewer-prompt' : 'viewer-prompt muted'}>
        {prompt ?? t('viewer.noPrompt')}
      </h2>
      {prompt && (
        <div className="viewer-copy">
          <button type="button" className="viewer-quiet-button" onClick={() => void copyPrompt()}>
            <CopyIcon size={14} />
            {t('viewer.copyPrompt')}
          </button>
          <span role="status" className={copy === 'refused' ? 'error small' : 'muted small'}>
            {copy === 'copied' ? t('viewer.copied') : copy === 'refused' ? t('viewer.copyRefused') : ''}
          </span>
        </div>
      )}
      {image.revisedPrompt && (
        <div className="viewer-revised">
          <h3>{t('viewer.revisedPrompt')}</h3>
          <p>{image.revisedPrompt}</p>
        </div>
      )}
    </>
  );
}
