import type { RequestChannel, RequestInput, RequestOutput } from '../../src/shared/contract';
import type { Result } from '../../src/shared/errors';
import { openCore, type AppCore } from '../../src/main/core/app-core';
import { silentLogger } from '../../src/main/core/logging/log';
import { testKeychainService } from './keychain';
import { tempDir } from './temp-dir';

/** The real core on a fresh data folder, as the browser harness opens it, with its own keychain service. */
export async function openTestCore(dataDir?: string, env: NodeJS.ProcessEnv = {}): Promise<AppCore> {
  return openCore({
    dataDir: dataDir ?? (await tempDir()),
    shell: 'browser',
    settingsPolicy: 'recover',
    env: { HOLST_KEYCHAIN_SERVICE: testKeychainService(), ...env },
    logger: silentLogger,
  });
}

/** `core.dispatch` with the contract's types: the way a renderer's call is answered. */
export function call<C extends RequestChannel>(core: AppCore, channel: C, input: RequestInput<C>): Promise<Result<RequestOutput<C>>> {
  return core.dispatch(channel, input) as Promise<Result<RequestOutput<C>>>;
}

/** Lists folders under `library.allowedFolders`, as the user would in the settings file (no channel writes it). */
export async function allowFolders(core: AppCore, folders: string[]): Promise<void> {
  await core.settings.update((draft) => ({ ...draft, library: { ...draft.library, allowedFolders: folders } }));
}
