import { useEffect, useRef, useState, type ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExtraProps } from 'react-markdown';
import { CheckIcon, CopyIcon } from '../../../icons';

type CopyState = 'idle' | 'copied' | 'failed';

/** A fenced code block with its language and a Copy button. */
export function CodeBlock({ children, node: _node, ...props }: ComponentProps<'pre'> & ExtraProps) {
  const { t } = useTranslation('chat');
  const pre = useRef<HTMLPreElement>(null);
  const [state, setState] = useState<CopyState>('idle');
  const language = languageOf(children);

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    const text = pre.current?.querySelector('code')?.textContent ?? pre.current?.textContent ?? '';
    try {
      await navigator.clipboard.writeText(text.replace(/\n$/, ''));
      setState('copied');
    } catch {
      setState('failed');
    }
  };

  return (
    <div className="md-code">
      <div className="md-code-bar">
        <span className="md-code-language">{language ?? t('markdown.code')}</span>
        <button type="button" className="link-button" aria-label={t('markdown.copyCode')} onClick={() => void copy()}>
          {state === 'copied' ? <CheckIcon /> : <CopyIcon />}
          <span aria-live="polite">
            {t(state === 'copied' ? 'markdown.copied' : state === 'failed' ? 'markdown.copyFailed' : 'markdown.copy')}
          </span>
        </button>
      </div>
      <pre ref={pre} {...props}>
        {children}
      </pre>
    </div>
  );
}

/** The fence's language, from the `language-…` class remark gives its <code>. */
function languageOf(children: unknown): string | null {
  const props = (children as { props?: { className?: unknown } } | null)?.props;
  const match = typeof props?.className === 'string' ? /language-([\w+#.-]+)/.exec(props.className) : null;
  return match?.[1] ?? null;
}
