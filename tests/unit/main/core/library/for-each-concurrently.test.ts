// The worker pool behind import, start-up repair and delete-for-good: N items at a time, in order.
import { describe, expect, it } from 'vitest';
import { forEachConcurrently } from '../../../../../src/main/core/library/for-each-concurrently';

const turn = () => new Promise((resolve) => setImmediate(resolve));
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Work on numbered items that each wait until the test finishes them, recording what runs when. */
function heldWork(failures: Map<number, Error> = new Map()) {
  const running = new Map<number, () => void>();
  const started: number[] = [];
  let most = 0;
  const work = async (item: number, index: number) => {
    expect(index).toBe(item);
    started.push(item);
    await new Promise<void>((resolve) => {
      running.set(item, resolve);
      most = Math.max(most, running.size);
    });
    running.delete(item);
    const failure = failures.get(item);
    if (failure) throw failure;
  };
  const finish = async (item: number) => {
    running.get(item)!();
    await turn();
  };
  /** Finishes whatever runs, oldest first, until `done` says so. */
  const finishAll = async (done: () => boolean) => {
    while (!done()) await finish(Math.min(...running.keys()));
  };
  return { work, finish, finishAll, running, started, most: () => most };
}

describe('forEachConcurrently', () => {
  it('runs every item exactly once, starting them in order, never more than the limit at once', async () => {
    const held = heldWork();
    let settled = false;
    const all = forEachConcurrently(range(10), 3, held.work).then(() => (settled = true));
    await turn();
    expect(held.started).toEqual([0, 1, 2]);
    await held.finish(1);
    expect(held.started).toEqual([0, 1, 2, 3]);
    await held.finishAll(() => settled);
    await all;
    expect(held.started).toEqual(range(10));
    expect(held.most()).toBe(3);
  });

  it('with fewer items than the limit, or none, runs what there is', async () => {
    const held = heldWork();
    let settled = false;
    const all = forEachConcurrently(range(2), 16, held.work).then(() => (settled = true));
    await held.finishAll(() => settled);
    await all;
    expect(held.started).toEqual([0, 1]);
    expect(held.most()).toBe(2);
    await expect(forEachConcurrently([], 3, held.work)).resolves.toBeUndefined();
  });

  it('rejects with the first error, starts nothing after it, and settles only once the started items have', async () => {
    const first = new Error('item 1 failed');
    const held = heldWork(
      new Map([
        [1, first],
        [2, new Error('item 2 failed')],
      ]),
    );
    let outcome: unknown = null;
    const all = forEachConcurrently(range(10), 3, held.work).catch((error: unknown) => (outcome = error));
    await turn();
    await held.finish(1);
    await held.finish(0);
    expect(held.started).toEqual([0, 1, 2]);
    expect(outcome).toBeNull();
    await held.finish(2);
    await all;
    expect(outcome).toBe(first);
    expect(held.started).toEqual([0, 1, 2]);
    expect(held.running.size).toBe(0);
  });
});
