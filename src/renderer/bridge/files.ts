/** Files the user drops, pastes or picks, on their way to the library as bytes (the browser gives no paths). */
import type { Result } from '../../shared/errors';
import { i18n } from '../i18n';
import { formatBytes } from '../i18n/format';

/** The largest file sent over the bridge (the core checks its own, configurable limit too). */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

const IMAGE_NAME = /\.(png|jpe?g|webp|gif|avif|bmp|tiff?|heic|heif)$/i;
const isImageFile = (file: File) => file.type.startsWith('image/') || (file.type === '' && IMAGE_NAME.test(file.name));

/** Why a file is turned down: a sentence naming it (chat attachments), a few words (beside its name in an import summary). */
export interface ImageProblem {
  sentence: string;
  reason: string;
}

/** Whether a file is an image we take (null) or why not: not a picture, empty, or over MAX_FILE_BYTES. */
export function imageProblem(file: File): ImageProblem | null {
  const kind = !isImageFile(file) ? 'notImage' : file.size === 0 ? 'empty' : file.size > MAX_FILE_BYTES ? 'tooLarge' : null;
  if (!kind) return null;
  const name = file.name;
  const size = formatBytes(MAX_FILE_BYTES);
  return {
    // A pasted picture has no name: its sentence says "the pasted file" instead.
    sentence: name ? i18n.t(`files.${kind}`, { name, size }) : i18n.t(`files.${kind}Pasted`, { size }),
    reason: i18n.t(`library:fileImport.reason.${kind}`, { size }),
  };
}

/** Splits files into images worth sending and a sentence for each one turned down. */
export function checkImageFiles(files: File[]): { images: File[]; problems: string[] } {
  const images: File[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const problem = imageProblem(file);
    if (problem) problems.push(problem.sentence);
    else images.push(file);
  }
  return { images, problems };
}

/** A name for the library: the file's own, or one made from its type for a pasted picture. */
export const fileName = (file: File): string => (file.name.trim() || `pasted.${file.type.split('/')[1] ?? 'png'}`).slice(-255);

/** The bytes of a file as base64 (without the data: prefix). */
export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () =>
      reject(new Error(file.name ? i18n.t('files.unreadable', { name: file.name }) : i18n.t('files.unreadableNoName')));
    reader.readAsDataURL(file);
  });
}

/** A file found in what was dropped, with its place inside a dropped folder ("trip/day 1/a.png"). */
export interface FoundFile {
  file: File;
  path: string;
}

/**
 * The entries of a drop, taken while the drop event lasts (the browser empties the transfer
 * after it). Null when the browser gives none (then `files` is all there is).
 */
export function dropEntries(transfer: DataTransfer): FileSystemEntry[] | null {
  const items = Array.from(transfer.items ?? []).filter((item) => item.kind === 'file');
  const entries = items.map((item) => item.webkitGetAsEntry?.() ?? null);
  return entries.length > 0 && entries.every((entry) => entry !== null) ? (entries as FileSystemEntry[]) : null;
}

const readBatch = (reader: FileSystemDirectoryReader) =>
  new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
const fileOf = (entry: FileSystemFileEntry) => new Promise<File>((resolve, reject) => entry.file(resolve, reject));

/**
 * Every file under dropped entries, folders walked recursively (hidden ones left out, as the core's
 * folder import does). `onFound` reports the running total; `stopped` ends the walk early.
 */
export async function walkEntries(
  entries: FileSystemEntry[],
  options: { stopped?: () => boolean; onFound?: (count: number) => void } = {},
): Promise<{ files: FoundFile[]; unreadable: string[] }> {
  const files: FoundFile[] = [];
  const unreadable: string[] = [];
  const walk = async (entry: FileSystemEntry, parent: string): Promise<void> => {
    if (options.stopped?.()) return;
    const path = parent ? `${parent}/${entry.name}` : entry.name;
    try {
      if (entry.isFile) {
        files.push({ file: await fileOf(entry as FileSystemFileEntry), path });
        options.onFound?.(files.length);
      } else if (entry.isDirectory) {
        const reader = (entry as FileSystemDirectoryEntry).createReader();
        // A directory reader answers in batches (100 at a time in Chromium) until an empty one.
        for (let batch = await readBatch(reader); batch.length > 0; batch = await readBatch(reader)) {
          const sorted = batch.filter((child) => !child.name.startsWith('.')).sort((a, b) => a.name.localeCompare(b.name));
          for (const child of sorted) await walk(child, path);
        }
      }
    } catch {
      unreadable.push(path);
    }
  };
  for (const entry of entries) await walk(entry, '');
  return { files, unreadable };
}

/**
 * The desktop app's preload: it reads dropped files' paths off the real `File` objects itself and
 * hands them to main; the page never sees or names a path. Absent in a browser.
 */
interface HolstFiles {
  /** Whether every file came from disk (dropped or picked), so the core can import it by path. */
  onDisk(files: File[]): boolean;
  importFiles(files: File[]): Promise<Result<{ jobId: string | null }>>;
}

declare global {
  interface Window {
    holstFiles?: HolstFiles;
  }
}

/** Whether dropped files and folders go to the core by path (the desktop app), else as bytes (a browser). */
export function onDisk(files: File[]): boolean {
  const helper = window.holstFiles;
  return !!helper && files.length > 0 && helper.onDisk(files);
}

/** Imports dropped files and folders by path, through the preload (only after `onDisk`). */
export function importFromDisk(files: File[]): Promise<Result<{ jobId: string | null }>> {
  return window.holstFiles!.importFiles(files);
}
