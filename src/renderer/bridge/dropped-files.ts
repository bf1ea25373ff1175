/**
 * Dropped files that go to the core by path, in the desktop app: the preload reads their paths off
 * the real File objects (window.holstFiles) and hands them to main; the page never sees a path.
 */
import type { Result } from '../../shared/errors';

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
