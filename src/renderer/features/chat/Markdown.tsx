import { memo, useMemo, useState, type ComponentProps, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import ReactMarkdown, { type Components, type ExtraProps } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { errorText } from '../../i18n/errors';
import { CodeBlock } from './answer/CodeBlock';
import { openLink } from './answer/open-link';

const PLUGINS = [remarkGfm];

/**
 * An answer's text as Markdown (GFM: tables, lists, task lists, strikethrough, fenced code).
 * HTML in the text is shown as text, never made into elements (react-markdown turns raw HTML into
 * text unless a raw-HTML plugin is added, and none is). Links open outside the window; images are
 * never fetched from the web but shown as links (the provider's pictures are saved and shown apart).
 */
export const Markdown = memo(function Markdown({ text }: { text: string }) {
  const { t } = useTranslation('chat');
  const [linkError, setLinkError] = useState<string | null>(null);

  const components = useMemo<Components>(() => {
    const follow = (href: string) => {
      setLinkError(null);
      openLink(href).catch((error: unknown) => setLinkError(errorText(error)));
    };
    return {
      a: ({ href, children }) => (
        <AnswerLink href={href} onFollow={follow}>
          {children}
        </AnswerLink>
      ),
      img: ({ src, alt }) => {
        const label = alt?.trim() || t('markdown.image');
        return typeof src === 'string' && src !== '' ? (
          <AnswerLink href={src} onFollow={follow}>
            {t('markdown.imageLink', { label })}
          </AnswerLink>
        ) : (
          <span className="muted">{t('markdown.imageLink', { label })}</span>
        );
      },
      pre: CodeBlock,
      table: ({ node: _node, ...props }: ComponentProps<'table'> & ExtraProps) => (
        <div className="md-table">
          <table {...props} />
        </div>
      ),
    };
  }, [t]);

  return (
    <div className="message-body md">
      <ReactMarkdown remarkPlugins={PLUGINS} components={components}>
        {text}
      </ReactMarkdown>
      {linkError && (
        <p role="alert" className="error small">
          {t('markdown.linkError', { error: linkError })}
        </p>
      )}
    </div>
  );
});

/** A link that never navigates this window: a click hands it to `openLink`; its target shows on hover. */
function AnswerLink({ href, children, onFollow }: { href: string | undefined; children: ReactNode; onFollow(href: string): void }) {
  if (!href) return <span className="md-dead-link">{children}</span>;
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    onFollow(href);
  };
  return (
    // A middle click asks for a new tab: it opens outside the same way; a right click keeps its menu.
    <a href={href} title={href} rel="noopener noreferrer" onClick={follow} onAuxClick={(event) => event.button === 1 && follow(event)}>
      {children}
    </a>
  );
}
