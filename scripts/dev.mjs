// `npm run dev`: the renderer from Vite's dev server (hot reload) with the core behind it: in
// Electron when its binary is installed, otherwise in the browser through the harness bridge.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createServer } from 'vite';
import { electronBinary } from './electron-binary.mjs';

const args = process.argv.slice(2);
const built = spawnSync(process.execPath, ['scripts/build.mjs', '--node-only'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const children = [];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

const binary = electronBinary();
const devPort = 5173;
const devOrigin = `http://127.0.0.1:${devPort}`;
let proxy = {};

if (!binary) {
  // The bridge accepts the Vite origin and a token that only the Vite proxy knows.
  const token = randomBytes(24).toString('base64url');
  const bridge = spawn(process.execPath, [path.resolve('out/server/serve.cjs'), '--ready-json', '--allow-origin', devOrigin, ...args], {
    env: { ...process.env, HOLST_HARNESS_TOKEN: token },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(bridge);
  const ready = await new Promise((resolve) => createInterface({ input: bridge.stdout }).once('line', (line) => resolve(JSON.parse(line))));
  proxy = { '^/bridge$': { target: `ws://127.0.0.1:${ready.port}`, ws: true, changeOrigin: true, rewrite: (p) => `${p}?token=${token}` } };
}

const vite = await createServer({ configFile: 'vite.config.ts', server: { port: devPort, strictPort: true, proxy } });
await vite.listen();
if (binary) {
  const electron = spawn(binary, [path.resolve('out/main/index.cjs'), ...args], {
    stdio: 'inherit',
    env: { ...process.env, HOLST_RENDERER_URL: `${devOrigin}/` },
  });
  children.push(electron);
  electron.on('exit', stop);
} else {
  console.log(`Electron is not installed; open ${devOrigin}/ in your browser (hot reload on).`);
}
