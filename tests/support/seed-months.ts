// A library spread over six months (for the date scrubber, selection and paging), made by the real core.
import path from 'node:path';
import Database from 'better-sqlite3';
import { paintImage, withLibrary, type SceneName } from './seed-library';

/** Months from the oldest, with how many pictures each holds (600 in all: three pages of 200). */
export const MONTHS = [
  { year: 2025, month: 10, count: 60 },
  { year: 2025, month: 11, count: 140 },
  { year: 2025, month: 12, count: 80 },
  { year: 2026, month: 1, count: 120 },
  { year: 2026, month: 2, count: 100 },
  { year: 2026, month: 3, count: 100 },
];
export const TOTAL = MONTHS.reduce((sum, m) => sum + m.count, 0);
const SCENES: SceneName[] = ['fox', 'city', 'lake', 'lighthouse', 'lemons'];
const pad = (n: number) => String(n).padStart(2, '0');

export interface SeededInMonth {
  prompt: string;
  month: string;
}

/** Images "picture <n> of <yyyy-mm>" (every tenth also "harbour"), ids and dates growing together, in the machine's local time. */
export async function seedMonths(dataDir: string): Promise<SeededInMonth[]> {
  const seeded: Array<SeededInMonth & { id: number; at: number }> = [];
  await withLibrary(dataDir, async (library) => {
    let n = 0;
    for (const { year, month, count } of MONTHS) {
      for (let i = 0; i < count; i++) {
        n++;
        const label = `${year}-${pad(month)}`;
        const prompt = `picture ${n} of ${label}${n % 10 === 0 ? ' by the harbour' : ''}`;
        const bytes = await paintImage(SCENES[n % SCENES.length]!, n, 40 + (n % 16), 40);
        const meta = { source: 'generated' as const, prompt, provider: 'gigachat', model: 'GigaChat-2-Max', params: {} };
        const { image } = await library.ingest({ bytes }, meta);
        seeded.push({ id: image.id, prompt, month: label, at: new Date(year, month - 1, 1 + Math.floor(i / 6), 9, i % 60).getTime() });
      }
    }
  });
  const db = new Database(path.join(dataDir, 'library.sqlite'));
  try {
    const update = db.prepare('UPDATE images SET created_at = ? WHERE id = ?');
    db.transaction(() => seeded.forEach((image) => update.run(image.at, image.id)))();
  } finally {
    db.close();
  }
  return seeded;
}
