// Start-up and IPC figures for the core: how long opening the data folder takes, and the cost of
// one request through the same WebSocket bridge the browser harness uses.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { openCore } from '../src/main/core/app-core';
import { silentLogger } from '../src/main/core/logging/log';
import { startBridgeServer } from '../src/main/server/bridge-server';
import { report, median } from './report';

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'holst-bench-'));
await fs.writeFile(
  path.join(dataDir, 'settings.json'),
  JSON.stringify({
    version: 1,
    providers: Array.from({ length: 20 }, (_, i) => ({ id: `p${i}`, kind: 'openai-chat', baseUrl: 'https://example.com/v1' })),
  }),
);
const env = { HOLST_KEYCHAIN_SERVICE: 'Holst-bench' };

const openTimes: number[] = [];
for (let i = 0; i < 15; i++) {
  const started = performance.now();
  await openCore({ dataDir, shell: 'cli', settingsPolicy: 'fail', env, logger: silentLogger });
  openTimes.push(performance.now() - started);
}
report('open the core (settings with 20 providers, keychain probe), median', median(openTimes), 'ms', 150);

const core = await openCore({ dataDir, shell: 'browser', settingsPolicy: 'fail', env, logger: silentLogger });
const server = await startBridgeServer({ core });
const ws = new WebSocket(`ws://127.0.0.1:${server.port}/bridge?token=${server.token}`, { headers: { origin: server.origin } });
await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
const roundTrips: number[] = [];
for (let id = 1; id <= 1000; id++) {
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    ws.once('message', (data) => {
      const frame = JSON.parse(data.toString()) as { id: number; result: { ok: boolean; value?: { providers: unknown[] } } };
      // Measure real answers only: the right request, answered with the 20 providers.
      if (frame.id !== id || !frame.result.ok || frame.result.value?.providers.length !== 20)
        reject(new Error(`unexpected answer: ${data.toString().slice(0, 200)}`));
      else resolve();
    });
    ws.send(JSON.stringify({ t: 'req', id, channel: 'settings.get' }));
  });
  roundTrips.push(performance.now() - started);
}
report('request round trip over the harness bridge (settings.get), median', median(roundTrips), 'ms', 2);
ws.close();
await server.close();
await fs.rm(dataDir, { recursive: true, force: true });
