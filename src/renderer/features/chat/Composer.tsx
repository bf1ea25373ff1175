import { useCallback, useEffect, useId, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { ProviderView } from '../../../shared/contract';
import { describeKind } from '../../../shared/provider-kinds';
import { holst, unwrap } from '../../bridge';
import { errorText } from '../../i18n/errors';
import { useAppStore } from '../../store/app-store';
import { useComposer, useThread } from '../../store/chat';
import { hasParams } from '../../store/composer/drafts';
import { attachmentsFull, sendBlocked } from '../../store/composer/selectors';
import { runningHere } from '../../store/thread/selectors';
import { formatTokens } from './answer/usage';
import { AttachmentChips } from './AttachmentChips';
import { CompareWith } from './CompareWith';
import { ModelField } from './ModelField';
import { PictureModeToggle } from './PictureModeToggle';
import { PictureSettings } from './PictureSettings';
import { PaperclipIcon, SendIcon, StopIcon } from '../../icons';

/** How long typing pauses before the prompt's tokens are counted. */
const COUNT_DELAY_MS = 400;

/** The prompt box and what goes with it: provider, model, parameters, attached images, Send and Stop. */
export function Composer({ providers }: { providers: ProviderView[] }) {
  const { t } = useTranslation(['chat', 'common']);
  const state = useComposer(
    useShallow((s) => ({
      prompt: s.prompt,
      providerId: s.providerId,
      models: s.models,
      params: s.params,
      attachments: s.attachments,
      missing: s.missing,
      attaching: s.attaching,
      attachError: s.attachError,
      error: s.error,
      focusTick: s.focusTick,
    })),
  );
  const { currentId, sending, send, cancel } = useThread(
    useShallow((s) => ({ currentId: s.currentId, sending: s.sending, send: s.send, cancel: s.cancel })),
  );
  // The answers being written in this conversation (Stop and Esc), not their text: a stream does not re-render the composer.
  const running = useThread(useShallow(runningHere));
  const stopping = useThread((s) => running.length > 0 && running.every((id) => s.live[id]?.cancelling));
  const actions = useComposer(
    useShallow((s) => ({
      setPrompt: s.setPrompt,
      setProvider: s.setProvider,
      attachFiles: s.attachFiles,
      dismissError: s.dismissError,
      dismissAttachError: s.dismissAttachError,
    })),
  );
  const go = useAppStore((s) => s.go);
  const catalogue = useAppStore((s) => s.settings?.modelCatalogue);
  const ids = { provider: useId(), prompt: useId(), hint: useId() };
  const textarea = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const focusPrompt = useCallback(() => textarea.current?.focus(), []);

  const provider = providers.find((p) => p.config.id === state.providerId) ?? providers[0];
  const providerId = provider?.config.id ?? '';
  const model = provider ? (state.models[providerId] ?? provider.config.models?.[0] ?? '') : '';
  // Switching away from a provider with settings: they stay with it (said once, until the next switch or send).
  const [switched, setSwitched] = useState<{ from: string; to: string; in: number | null } | null>(null);
  const settingsKept = switched?.in === currentId ? switched : null;
  const chooseProvider = (id: string) => {
    const before = provider;
    actions.setProvider(id);
    const after = providers.find((p) => p.config.id === id);
    setSwitched(
      before && after && before.config.id !== id && hasParams(state.params[before.config.id], before.config.kind)
        ? { from: before.config.name ?? before.config.id, to: after.config.name ?? after.config.id, in: currentId }
        : null,
    );
  };
  const blocked = sendBlocked(state);
  const canSend = provider !== undefined && state.prompt.trim() !== '' && !sending && state.attaching === 0 && !blocked;

  useEffect(() => {
    textarea.current?.focus();
  }, [state.focusTick]);

  // The prompt's size in tokens, where the provider kind can count them.
  const [tokens, setTokens] = useState<{ count: number | null; error: string | null } | null>(null);
  useEffect(() => {
    if (!providerId || state.prompt.trim() === '') return;
    let stale = false;
    const timer = setTimeout(() => {
      unwrap(holst.providers.countTokens({ id: providerId, text: state.prompt, ...(model.trim() ? { model: model.trim() } : {}) })).then(
        ({ tokens: count }) => !stale && setTokens({ count, error: null }),
        (error: unknown) => !stale && setTokens({ count: null, error: errorText(error) }),
      );
    }, COUNT_DELAY_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [providerId, model, state.prompt]);
  const shownTokens = state.prompt.trim() === '' ? null : tokens;

  const submit = () => {
    if (!provider || !canSend) return;
    setSwitched(null);
    void send({ providerId, kind: provider.config.kind, model, catalogue });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    } else if (event.key === 'Escape' && running.length > 0) {
      event.preventDefault();
      for (const id of running) void cancel(id);
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const files = [...event.clipboardData.files];
    if (files.length === 0) return;
    event.preventDefault();
    void actions.attachFiles(files);
  };

  if (providers.length === 0) {
    return (
      <div className="composer composer-empty">
        <p>
          <strong>{t('composer.noProviderTitle')}</strong> {t('composer.noProviderText')}
        </p>
        <button type="button" className="primary" onClick={() => go('settings')}>
          {t('composer.openSettings')}
        </button>
      </div>
    );
  }

  return (
    <form
      className="composer"
      aria-label={t('composer.label')}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {provider && !provider.key.set && (
        <p className="warning small composer-note">
          {t('composer.noKey', { name: provider.config.name ?? provider.config.id })}{' '}
          <button type="button" className="link" onClick={() => go('settings')}>
            {t('composer.addKey')}
          </button>
        </p>
      )}

      <AttachmentChips kind={provider?.config.kind} onDone={focusPrompt} />

      <label htmlFor={ids.prompt} className="visually-hidden">
        {t('composer.prompt')}
      </label>
      <textarea
        id={ids.prompt}
        ref={textarea}
        className="prompt"
        rows={2}
        placeholder={t(
          state.attachments.length === 0
            ? 'composer.placeholder.new'
            : provider && describeKind(provider.config.kind).source === 'considered'
              ? 'composer.placeholder.newPicture'
              : 'composer.placeholder.edit',
        )}
        value={state.prompt}
        maxLength={100_000}
        aria-describedby={ids.hint}
        onChange={(event) => actions.setPrompt(event.target.value)}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
      />
      <span id={ids.hint} className="visually-hidden">
        {t('composer.hint')}
      </span>

      <div className="composer-bar">
        <div className="composer-options">
          <button
            type="button"
            className="icon-only"
            aria-label={t('composer.attach')}
            onClick={() => fileInput.current?.click()}
            disabled={attachmentsFull(state)}
            title={t('composer.attachTitle')}
          >
            <PaperclipIcon />
          </button>
          <input
            ref={fileInput}
            type="file"
            accept="image/*"
            multiple
            hidden
            tabIndex={-1}
            onChange={(event) => {
              const files = [...(event.target.files ?? [])];
              event.target.value = '';
              if (files.length > 0) void actions.attachFiles(files);
            }}
          />

          <span className="field-inline">
            <label htmlFor={ids.provider} className="visually-hidden">
              {t('composer.provider')}
            </label>
            <select
              id={ids.provider}
              className="provider-select"
              value={providerId}
              title={t('composer.provider')}
              onChange={(event) => chooseProvider(event.target.value)}
            >
              {providers.map((p) => (
                <option key={p.config.id} value={p.config.id}>
                  {p.config.name ?? p.config.id}
                </option>
              ))}
            </select>
          </span>

          {provider && <PictureModeToggle providerId={providerId} kind={provider.config.kind} />}
          {provider && <ModelField provider={provider} model={model} />}
          {provider && <CompareWith providers={providers} providerId={providerId} model={model} />}
          {provider && <PictureSettings providerId={providerId} kind={provider.config.kind} model={model} idBase={ids.provider} />}
        </div>

        <div className="composer-actions">
          {shownTokens?.count != null && (
            <span className="muted small token-count" data-testid="token-count">
              {formatTokens(shownTokens.count)}
            </span>
          )}
          {shownTokens?.error && (
            <span className="muted small token-count" title={shownTokens.error}>
              {t('composer.tokensUnknown')}
            </span>
          )}

          {running.length > 0 && (
            <button
              type="button"
              className="stop"
              onClick={() => running.forEach((id) => void cancel(id))}
              disabled={stopping}
              title={t('composer.stopTitle')}
            >
              <StopIcon />
              {t('composer.stop')}
            </button>
          )}
          <button type="submit" className="primary icon-text" disabled={!canSend} title={t('composer.sendTitle')}>
            <SendIcon />
            {t(sending ? 'composer.sending' : 'composer.send')}
          </button>
        </div>
      </div>

      {settingsKept && (
        <p role="status" className="muted small composer-note">
          {t('composer.settingsKept', { from: settingsKept.from, to: settingsKept.to })}
        </p>
      )}
      {blocked && (
        <p role="alert" className="error small composer-note">
          {t('composer.blocked')}
        </p>
      )}
      {state.attachError && (
        <div role="alert" className="error small composer-note composer-error">
          <span>{state.attachError}</span>
          <button type="button" className="link" onClick={actions.dismissAttachError}>
            {t('common:dismiss')}
          </button>
        </div>
      )}
      {state.error && (
        <div role="alert" className="error composer-note composer-error">
          <span>{state.error}</span>
          <button type="button" className="link" onClick={actions.dismissError}>
            {t('common:dismiss')}
          </button>
        </div>
      )}
    </form>
  );
}
