// `npm run demo`: Holst with no account. Builds like `npm start`, starts demo servers of all four
// provider kinds on 127.0.0.1 (src/demo), and runs the app against them in a throwaway data folder
// (or `--data-dir DIR`, which must not hold a real library: then it exits with code 2), with demo
// keys in the environment. Ctrl+C stops the app and the servers.
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildUnlessSkipped, launchHolst, russianLaunch } from './launch.mjs';

let values;
try {
  ({ values } = parseArgs({ options: { 'data-dir': { type: 'string' } } }));
} catch (error) {
  console.error(`holst demo: ${error.message}. Usage: npm run demo [-- --data-dir DIR]`);
  process.exit(2);
}

buildUnlessSkipped();
const { startDemo } = createRequire(import.meta.url)(path.resolve('out/demo/main.cjs'));
let demo;
try {
  demo = await startDemo(values['data-dir'] ? { dataDir: path.resolve(values['data-dir']) } : {});
} catch (error) {
  console.error(`holst demo: ${error.message}`);
  process.exit(error.exitCode ?? 1);
}

const names = demo.providers.map((p) => p.name).join(', ');
const args = ['--data-dir', demo.dataDir];
console.log(
  russianLaunch(args)
    ? `Демо Holst: ${names} — на 127.0.0.1; данные ${demo.throwaway ? 'во временной папке' : `в папке ${demo.dataDir}`}. Напишите в запросе «error 429», чтобы увидеть ошибку 429.`
    : `Holst demo: ${names} on 127.0.0.1; data in ${demo.throwaway ? 'a throwaway folder' : demo.dataDir}. Put "error 429" in a prompt to see a 429.`,
);
launchHolst(args, { env: demo.env, onExit: () => demo.close() });
