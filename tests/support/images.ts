import { randomBytes } from 'node:crypto';
import sharp from 'sharp';

type Format = 'png' | 'jpeg' | 'webp' | 'gif';

/** A real image of a single colour; `seed` varies the colour so each call gives different bytes. */
export async function solidImage(seed: number, format: Format = 'png', width = 64, height = 48): Promise<Buffer> {
  const background = { r: (seed * 37) % 256, g: (seed * 91) % 256, b: (seed * 151) % 256 };
  return sharp({ create: { width, height, channels: 3, background } })
    .toFormat(format)
    .toBuffer();
}

/** A photo-like image: smooth gradients plus noise, which compresses about as badly as a photo. */
export async function photoLikePng(width: number, height: number, noise = 40): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  const jitter = randomBytes(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const n = (jitter[i]! % noise) - noise / 2;
      pixels[i * 3] = Math.max(0, Math.min(255, (x * 255) / width + n));
      pixels[i * 3 + 1] = Math.max(0, Math.min(255, (y * 255) / height + n));
      pixels[i * 3 + 2] = Math.max(0, Math.min(255, ((x + y) * 128) / (width + height) + 64 + n));
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .png({ compressionLevel: 6 })
    .toBuffer();
}
