// The queue panel as it renders from the queue store: a row per job with its state (a prompt held
// by the answer above says so), the actions its state allows, its time, and no more than the first
// rows of a long history (Show more draws the rest).
import './support/page-globals';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { QueueJob } from '../../src/shared/queue';

type Panel = typeof import('../../src/renderer/features/queue/QueuePanel');
type Jobs = typeof import('../../src/renderer/store/queue/jobs');
let panel: Panel;
let fromList: Jobs['fromList'];

beforeAll(async () => {
  // The app's stores listen to the page's input at import: a window that takes listeners is enough here.
  vi.stubGlobal('window', { addEventListener: () => undefined });
  panel = await import('../../src/renderer/features/queue/QueuePanel');
  ({ fromList } = await import('../../src/renderer/store/queue/jobs'));
});
afterAll(() => vi.unstubAllGlobals());

let nextMessage = 10;
function job(generationId: string, fields: Partial<QueueJob> = {}): QueueJob {
  const messageId = fields.messageId ?? (nextMessage += 2);
  return {
    generationId,
    conversationId: 1,
    userMessageId: messageId - 1,
    messageId,
    provider: 'agg',
    model: 'gpt-4o-image',
    state: 'queued',
    position: messageId,
    prompt: `Prompt ${generationId}`,
    createdAt: Date.now() - 5_000,
    startedAt: null,
    finishedAt: null,
    error: null,
    ...fields,
  };
}

/** The panel as the queue store would have it after `queue.list` answered these jobs. */
function render(jobs: QueueJob[], paused = false): string {
  const none = () => undefined;
  return renderToStaticMarkup(
    <panel.QueuePanelView
      {...fromList(jobs, 1000)}
      paused={paused}
      moreHistory={false}
      error={null}
      onOpen={none}
      onCancel={none}
      onMove={none}
      onRetry={none}
      onPause={none}
      onMoreHistory={none}
    />,
  );
}

const rowsOf = (html: string) => html.match(/<li class="queue-row [^"]*"/g) ?? [];

describe('the queue panel', () => {
  it('shows each job’s state, with the actions that state allows', () => {
    const now = Date.now();
    const html = render([
      job('running', { conversationId: 1, state: 'running', startedAt: now - 65_000, prompt: 'A red\nfox' }),
      job('follow-up', { conversationId: 1, prompt: 'at night' }),
      job('other', { conversationId: 2, prompt: 'A blue lake' }),
      job('failed', {
        state: 'failed',
        finishedAt: now - 1_000,
        startedAt: now - 4_000,
        error: { code: 'provider_error', message: 'The provider answered 500.' },
      }),
      job('done', { state: 'done', finishedAt: now - 2_000, startedAt: now - 9_000 }),
    ]);
    expect(rowsOf(html)).toEqual([
      '<li class="queue-row state-running"',
      '<li class="queue-row state-waiting"',
      '<li class="queue-row state-queued"',
      '<li class="queue-row state-failed"',
      '<li class="queue-row state-done"',
    ]);
    expect(html).toContain('Running: 1 · waiting: 2');
    // The prompt on one line; the running job's time so far.
    expect(html).toContain('>A red fox<');
    expect(html).toContain('1 min 05 s');
    expect(html).toContain('Waiting for the answer above');
    expect(html).toContain('The provider answered 500.');
    // The ended job's time is what it took.
    expect(html).toContain('>7 s<');
    // Cancel for the open jobs; Run again for the failed one; nothing for the done one.
    expect(html.match(/aria-label="Cancel: [^"]*"/g)).toEqual([
      'aria-label="Cancel: A red fox"',
      'aria-label="Cancel: at night"',
      'aria-label="Cancel: A blue lake"',
    ]);
    expect(html.match(/aria-label="Run again: [^"]*"/g)).toEqual(['aria-label="Run again: Prompt failed"']);
    // Moves among the waiting jobs only: the first cannot go up, the last cannot go down.
    expect(html).toMatch(/disabled="" aria-label="Move up: at night"/);
    expect(html).not.toMatch(/disabled="" aria-label="Move down: at night"/);
    expect(html).toMatch(/disabled="" aria-label="Move down: A blue lake"/);
    expect(html).toContain('>Pause<');
  });

  it('says the queue is paused, with Resume', () => {
    const html = render([job('held')], true);
    expect(html).toContain('class="queue-pause paused"');
    expect(html).toContain('>Resume<');
    expect(html).toContain('Paused: no new job starts until you resume.');
  });

  it('draws the first rows of a long history, and offers Show more', () => {
    const ended = Array.from({ length: 1000 }, (_, i) => job(`e${i}`, { state: 'done', finishedAt: 1_000 + i, startedAt: 500 }));
    const html = render(ended);
    expect(rowsOf(html)).toHaveLength(panel.FIRST_ROWS);
    expect(html).toContain('>Show more<');
    expect(html).toContain('Nothing waiting or running');
  });

  it('invites a first prompt when there is no job', () => {
    expect(render([])).toContain('No jobs yet.');
  });
});
