// A library for the filters' tests: real images from two providers and four models, imports and an
// edit, two tags, made over a year (dates set in the database, as ingest stamps "now").
import { paintImage, withLibrary, type SceneName } from '../support/seed-library';

export interface FilterSeed {
  /** Every image, oldest first, with what the filters know of it. */
  images: Array<{ id: number; prompt: string | null; provider: string | null; model: string | null }>;
  /** The bytes of one seeded image (dropping it again is a duplicate). */
  knownBytes: Buffer;
}

interface Group {
  scene: SceneName;
  count: number;
  prompt: (n: number) => string | null;
  provider: string | null;
  model: string | null;
  source: 'generated' | 'imported' | 'edited';
  tags?: (n: number) => string[];
  /** Local date of the group's first image; the others follow a day apart. */
  day: [number, number, number];
}

/** Oldest first, so ids and dates grow together. */
const GROUPS: Group[] = [
  {
    scene: 'fox',
    count: 4,
    prompt: (n) => `a red fox in the snow ${n}`,
    provider: 'gigachat',
    model: 'GigaChat-2-Max',
    source: 'generated',
    tags: (n) => (n <= 2 ? ['winter'] : []),
    day: [2025, 3, 10],
  },
  {
    scene: 'lake',
    count: 2,
    prompt: (n) => `a mountain lake at noon ${n}`,
    provider: 'gigachat',
    model: 'GigaChat-2-Pro',
    source: 'generated',
    day: [2025, 6, 14],
  },
  { scene: 'lighthouse', count: 2, prompt: () => null, provider: null, model: null, source: 'imported', day: [2025, 11, 2] },
  {
    scene: 'city',
    count: 3,
    prompt: (n) => `a city street at night ${n}`,
    provider: 'agg',
    model: 'gpt-4o-image',
    source: 'generated',
    tags: () => ['night'],
    day: [2026, 1, 20],
  },
  {
    scene: 'lemons',
    count: 2,
    prompt: (n) => `a bowl of lemons ${n}`,
    provider: 'agg',
    model: 'nano-banana',
    source: 'generated',
    day: [2026, 2, 8],
  },
  {
    scene: 'fox',
    count: 1,
    prompt: () => 'the same fox, now in autumn',
    provider: 'gigachat',
    model: 'GigaChat-2-Max',
    source: 'edited',
    day: [2026, 3, 1],
  },
];

export const SEEDED_COUNT = GROUPS.reduce((sum, group) => sum + group.count, 0);

export function seedFilterLibrary(dataDir: string): Promise<FilterSeed> {
  return withLibrary(dataDir, async (library) => {
    const images: FilterSeed['images'] = [];
    const redate = library.db.prepare('UPDATE images SET created_at = ? WHERE id = ?');
    let knownBytes: Buffer | undefined;
    let seed = 1;
    for (const group of GROUPS) {
      for (let n = 1; n <= group.count; n++) {
        const bytes = await paintImage(group.scene, seed++, 320, 240);
        knownBytes ??= bytes;
        const prompt = group.prompt(n);
        const { image } = await library.ingest(
          { bytes },
          { source: group.source, prompt, provider: group.provider, model: group.model, tags: group.tags?.(n) ?? [] },
        );
        const [y, m, d] = group.day;
        redate.run(new Date(y, m - 1, d + n - 1, 12).getTime(), image.id);
        images.push({ id: image.id, prompt, provider: group.provider, model: group.model });
      }
    }
    return { images, knownBytes: knownBytes! };
  });
}
