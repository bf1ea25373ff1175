import type { AppCore } from '../../main/core/app-core';
import type { CliContext } from '../context';

/** One line of progress on stderr (nothing with --json). */
export function progressLine(ctx: CliContext): (line: string) => void {
  return (line) => {
    if (!ctx.out.json) process.stderr.write(`\r\x1b[K${line}`);
  };
}

/** How a saved image is printed: where its original is, and what it is. */
export function imageSummary(core: AppCore, image: { id: number; sha256: string; mime: string; width: number; height: number }) {
  return {
    id: image.id,
    path: core.library.originalPath(image),
    sha256: image.sha256,
    mime: image.mime,
    width: image.width,
    height: image.height,
  };
}

export function imageLines(images: ReturnType<typeof imageSummary>[], text: string): string {
  const lines = images.map((i) => `${i.path}  (${i.width}×${i.height}, id ${i.id})`);
  if (text) lines.unshift(text);
  return lines.join('\n');
}
