import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';

export interface Harness {
  url: string;
  origin: string;
  dataDir: string;
  /** With `desktopStandIn` only: the preload's private way to main, and main's open dialog. */
  desktop?: DesktopSide;
  stop(): Promise<void>;
}

/** What the desktop app's preload and main's dialogs do, stood in for over the child's stdin (no page reaches it). */
export interface DesktopSide {
  /** A preload-only channel (PRELOAD_CHANNELS), as the preload invokes it. */
  preload(channel: string, input: unknown): Promise<unknown>;
  /** What main's open dialog answers next: paths, null (closed), undefined (it cannot be shown). */
  choose(paths: string[] | null | undefined): Promise<void>;
}

let desktopChild: Promise<string> | undefined;
/**
 * tests/support/desktop-harness-child.ts bundled once per test process, into the project's out/
 * (gitignored) so that its modules resolve from node_modules as the built harness's do.
 */
function desktopHarnessScript(): Promise<string> {
  desktopChild ??= (async () => {
    const outfile = path.resolve('out', 'e2e', 'desktop-harness.cjs');
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    await build({
      entryPoints: ['tests/support/desktop-harness-child.ts'],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      define: { __HOLST_VERSION__: JSON.stringify(version) },
      external: ['electron', 'keytar', 'better-sqlite3', 'sharp', 'bufferutil', 'utf-8-validate'],
      logLevel: 'warning',
    });
    return outfile;
  })();
  return desktopChild;
}

/**
 * Starts the built harness (`out/server/serve.cjs`): the real core in a Node process and the
 * real built renderer, on 127.0.0.1 with a random token. `desktopStandIn`: the same core and
 * bridge server with main's open dialog and the preload's IPC stood in for (desktop-harness-child.ts).
 */
export async function startHarness(
  dataDir: string,
  env: NodeJS.ProcessEnv = {},
  options: { desktopStandIn?: boolean } = {},
): Promise<Harness> {
  const out = path.resolve(process.env.HOLST_OUT ?? 'out');
  const args = options.desktopStandIn
    ? [await desktopHarnessScript(), '--data-dir', dataDir, '--renderer-dir', path.join(out, 'renderer')]
    : [path.join(out, 'server/serve.cjs'), '--data-dir', dataDir, '--ready-json'];
  const child: ChildProcess = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: [options.desktopStandIn ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const lines = createInterface({ input: child.stdout! });
  const ready = await new Promise<{ url: string; origin: string }>((resolve, reject) => {
    lines.once('line', (line) => resolve(JSON.parse(line)));
    child.once('exit', (code) => reject(new Error(`harness exited with ${code}: ${stderr}`)));
  });
  return {
    ...ready,
    dataDir,
    ...(options.desktopStandIn ? { desktop: desktopSide(child, lines) } : {}),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function desktopSide(child: ChildProcess, lines: ReturnType<typeof createInterface>): DesktopSide {
  const pending = new Map<number, (result: unknown) => void>();
  let nextId = 1;
  lines.on('line', (line) => {
    const { id, result } = JSON.parse(line) as { id: number; result: unknown };
    pending.get(id)?.(result);
    pending.delete(id);
  });
  const send = (command: object) =>
    new Promise<unknown>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      child.stdin!.write(`${JSON.stringify({ id, ...command })}\n`);
    });
  return {
    preload: (channel, input) => send({ op: 'preload', channel, input }),
    choose: async (paths) => void (await send({ op: 'chosen', value: paths })),
  };
}
