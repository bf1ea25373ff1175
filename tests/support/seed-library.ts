// Fills a data folder's library through the real core, with real images made by sharp.
import sharp from 'sharp';
import { ImageLibrary } from '../../src/main/core/library/image-library';
import { silentLogger } from '../../src/main/core/logging/log';

type Rgb = [number, number, number];

interface Scene {
  sky: [Rgb, Rgb];
  ground: Rgb;
  sun: Rgb;
}

const SCENES = {
  fox: {
    sky: [
      [168, 196, 224],
      [236, 242, 248],
    ],
    ground: [245, 247, 250],
    sun: [226, 110, 38],
  },
  city: {
    sky: [
      [14, 18, 48],
      [58, 42, 96],
    ],
    ground: [24, 26, 34],
    sun: [255, 214, 102],
  },
  lake: {
    sky: [
      [70, 140, 210],
      [190, 224, 246],
    ],
    ground: [40, 96, 120],
    sun: [255, 244, 200],
  },
  lighthouse: {
    sky: [
      [250, 170, 140],
      [255, 226, 170],
    ],
    ground: [52, 82, 120],
    sun: [255, 250, 235],
  },
  lemons: {
    sky: [
      [40, 70, 150],
      [70, 110, 190],
    ],
    ground: [60, 90, 170],
    sun: [250, 220, 60],
  },
} satisfies Record<string, Scene>;

export type SceneName = keyof typeof SCENES;

/**
 * A small picture: a sky gradient, a ground band and a sun, placed by `seed` so that every image
 * has different bytes. PNG, so the library stores it as it is.
 */
export async function paintImage(scene: SceneName, seed: number, width = 640, height = 640): Promise<Buffer> {
  const { sky, ground, sun } = SCENES[scene];
  const pixels = Buffer.alloc(width * height * 3);
  const horizon = Math.round(height * (0.62 + ((seed * 37) % 17) / 100));
  const sunX = width * (0.2 + ((seed * 53) % 60) / 100);
  const sunY = horizon * (0.35 + ((seed * 29) % 40) / 100);
  const radius = Math.min(width, height) * (0.07 + ((seed * 11) % 7) / 100);
  for (let y = 0; y < height; y++) {
    const t = y / Math.max(1, horizon);
    for (let x = 0; x < width; x++) {
      let colour: Rgb;
      if (y >= horizon) {
        const shade = 1 - ((y - horizon) / (height - horizon)) * 0.25;
        colour = [ground[0] * shade, ground[1] * shade, ground[2] * shade];
      } else if ((x - sunX) ** 2 + (y - sunY) ** 2 < radius ** 2) {
        colour = sun;
      } else {
        colour = [0, 1, 2].map((c) => sky[0][c]! + (sky[1][c]! - sky[0][c]!) * t) as Rgb;
      }
      const at = (y * width + x) * 3;
      pixels[at] = colour[0];
      pixels[at + 1] = colour[1];
      pixels[at + 2] = colour[2];
    }
  }
  // The seed in the first pixel: different seeds never make the same bytes.
  pixels[0] = seed & 255;
  pixels[1] = (seed >> 8) & 255;
  pixels[2] = (seed >> 16) & 255;
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

export interface SeededImage {
  id: number;
  prompt: string;
}

export interface SeededLibrary {
  images: SeededImage[];
  /** The one image whose prompt mentions a lighthouse (large enough to have a preview). */
  lighthouse: SeededImage;
  /** An edit, made from `parent` (role "source"). */
  edited: SeededImage;
  parent: SeededImage;
}

const meta = (prompt: string) => ({
  source: 'generated' as const,
  prompt,
  provider: 'gigachat',
  model: 'GigaChat-2-Max',
  params: { size: '1024x1024' },
});

/** Opens the library in `dataDir` (creating it) and closes it again when `fill` is done. */
export async function withLibrary<T>(dataDir: string, fill: (library: ImageLibrary) => Promise<T>): Promise<T> {
  const library = await ImageLibrary.open(dataDir, { maxImageBytes: () => 100 * 1024 * 1024, logger: silentLogger });
  try {
    return await fill(library);
  } finally {
    library.close();
  }
}

/**
 * About 30 generated images with distinct prompts: foxes, city streets, lakes, one lighthouse at
 * dawn, and one edit of a fox with its source recorded as its parent. Ids follow this order.
 */
export function seedLibrary(dataDir: string): Promise<SeededLibrary> {
  return withLibrary(dataDir, async (library) => {
    const images: SeededImage[] = [];
    const add = async (bytes: Buffer, prompt: string, extra: Partial<Parameters<ImageLibrary['ingest']>[1]> = {}) => {
      const { image, duplicate } = await library.ingest({ bytes }, { ...meta(prompt), ...extra });
      if (duplicate) throw new Error(`seed image "${prompt}" duplicates an earlier one`);
      const seeded = { id: image.id, prompt };
      images.push(seeded);
      return seeded;
    };

    let parent: SeededImage | undefined;
    for (let n = 1; n <= 10; n++) {
      const fox = await add(await paintImage('fox', n, 640, 480 + n * 8), `a red fox in the snow ${n}`);
      if (n === 3) parent = fox;
    }
    for (let n = 1; n <= 9; n++) await add(await paintImage('city', n, 512, 640), `a city street at night ${n}, neon reflections`);
    for (let n = 1; n <= 6; n++) await add(await paintImage('lake', n, 720, 480), `a mountain lake at noon ${n}`);
    const lighthouse = await add(await paintImage('lighthouse', 1, 2400, 1600), 'a lighthouse at dawn');
    for (let n = 1; n <= 3; n++) await add(await paintImage('lemons', n, 600, 600), `a bowl of lemons on a blue table ${n}`);
    const edited = await add(await paintImage('fox', 99, 640, 512), 'the same fox, now with autumn leaves', {
      source: 'edited',
      parents: [{ id: parent!.id, role: 'source' }],
    });
    return { images, lighthouse, edited, parent: parent! };
  });
}

/** Many small images (for paging and virtualization), each with its own prompt "tiny picture <n>". */
export function seedManyImages(dataDir: string, count: number): Promise<number[]> {
  return withLibrary(dataDir, async (library) => {
    const scenes = Object.keys(SCENES) as SceneName[];
    const ids: number[] = [];
    for (let n = 1; n <= count; n++) {
      const bytes = await paintImage(scenes[n % scenes.length]!, n, 48 + (n % 16), 48);
      ids.push((await library.ingest({ bytes }, meta(`tiny picture ${n}`))).image.id);
    }
    return ids;
  });
}
