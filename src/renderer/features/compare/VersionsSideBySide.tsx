import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../shared/library';
import { mediaUrl } from '../../bridge/media';
import { AnswerCost } from '../chat/answer/AnswerCost';
import { openCompare } from './compare-store';
import '../../styles/compare.css';
import { SliderIcon } from '../../icons';

interface VersionsSideBySideProps {
  answers: Message[];
  /** The version shown in the chat (and followed up on). */
  chosen: number;
  onChoose(index: number): void;
}

/** Answers that are not complete say so on their card. */
const NOTED = ['streaming', 'error', 'cancelled', 'interrupted'] as const;
const noted = (status: Message['status']): status is (typeof NOTED)[number] => (NOTED as readonly string[]).includes(status);

/** Every answer to one prompt next to each other; two ticked images open in the slider. */
export function VersionsSideBySide({ answers, chosen, onChoose }: VersionsSideBySideProps) {
  const { t } = useTranslation('compare');
  const [ticked, setTicked] = useState<number[]>([]);
  const labels = new Map<number, string>();
  answers.forEach((answer, v) =>
    answer.imageIds.forEach((id, i) => labels.set(id, t('versions.imageLabel', { version: v + 1, image: i + 1 }))),
  );
  const pair = ticked.filter((id) => labels.has(id));

  // Ticking a third image lets go of the first one: the slider compares two.
  const toggle = (id: number) => setTicked(pair.includes(id) ? pair.filter((t) => t !== id) : [...pair, id].slice(-2));

  return (
    <div className="versions-compare">
      <ol className="versions-grid" aria-label={t('versions.listLabel')}>
        {answers.map((answer, v) => (
          <li key={answer.id} className={v === chosen ? 'version-card chosen' : 'version-card'}>
            <div className="version-card-head">
              <button type="button" className="version-pick" aria-pressed={v === chosen} onClick={() => onChoose(v)}>
                {t('versions.version', { n: v + 1 })}
              </button>
              {v === chosen ? (
                <span className="badge badge-accent">{t('versions.shown')}</span>
              ) : (
                <span className="muted small">{t('versions.clickToShow')}</span>
              )}
            </div>
            {answer.imageIds.length > 0 && (
              <ul className="version-images">
                {answer.imageIds.map((id) => (
                  <li key={id}>
                    <label className={pair.includes(id) ? 'version-image ticked' : 'version-image'} title={t('versions.tickHint')}>
                      <input type="checkbox" checked={pair.includes(id)} onChange={() => toggle(id)} />
                      <img src={mediaUrl('preview', id)} alt={labels.get(id)} draggable={false} />
                    </label>
                  </li>
                ))}
              </ul>
            )}
            {noted(answer.status) && <p className="version-note">{t(`versions.status.${answer.status}`)}</p>}
            <Excerpt text={answer.text} />
            {answer.status === 'complete' && <AnswerCost message={answer} />}
          </li>
        ))}
      </ol>
      <div className="versions-compare-bar">
        <span className="muted small" aria-live="polite">
          {pair.length === 2 ? t('versions.pair', { a: labels.get(pair[0]!), b: labels.get(pair[1]!) }) : t('versions.tickTwo')}
        </span>
        <button
          type="button"
          className="icon-text"
          disabled={pair.length !== 2}
          onClick={() => openCompare(pair[0]!, pair[1]!, { a: labels.get(pair[0]!), b: labels.get(pair[1]!) })}
        >
          <SliderIcon />
          {t('versions.compare')}
        </button>
      </div>
    </div>
  );
}

/**
 * The start of an answer's prose for a card: without progress quotes, tables and code, and without
 * Markdown's marks.
 */
function Excerpt({ text }: { text: string }) {
  const prose = excerpt(text);
  return prose ? <p className="version-text">{prose}</p> : null;
}

function excerpt(text: string): string {
  return text
    .split(/\n[ \t]*\n/)
    .filter((block) => !/^\s*(>|\||```|~~~)/.test(block))
    .join('\n')
    .replace(/^\s*#{1,6}\s+/gm, '')
    .replace(/(\*\*|__|~~|`)/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .trim();
}
