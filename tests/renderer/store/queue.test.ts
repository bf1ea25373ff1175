// The queue store behind the badge and the queue panel: fed by queue.list, then by queue.changed,
// whose bursts land once a frame as one update, in queue order; ended jobs never come back to life.
import '../support/page-globals';
import { describe, expect, it } from 'vitest';
import { waitsForAnswerAbove } from '../../../src/renderer/store/queue/jobs';
import { createQueueStore, HISTORY_PAGE } from '../../../src/renderer/store/queue/store';
import { HolstError } from '../../../src/shared/errors';
import type { QueueJob, QueueView } from '../../../src/shared/queue';
import { bridgeDouble, deferred, settle, type Handlers } from '../support/bridge-double';
import { fakeClock } from '../support/fake-clock';

let nextMessage = 100;
function job(generationId: string, fields: Partial<QueueJob> = {}): QueueJob {
  const messageId = fields.messageId ?? nextMessage++;
  return {
    generationId,
    conversationId: 1,
    userMessageId: messageId - 1,
    messageId,
    provider: 'agg',
    model: 'gpt-4o-image',
    state: 'queued',
    position: messageId,
    prompt: `Prompt of ${generationId}`,
    createdAt: 1_000 + messageId,
    startedAt: null,
    finishedAt: null,
    error: null,
    ...fields,
  };
}

const view = (jobs: QueueJob[], paused = false): QueueView => ({ paused, maxConcurrent: 6, jobs });

async function queueStore(jobs: QueueJob[] = [], handlers: Handlers = {}) {
  const bridge = bridgeDouble({ 'queue.list': () => view(jobs), ...handlers });
  const time = fakeClock();
  const store = createQueueStore({ bridge: bridge.api, clock: time.clock });
  await store.getState().init();
  return { store, bridge, time };
}

describe('the queue store', () => {
  it('lists the waiting and running jobs in queue order, then the ended ones newest first, and counts the open ones', async () => {
    const { store, bridge } = await queueStore([
      job('done-old', { state: 'done', finishedAt: 5_000, position: 1 }),
      job('second', { position: 9 }),
      job('running', { state: 'running', position: 2, startedAt: 4_000 }),
      job('done-new', { state: 'failed', finishedAt: 6_000, position: 3 }),
      job('first', { position: 4 }),
    ]);
    expect(bridge.inputs('queue.list')).toEqual([{ limit: HISTORY_PAGE }]);
    const state = store.getState();
    expect(state.order).toEqual(['running', 'first', 'second', 'done-new', 'done-old']);
    expect(state.active).toBe(3);
    expect(state.loaded).toBe(true);
  });

  it('applies a burst of queue.changed events once, at the next frame, in order', async () => {
    const a = job('a');
    const b = job('b');
    const { store, bridge, time } = await queueStore([a, b]);
    let updates = 0;
    store.subscribe(() => updates++);

    // A hundred events in one burst: b started, a moved below it, then both ended.
    for (let i = 0; i < 97; i++) bridge.emit('queue.changed', { paused: false, jobs: [{ ...a, position: a.position + i }] });
    bridge.emit('queue.changed', {
      paused: false,
      jobs: [
        { ...b, position: a.position },
        { ...a, position: b.position + 200 },
      ],
    });
    bridge.emit('queue.changed', { paused: false, jobs: [{ ...b, position: a.position, state: 'running', startedAt: 2_000 }] });
    expect(updates).toBe(0);
    expect(store.getState().order).toEqual(['a', 'b']);
    time.frame();
    expect(updates).toBe(1);
    expect(store.getState().order).toEqual(['b', 'a']);
    expect(store.getState().byId.b!.state).toBe('running');

    bridge.emit('queue.changed', { paused: true, jobs: [{ ...b, state: 'done', finishedAt: 3_000 }] });
    bridge.emit('queue.changed', { paused: true, jobs: [{ ...a, state: 'cancelled', finishedAt: 3_500 }] });
    time.frame();
    expect(updates).toBe(2);
    expect(store.getState()).toMatchObject({ order: ['a', 'b'], active: 0, paused: true });
  });

  it('never takes an ended job back to waiting or running (an older event after a newer state)', async () => {
    const { store, bridge, time } = await queueStore([job('x', { state: 'done', finishedAt: 9_000 })]);
    bridge.emit('queue.changed', { paused: false, jobs: [job('x', { state: 'running' })] });
    time.frame();
    expect(store.getState().byId.x!.state).toBe('done');
    expect(store.getState().active).toBe(0);
  });

  it('keeps HISTORY_PAGE ended jobs, and Show more asks the core for more', async () => {
    const ended = Array.from({ length: HISTORY_PAGE }, (_, i) => job(`e${i}`, { state: 'done', finishedAt: 10_000 + i }));
    const { store, bridge, time } = await queueStore(ended);
    expect(store.getState().moreHistory).toBe(true);
    // One more ended: the oldest gives way.
    bridge.emit('queue.changed', { paused: false, jobs: [job('newest', { state: 'done', finishedAt: 99_000 })] });
    time.frame();
    expect(store.getState().order).toHaveLength(HISTORY_PAGE);
    expect(store.getState().order[0]).toBe('newest');
    expect(store.getState().byId.e0).toBeUndefined();

    await store.getState().showMore();
    expect(bridge.inputs('queue.list').at(-1)).toEqual({ limit: HISTORY_PAGE * 3 });
    expect(store.getState().historyLimit).toBe(HISTORY_PAGE * 3);
    // The core had no more than those: no Show more now.
    expect(store.getState().moreHistory).toBe(false);
  });

  it('asks for the new limit after a list on its way when Show more is pressed twice quickly, and keeps unchanged jobs', async () => {
    const ended = Array.from({ length: HISTORY_PAGE }, (_, i) => job(`e${i}`, { state: 'done', finishedAt: 10_000 + i }));
    const { store, bridge } = await queueStore(ended);
    const kept = store.getState().byId.e3;
    const answers: Array<ReturnType<typeof deferred<QueueView>>> = [];
    bridge.answer('queue.list', () => {
      const answer = deferred<QueueView>();
      answers.push(answer);
      return answer.promise;
    });
    const first = store.getState().showMore();
    const second = store.getState().showMore();
    await settle();
    expect(answers).toHaveLength(1);
    answers[0]!.resolve(view([...ended, ...Array.from({ length: 100 }, (_, i) => job(`m${i}`, { state: 'done', finishedAt: 100 + i }))]));
    await settle();
    expect(answers).toHaveLength(2);
    expect(bridge.inputs('queue.list').slice(-2)).toEqual([{ limit: HISTORY_PAGE * 3 }, { limit: HISTORY_PAGE * 5 }]);
    answers[1]!.resolve(view(ended));
    await Promise.all([first, second]);
    expect(store.getState()).toMatchObject({ historyLimit: HISTORY_PAGE * 5, moreHistory: false });
    expect(store.getState().order).toHaveLength(HISTORY_PAGE);
    // A job the list brought back unchanged is the object the window already drew.
    expect(store.getState().byId.e3).toBe(kept);
  });

  it('takes the list as it answered, over events that came before its answer', async () => {
    const answer = deferred<QueueView>();
    const bridge = bridgeDouble({ 'queue.list': () => answer.promise });
    const time = fakeClock();
    const store = createQueueStore({ bridge: bridge.api, clock: time.clock });
    const started = store.getState().init();
    await settle();
    bridge.emit('queue.changed', { paused: false, jobs: [job('late', { state: 'running' })] });
    answer.resolve(view([job('late', { state: 'done', finishedAt: 4_000 })], true));
    await started;
    time.frame();
    expect(store.getState()).toMatchObject({ active: 0, paused: true, order: ['late'] });
    expect(store.getState().byId.late!.state).toBe('done');
  });

  it('sends Cancel, Move, Pause and Resume to the core, and says why one was refused', async () => {
    const { store, bridge } = await queueStore([job('j')], {
      'queue.cancel': () => null,
      'queue.move': () => {
        throw new HolstError('invalid_input', 'Job j is no longer waiting.');
      },
      'queue.pause': () => ({ paused: true }),
      'queue.resume': () => ({ paused: false }),
    });
    await store.getState().cancel('j');
    expect(bridge.inputs('queue.cancel')).toEqual([{ generationId: 'j' }]);
    expect(store.getState().error).toBeNull();
    await store.getState().move('j', 'up');
    expect(bridge.inputs('queue.move')).toEqual([{ generationId: 'j', direction: 'up' }]);
    expect(store.getState().error).toContain('Job j is no longer waiting.');
    await store.getState().setPaused(true);
    expect(store.getState()).toMatchObject({ paused: true, error: null });
    await store.getState().setPaused(false);
    expect(store.getState().paused).toBe(false);
  });

  it('tells a prompt waiting for the answer above from one waiting for its turn', async () => {
    const { store } = await queueStore([
      job('above', { conversationId: 7, state: 'running', messageId: 50 }),
      job('follow-up', { conversationId: 7, messageId: 52 }),
      job('elsewhere', { conversationId: 8, messageId: 54 }),
    ]);
    const state = store.getState();
    expect(waitsForAnswerAbove(state, state.byId['follow-up']!)).toBe(true);
    expect(waitsForAnswerAbove(state, state.byId.elsewhere!)).toBe(false);
    expect(waitsForAnswerAbove(state, state.byId.above!)).toBe(false);
  });
});
