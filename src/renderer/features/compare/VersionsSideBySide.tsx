import { useState } from 'react';
import type { Message } from '../../../shared/library';
import { mediaUrl } from '../../bridge/media';
import { AnswerCost } from '../chat/answer/AnswerCost';
import { SliderIcon } from '../chat/answer/icons';
import { openCompare } from './compare-store';
import '../../styles/compare.css';

interface VersionsSideBySideProps {
  answers: Message[];
  /** The version shown in the chat (and followed up on). */
  chosen: number;
  onChoose(index: number): void;
}

const STATUS_NOTE: Partial<Record<Message['status'], string>> = {
  streaming: 'Being written…',
  error: 'Failed',
  cancelled: 'Stopped',
  interrupted: 'Interrupted',
};

/** Every answer to one prompt next to each other; two ticked images open in the slider. */
export function VersionsSideBySide({ answers, chosen, onChoose }: VersionsSideBySideProps) {
  const [ticked, setTicked] = useState<number[]>([]);
  const labels = new Map<number, string>();
  answers.forEach((answer, v) => answer.imageIds.forEach((id, i) => labels.set(id, `Version ${v + 1}, image ${i + 1}`)));
  const pair = ticked.filter((id) => labels.has(id));

  // Ticking a third image lets go of the first one: the slider compares two.
  const toggle = (id: number) => setTicked(pair.includes(id) ? pair.filter((t) => t !== id) : [...pair, id].slice(-2));

  return (
    <div className="versions-compare">
      <ol className="versions-grid" aria-label="Versions side by side">
        {answers.map((answer, v) => (
          <li key={answer.id} className={v === chosen ? 'version-card chosen' : 'version-card'}>
            <div className="version-card-head">
              <button type="button" className="version-pick" aria-pressed={v === chosen} onClick={() => onChoose(v)}>
                Version {v + 1}
              </button>
              {v === chosen ? <span className="badge badge-accent">Shown</span> : <span className="muted small">Click to show</span>}
            </div>
            {answer.imageIds.length > 0 && (
              <ul className="version-images">
                {answer.imageIds.map((id) => (
                  <li key={id}>
                    <label className={pair.includes(id) ? 'version-image ticked' : 'version-image'} title="Tick two images to compare them">
                      <input type="checkbox" checked={pair.includes(id)} onChange={() => toggle(id)} />
                      <img src={mediaUrl('preview', id)} alt={labels.get(id)} draggable={false} />
                    </label>
                  </li>
                ))}
              </ul>
            )}
            {STATUS_NOTE[answer.status] && <p className="version-note">{STATUS_NOTE[answer.status]}</p>}
            <Excerpt text={answer.text} />
            {answer.status === 'complete' && <AnswerCost message={answer} />}
          </li>
        ))}
      </ol>
      <div className="versions-compare-bar">
        <span className="muted small" aria-live="polite">
          {pair.length === 2 ? `${labels.get(pair[0]!)} and ${labels.get(pair[1]!)}` : 'Tick two images to compare them with a slider.'}
        </span>
        <button
          type="button"
          className="icon-text"
          disabled={pair.length !== 2}
          onClick={() => openCompare(pair[0]!, pair[1]!, { a: labels.get(pair[0]!), b: labels.get(pair[1]!) })}
        >
          <SliderIcon />
          Compare with slider
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
