import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

export interface Harness {
  url: string;
  origin: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts the built harness (`out/server/serve.cjs`): the real core in a Node process and the
 * real built renderer, on 127.0.0.1 with a random token.
 */
export async function startHarness(dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<Harness> {
  const child: ChildProcess = spawn(
    process.execPath,
    [path.resolve(process.env.HOLST_OUT ?? 'out', 'server/serve.cjs'), '--data-dir', dataDir, '--ready-json'],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const ready = await new Promise<{ url: string; origin: string }>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve(JSON.parse(line)));
    child.once('exit', (code) => reject(new Error(`harness exited with ${code}: ${stderr}`)));
  });
  return {
    ...ready,
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
