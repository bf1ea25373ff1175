/** How many earlier images a follow-up may carry, counting the new message's own images. */
export const HISTORY_IMAGE_BUDGET = { maxImages: 8, maxBytes: 20 * 1024 * 1024 };

export interface BudgetImage {
  id: number;
  bytes: number;
}

export interface HistoryImagePlan {
  /** Per earlier message (in the order given), the images that go, in their own order. */
  kept: BudgetImage[][];
  /** Earlier images left out to stay within the budget, and which limit they hit. */
  dropped: Array<{ id: number; reason: 'count' | 'bytes' }>;
  /** Earlier images not sent again because the new message or a newer turn already carries them. */
  repeated: number[];
}

/**
 * Chooses the earlier images of a follow-up: the new message's own images always go; then the
 * earlier messages' images, newest message first, while the images stay within the budget
 * (one that would go over is left out, smaller older ones may still fit). Each image goes once.
 */
export function planHistoryImages(
  newImages: readonly BudgetImage[],
  history: ReadonlyArray<readonly BudgetImage[]>,
  budget = HISTORY_IMAGE_BUDGET,
): HistoryImagePlan {
  const sent = new Set(newImages.map((image) => image.id));
  let count = newImages.length;
  let bytes = newImages.reduce((sum, image) => sum + image.bytes, 0);
  const plan: HistoryImagePlan = { kept: history.map(() => []), dropped: [], repeated: [] };
  for (let i = history.length - 1; i >= 0; i--) {
    for (const image of history[i]!) {
      if (sent.has(image.id)) plan.repeated.push(image.id);
      else if (plan.dropped.some((d) => d.id === image.id)) continue;
      else if (count + 1 > budget.maxImages) plan.dropped.push({ id: image.id, reason: 'count' });
      else if (bytes + image.bytes > budget.maxBytes) plan.dropped.push({ id: image.id, reason: 'bytes' });
      else {
        plan.kept[i]!.push(image);
        sent.add(image.id);
        count++;
        bytes += image.bytes;
      }
    }
  }
  return plan;
}
