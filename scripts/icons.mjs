// Renders every raster icon from the one vector source, build/icon.svg:
//   icon.png               1024×1024, for macOS (electron-builder makes the .icns from it)
//   icon.ico               16, 24, 32, 48, 64, 128 and 256 px, PNG-compressed entries (valid since Windows Vista)
//   icons/<n>x<n>.png      16 … 512 px, for Linux
// Usage: node scripts/icons.mjs [--out DIR]   (or HOLST_ICONS_OUT=DIR; default: build/)
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import sharp from 'sharp';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(root, 'build', 'icon.svg');

export const PNG_SIZE = 1024;
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];

/** The SVG drawn straight at `size` px, so small sizes are rasterised sharp rather than shrunk from a big bitmap. */
async function render(svg, size) {
  const { width } = await sharp(svg).metadata();
  const density = (72 * size) / (width ?? PNG_SIZE);
  return sharp(svg, { density })
    .resize(size, size, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/** An ICO file whose entries are whole PNG files. */
export function icoFromPngs(entries) {
  const headerSize = 6;
  const dirEntrySize = 16;
  const header = Buffer.alloc(headerSize + dirEntrySize * entries.length);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(entries.length, 4);
  let offset = header.length;
  entries.forEach(({ size, png }, i) => {
    const at = headerSize + i * dirEntrySize;
    header.writeUInt8(size >= 256 ? 0 : size, at); // width; 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, at + 1); // height
    header.writeUInt8(0, at + 2); // no palette
    header.writeUInt8(0, at + 3); // reserved
    header.writeUInt16LE(1, at + 4); // colour planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...entries.map((e) => e.png)]);
}

export async function generateIcons(outDir) {
  const svg = await fs.readFile(source);
  await fs.mkdir(path.join(outDir, 'icons'), { recursive: true });
  const sizes = [...new Set([PNG_SIZE, ...ICO_SIZES, ...LINUX_SIZES])];
  const pngs = new Map(await Promise.all(sizes.map(async (size) => [size, await render(svg, size)])));

  const written = [];
  const write = async (file, data) => {
    await fs.writeFile(path.join(outDir, file), data);
    written.push(file);
  };
  await write('icon.png', pngs.get(PNG_SIZE));
  await write('icon.ico', icoFromPngs(ICO_SIZES.map((size) => ({ size, png: pngs.get(size) }))));
  for (const size of LINUX_SIZES) await write(path.join('icons', `${size}x${size}.png`), pngs.get(size));
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const outDir = path.resolve(values.out ?? process.env.HOLST_ICONS_OUT ?? path.join(root, 'build'));
  const written = await generateIcons(outDir);
  console.log(`icons: ${written.length} files from build/icon.svg in ${path.relative(process.cwd(), outDir) || '.'}`);
}
