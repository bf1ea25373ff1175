import { useTranslation } from 'react-i18next';
import type { Message } from '../../../../shared/library';

/** The prompt (and system text) as the provider was sent it, kept with the answer (`request.sent`), if it is. */
export function sentPrompt(request: Message['request']): { system?: string; prompt: string } | null {
  const sent = request?.sent;
  if (!sent || typeof sent !== 'object') return null;
  const { system, prompt } = sent as Record<string, unknown>;
  if (typeof prompt !== 'string') return null;
  return { prompt, ...(typeof system === 'string' && system !== '' ? { system } : {}) };
}

/**
 * What the provider was sent for this answer, behind a disclosure: where the kind rewords the prompt
 * (GigaChat's picture mode asks it to draw, in the prompt's language, with a system message that steers).
 */
export function RequestSent({ request }: { request: Message['request'] }) {
  const { t } = useTranslation('chat');
  const sent = sentPrompt(request);
  if (!sent) return null;
  return (
    <details className="request-sent">
      <summary>{t('answer.sent.summary')}</summary>
      <dl>
        {sent.system !== undefined && (
          <>
            <dt>{t('answer.sent.system')}</dt>
            <dd>{sent.system}</dd>
          </>
        )}
        <dt>{t('answer.sent.prompt')}</dt>
        <dd>{sent.prompt}</dd>
      </dl>
    </details>
  );
}
