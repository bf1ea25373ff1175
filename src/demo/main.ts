/**
 * `npm run demo` (scripts/demo.mjs loads this bundle, out/demo/main.cjs): checks the data folder,
 * starts the demo servers and writes the demo providers into the folder's settings. The app is
 * then started by the script, with the keys from `env`.
 */
import { rm } from 'node:fs/promises';
import { startDemoServers } from './demo-servers';
import { DEMO_SAMPLES_ENV, makeDemoFolder, prepareDemoFolder, refusalOf } from './demo-folder';

export interface Demo {
  dataDir: string;
  /** True when the folder was made for this run (and is removed by `close`). */
  throwaway: boolean;
  /**
   * What the app needs in its environment: the demo keys, a keychain service of its own, and
   * HOLST_DEMO_SAMPLES, which has the app make the folder's sample library on its first start.
   */
  env: Record<string, string>;
  /** One line per demo provider: its name and address. */
  providers: { name: string; url: string }[];
  close(): Promise<void>;
}

export async function startDemo(options: { dataDir?: string; samples?: boolean }): Promise<Demo> {
  const throwaway = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await makeDemoFolder());
  // refuse before any server starts
  const refusal = await refusalOf(dataDir);
  if (refusal) {
    if (throwaway) await rm(dataDir, { recursive: true, force: true });
    throw new DemoRefused(refusal);
  }
  const servers = await startDemoServers();
  try {
    await prepareDemoFolder(dataDir, servers.providers);
  } catch (error) {
    await servers.close();
    throw error;
  }
  return {
    dataDir,
    throwaway,
    // a key saved in the demo's Settings goes to a keychain entry of its own, never the real one
    env: { ...servers.env, HOLST_KEYCHAIN_SERVICE: 'Holst Demo', ...(options.samples === false ? {} : { [DEMO_SAMPLES_ENV]: '1' }) },
    providers: servers.providers.map((p) => ({ name: p.name ?? p.id, url: p.baseUrl })),
    close: async () => {
      await servers.close();
      if (throwaway) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The folder holds a real library: the demo does not start (exit code 2). */
export class DemoRefused extends Error {
  readonly exitCode = 2;
}
