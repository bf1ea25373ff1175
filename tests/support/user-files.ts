import fs from 'node:fs/promises';
import path from 'node:path';
import { solidImage } from './images';
import { tempDir } from './temp-dir';

/** The text `notes.txt` holds, to show it was not replaced. */
export const NOTES = 'my notes, not a ZIP';

/**
 * What a hostile page would aim at, outside every folder the window may write to: a text file of
 * the user's (`notes.txt`) and a folder with a picture (`pictures/a.png`).
 */
export async function userFiles(): Promise<{ outside: string; textFile: string; pictures: string }> {
  const outside = await tempDir();
  const textFile = path.join(outside, 'notes.txt');
  await fs.writeFile(textFile, NOTES);
  const pictures = path.join(outside, 'pictures');
  await fs.mkdir(pictures);
  await fs.writeFile(path.join(pictures, 'a.png'), await solidImage(4));
  return { outside, textFile, pictures };
}
