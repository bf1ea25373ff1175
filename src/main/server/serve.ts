/**
 * `npm run serve` (and `npm start` where Electron cannot run): the app's core and the built
 * renderer served to a browser on 127.0.0.1, with a random token in the printed address.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { toErrorPayload } from '../../shared/errors';
import { openCore } from '../core/app-core';
import { installCrashGuard } from '../core/logging/crash-guard';
import { mainLanguage, mainText, systemLanguagesFromEnv } from '../core/i18n/main-text';
import { openAppLog } from '../core/logging/file-log';
import { resolveDataDir } from '../core/paths/data-dir';
import { startBridgeServer } from './bridge-server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '0' },
      'renderer-dir': { type: 'string' },
      'ready-json': { type: 'boolean', default: false },
      'allow-origin': { type: 'string', multiple: true },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0-65535, not ${values.port}`);
  const dataDir = resolveDataDir({ argv: process.argv, env: process.env });
  const rendererDir = path.resolve(values['renderer-dir'] ?? path.join(__dirname, '..', 'renderer'));
  const log = openAppLog(dataDir);
  installCrashGuard({ logger: log, report: (title, detail) => process.stderr.write(`holst: ${title}: ${detail}\n`) });
  const core = await openCore({ dataDir, shell: 'browser', settingsPolicy: 'recover', log });
  // `npm run dev` hands in a token (by environment, not argv) and the Vite page's origin.
  const token = process.env.HOLST_HARNESS_TOKEN || undefined;
  const server = await startBridgeServer({
    core,
    rendererDir,
    port,
    extraOrigins: values['allow-origin'] ?? [],
    ...(token ? { token } : {}),
  });

  if (values['ready-json']) {
    process.stdout.write(`${JSON.stringify({ url: server.url, origin: server.origin, port: server.port, dataDir })}\n`);
  } else {
    const text = mainText(mainLanguage(core.settings.get().appearance.language, systemLanguagesFromEnv(process.env)));
    process.stdout.write(
      `${text('serve.running', { url: server.url })}\n${text('serve.dataFolder', { folder: dataDir })}\n${text('serve.stop')}\n`,
    );
  }
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const payload = toErrorPayload(error);
  const message = payload.code === 'internal' && error instanceof Error ? error.message : payload.message;
  process.stderr.write(`holst: ${message}\n`);
  process.exit(1);
});
