// The library's views at 100,000 images: filter values with counts, the months of a view, jumping
// straight to a month (its months, then a page that far down by offset), and bulk trash/restore
// of a whole view in one transaction. CPU time is printed beside wall time: the machine may be shared.
import type { ImageLibrary } from '../src/main/core/library/image-library';
import type { LibraryView } from '../src/shared/library';
import { median, percentile, report } from './report';

/** Wall and CPU milliseconds of each run. */
function measure(run: () => void, times: number): { wall: number[]; cpu: number[] } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    const used = process.cpuUsage();
    run();
    const { user, system } = process.cpuUsage(used);
    wall.push(performance.now() - started);
    cpu.push((user + system) / 1000);
  }
  return { wall, cpu };
}

const p95 = (values: number[]) => percentile(values, 95).toFixed(2);

export function benchViews(library: ImageLibrary): void {
  const facets = measure(() => library.facets(), 20);
  const { providers, models, tags } = library.facets();
  console.log(`  facets: ${providers.length} providers, ${models.length} models, ${tags.length} tags; CPU p95 ${p95(facets.cpu)} ms`);
  report('filter values with counts (providers, models, sources, tags), p95', percentile(facets.wall, 95), 'ms', 50);

  const views: Array<[string, LibraryView]> = [
    ['no filter', {}],
    ['provider', { provider: 'givon' }],
    ['tag', { tag: 'client-a' }],
    ['search "photo"', { query: 'photo' }],
    ['the trash', { trashed: true }],
  ];
  const timelines: number[] = [];
  const jumps: number[] = [];
  // A used library has a trash: the trash view has months, every other view leaves them out.
  const spread = Array.from({ length: 1000 }, (_, i) => 1 + i * 97);
  library.trash(spread);
  for (const [name, view] of views) {
    const months = library.timeline(view).months;
    const timeline = measure(() => library.timeline(view), 10);
    timelines.push(...timeline.wall);
    // The oldest month is the deepest jump: the most images skipped by offset.
    const jump = measure(() => {
      const target = library.timeline(view).months.at(-1);
      if (!target) return;
      const page = library.list({ ...view, offset: target.offset, limit: 200 });
      if (page.items.length === 0) throw new Error(`${name}: the jump to ${target.year}-${target.month} found nothing`);
    }, 10);
    jumps.push(...jump.wall);
    console.log(
      `  ${name}: ${months.length} months, timeline p95 ${p95(timeline.wall)} ms (CPU ${p95(timeline.cpu)}); ` +
        `jump to the oldest month (offset ${months.at(-1)?.offset ?? 0}) p95 ${p95(jump.wall)} ms (CPU ${p95(jump.cpu)})`,
    );
  }
  library.restore(spread);
  report('months of a view with counts and offsets, p95 over views', percentile(timelines, 95), 'ms', 100);
  report('jump to a month: its months, then the first page of 200 by offset, p95 over views', percentile(jumps, 95), 'ms', 200);

  const trash: number[] = [];
  const restore: number[] = [];
  let changed = 0;
  for (let i = 0; i < 3; i++) {
    const trashed = measure(() => (changed = library.bulk.trash({ view: {}, except: [] }).count), 1);
    const restored = measure(() => library.bulk.restore({ view: { trashed: true }, except: [] }), 1);
    trash.push(...trashed.wall);
    restore.push(...restored.wall);
    console.log(`  bulk round ${i + 1}: trash CPU ${trashed.cpu[0]!.toFixed(0)} ms, restore CPU ${restored.cpu[0]!.toFixed(0)} ms`);
  }
  report(`bulk trash of a whole view (${changed} images, one transaction), median of 3`, median(trash), 'ms', 2000);
  report(`bulk restore of the whole trash (${changed} images, one transaction), median of 3`, median(restore), 'ms', 2000);
}
