// The harness as the desktop app's main process sees it, for browser tests of the renderer's desktop
// paths (tests/e2e/desktop-preload-standin.ts): the real core and bridge server, with main's open
// dialog stood in for, and a private pipe (stdin/stdout) standing in for the preload's IPC, which a
// page cannot reach: the WebSocket refuses the preload's channels as the browser fallback does.
// Bundled and spawned by tests/support/harness.ts (startHarness with `desktopStandIn`).
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { openCore } from '../../src/main/core/app-core';
import type { DesktopCapabilities } from '../../src/main/core/desktop';
import { openAppLog } from '../../src/main/core/logging/file-log';
import { startBridgeServer } from '../../src/main/server/bridge-server';
import { isPreloadChannel } from '../../src/shared/contract';
import { fail, HolstError } from '../../src/shared/errors';

/** What the parent sends on stdin, one JSON a line; each is answered on stdout with its id. */
type Command =
  { id: number; op: 'chosen'; value: string[] | null | undefined } | { id: number; op: 'preload'; channel: string; input: unknown };

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, 'renderer-dir': { type: 'string' } } });
  const dataDir = path.resolve(values['data-dir']!);
  /** The paths the open dialog answers; null: the user closes it; undefined: it cannot be shown. */
  let chosen: string[] | null | undefined;
  const absent = (what: string) => () => Promise.reject(new HolstError('config', `${what}: the desktop stand-in has no answer.`));
  const desktop: DesktopCapabilities = {
    chooseImportPaths: () => (chosen === undefined ? absent('The open dialog could not be shown')() : Promise.resolve(chosen)),
    chooseExportPath: absent('Saving a copy'),
    copyImageToClipboard: absent('Copying an image'),
    revealInFolder: () => {
      throw new HolstError('config', 'Showing the file: the desktop stand-in has no answer.');
    },
    startDrag: absent('Dragging an image out'),
    openFolder: absent('Opening a folder'),
    openExternal: absent('Opening a link'),
  };
  const core = await openCore({ dataDir, shell: 'browser', settingsPolicy: 'recover', log: openAppLog(dataDir), desktop });
  const server = await startBridgeServer({ core, rendererDir: path.resolve(values['renderer-dir']!) });
  const say = (line: unknown) => process.stdout.write(`${JSON.stringify(line)}\n`);
  say({ url: server.url, origin: server.origin, port: server.port, dataDir });

  createInterface({ input: process.stdin }).on('line', (line) => {
    const command = JSON.parse(line) as Command;
    if (command.op === 'chosen') {
      chosen = command.value;
      return say({ id: command.id, result: { ok: true, value: null } });
    }
    // Only what the preload sends comes this way; anything else is the page's to send over the bridge.
    if (!isPreloadChannel(command.channel))
      return say({ id: command.id, result: fail(new HolstError('invalid_input', 'Not a preload channel.')) });
    void core.dispatch(command.channel, command.input).then((result) => say({ id: command.id, result }));
  });
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`desktop harness: ${String(error)}\n`);
  process.exit(1);
});
