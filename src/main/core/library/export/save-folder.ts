import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { say } from '../../../../shared/core-messages';
import { HolstError, toErrorPayload } from '../../../../shared/errors';
import type { ImageRecord } from '../../../../shared/library';
import type { CoreServices } from '../../services';
import { exportImageUnique } from './export-image';
import { makeFolder } from './make-folder';

type SaveFolderCore = Pick<CoreServices, 'settings' | 'library' | 'notices' | 'logger'>;

/** The notice about the save folder: one at a time, replaced when the problem changes. */
export const SAVE_FOLDER_NOTICE = 'save-folder';

interface State {
  /** Copies run one after another, so two pictures never race for the same `_2` name. */
  queue: Promise<void>;
  /** The problem last reported (kind and folder); the same one is not reported again. */
  reported: string | null;
}

const states = new WeakMap<SaveFolderCore['library'], State>();
const stateOf = (core: SaveFolderCore): State => {
  let state = states.get(core.library);
  if (!state) states.set(core.library, (state = { queue: Promise.resolve(), reported: null }));
  return state;
};

/**
 * Copies a new generated or edited picture into the save folder (if one is set) with its readable
 * name and prompt embedded. Runs after the ingest, in the background: it never throws and never
 * holds up the generation. A missing or unwritable folder is told once per problem.
 */
export function copyToSaveFolder(core: SaveFolderCore, image: ImageRecord): void {
  if (image.source !== 'generated' && image.source !== 'edited') return;
  const folder = core.settings.get().library.saveFolder;
  if (!folder) return;
  const state = stateOf(core);
  state.queue = state.queue
    .then(() => copyOne(core, state, folder, image))
    .catch((error: unknown) => {
      core.logger.error('save folder copy failed', error);
    });
}

/** Resolves when every copy queued so far has been tried (tests, and a CLI about to exit). */
export function saveFolderIdle(core: SaveFolderCore): Promise<void> {
  return stateOf(core).queue;
}

/** The setting changed: a problem with the new folder is worth telling again. */
export function saveFolderChanged(core: SaveFolderCore): void {
  stateOf(core).reported = null;
  core.notices.dismiss(SAVE_FOLDER_NOTICE);
}

async function copyOne(core: SaveFolderCore, state: State, folder: string, image: ImageRecord): Promise<void> {
  // A folder that has gone is not made again: it may be an unplugged drive's mount point.
  const stat = await fs.stat(folder).catch(() => null);
  if (!stat?.isDirectory()) {
    report(core, state, folder, 'missing', stat ? 'it is not a folder' : 'it does not exist');
    return;
  }
  try {
    const written = await exportImageUnique(core.library, image, folder);
    core.logger.info(`image ${image.id} copied to the save folder as ${path.basename(written)}`);
    if (state.reported !== null) {
      state.reported = null;
      core.notices.dismiss(SAVE_FOLDER_NOTICE);
    }
  } catch (error) {
    report(core, state, folder, 'unwritable', toErrorPayload(error).message);
  }
}

function report(core: SaveFolderCore, state: State, folder: string, kind: 'missing' | 'unwritable', reason: string): void {
  const problem = `${kind}\0${folder}`;
  if (state.reported === problem) return;
  state.reported = problem;
  const message =
    kind === 'missing'
      ? `The save folder ${folder} is not available (${reason}), so new pictures are only in the library. Reconnect the drive or choose another folder in Settings.`
      : `New pictures could not be copied to the save folder ${folder} (${reason}). They are safe in the library; check the folder's permissions and free space, or choose another folder in Settings.`;
  core.logger.warn(message);
  core.notices.add({
    id: SAVE_FOLDER_NOTICE,
    level: 'warning',
    message,
    key: kind === 'missing' ? 'saveFolderMissing' : 'saveFolderUnwritable',
    params: { folder, reason },
  });
}

/**
 * Checks a folder chosen as the save folder: an absolute path, created if missing, that Holst can
 * write to (a probe file is written and removed). Answers the normalised path.
 */
export async function prepareSaveFolder(folder: string): Promise<string> {
  if (!path.isAbsolute(folder))
    throw HolstError.said('invalid_input', say('saveFolderNotAbsolute', { example: path.resolve('/', 'Pictures', 'Holst') }), {
      field: 'path',
    });
  const target = path.resolve(folder);
  const stat = await fs.stat(target).catch(() => null);
  if (stat && !stat.isDirectory()) throw HolstError.said('invalid_input', say('saveFolderIsFile', { folder: target }), { field: 'path' });
  const probe = path.join(target, `.holst-write-test-${randomBytes(4).toString('hex')}`);
  try {
    await makeFolder(target);
    await fs.writeFile(probe, '', { flag: 'wx' });
    await fs.rm(probe, { force: true });
  } catch (error) {
    throw HolstError.said('invalid_input', say('saveFolderNotWritable', { folder: target, reason: (error as Error).message }), {
      field: 'path',
      cause: error,
    });
  }
  return target;
}
