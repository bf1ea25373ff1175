// How fast the built `holst` command starts, as a ratio to a bare `node -e 0` measured in the same
// run: `holst --version` (no command loaded) and `holst library list` on a library of a few hundred
// pictures (the command, the core and the database). Each is a whole process, as a user runs it;
// the three take turns, round after round, so a machine that speeds up or slows down meanwhile
// moves them all alike. Needs `npm run build` first.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { seedLibrary, seedManyImages } from '../tests/support/seed-library';
import { median, report } from './report';

const ROUNDS = 25;
const WARM_UP = 3;
const bin = path.resolve('bin/holst.cjs');
const built = path.resolve(process.env.HOLST_OUT ?? 'out', 'cli', 'holst.cjs');

interface Step {
  name: string;
  args: string[];
  /** Throws when a run did not do what it should: a fast failure must not pass for a fast start. */
  check(stdout: string): void;
}

async function main(): Promise<void> {
  if (!existsSync(built)) {
    console.log(`skipped: no built CLI (${built}) — run \`npm run build\` first`);
    return;
  }
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'holst-bench-cli-'));
  try {
    // 300 pictures through the real library: 30 with their own prompts (and an edit with its parent),
    // 270 small ones.
    await seedLibrary(dataDir);
    await seedManyImages(dataDir, 270);
    const version = (JSON.parse(await fs.readFile('package.json', 'utf8')) as { version: string }).version;
    const steps: Step[] = [
      { name: 'node -e 0', args: ['-e', '0'], check: () => {} },
      {
        name: 'holst --version',
        args: [bin, '--version'],
        check: (stdout) => {
          if (stdout !== `holst ${version}\n`) throw new Error(`holst --version printed ${JSON.stringify(stdout)}`);
        },
      },
      {
        name: 'holst library list',
        args: [bin, '--data-dir', dataDir, 'library', 'list'],
        check: (stdout) => {
          const lines = stdout.trimEnd().split('\n');
          if (lines.length !== 50 || !lines[0]!.includes('tiny picture 270'))
            throw new Error(`holst library list printed ${lines.length} lines, starting ${JSON.stringify(lines[0])}`);
        },
      },
    ];
    // Should a command reach the keychain, it goes to a service of its own, never the user's Holst entries.
    const env = { ...process.env, HOLST_DATA_DIR: '', HOLST_KEYCHAIN_SERVICE: 'Holst-bench' };
    const times = new Map(steps.map((step) => [step.name, [] as number[]]));
    for (let round = 0; round < WARM_UP + ROUNDS; round++) {
      // A different one goes first each round.
      for (let i = 0; i < steps.length; i++) {
        const step = steps[(round + i) % steps.length]!;
        const started = performance.now();
        const run = spawnSync(process.execPath, step.args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
        const ms = performance.now() - started;
        if (run.status !== 0) throw new Error(`${step.name} exited with ${run.status}: ${run.stderr}`);
        step.check(run.stdout);
        if (round >= WARM_UP) times.get(step.name)!.push(ms);
      }
    }
    const medians = new Map([...times].map(([name, samples]) => [name, median(samples)]));
    const base = medians.get('node -e 0')!;
    for (const [name, ms] of medians) {
      const samples = times.get(name)!;
      console.log(
        `  ${name}: median ${ms.toFixed(1)} ms (${Math.min(...samples).toFixed(1)}–${Math.max(...samples).toFixed(1)}), ${ROUNDS} runs`,
      );
    }
    report('holst --version / node -e 0 (medians)', medians.get('holst --version')! / base, '×', 1.5);
    report('holst library list (300 pictures) / node -e 0 (medians)', medians.get('holst library list')! / base, '×', 2);
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

await main();
