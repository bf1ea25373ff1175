import { createContext, useContext, type ComponentProps, type MouseEvent, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type { Components, ExtraProps } from 'react-markdown';
import { CodeBlock } from '../answer/CodeBlock';

/**
 * What a click on an answer's link does (the answer opens it outside the window). A context rather
 * than a prop, so the rendered elements do not depend on the answer that made them and can be kept.
 */
export const FollowLink = createContext<(href: string) => void>(() => undefined);

/**
 * How an answer's Markdown elements render: links go to `FollowLink` instead of navigating the
 * window, images are never fetched from the web but shown as links (the provider's pictures are
 * saved and shown apart), code blocks get a Copy button, and wide tables scroll in their own box.
 */
export function answerComponents(t: TFunction<'chat'>): Components {
  return {
    a: ({ href, children }) => <AnswerLink href={href}>{children}</AnswerLink>,
    img: ({ src, alt }) => {
      const label = alt?.trim() || t('markdown.image');
      return typeof src === 'string' && src !== '' ? (
        <AnswerLink href={src}>{t('markdown.imageLink', { label })}</AnswerLink>
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
}

/** A link that never navigates this window: a click hands it to `FollowLink`; its target shows on hover. */
function AnswerLink({ href, children }: { href: string | undefined; children: ReactNode }) {
  const onFollow = useContext(FollowLink);
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
