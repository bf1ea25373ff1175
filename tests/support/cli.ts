import { spawn } from 'node:child_process';
import path from 'node:path';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  json: () => unknown;
}

/** Runs the built `holst` command (bin/holst.cjs) as a user would. */
export function runHolst(args: string[], options: { env?: NodeJS.ProcessEnv; input?: string } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    // Follows HOLST_OUT like the harness does, so a build in another folder can be tested.
    const entry = process.env.HOLST_OUT ? path.resolve(process.env.HOLST_OUT, 'cli', 'holst.cjs') : path.resolve('bin/holst.cjs');
    const child = spawn(process.execPath, [entry, ...args], {
      env: { ...process.env, HOLST_DATA_DIR: '', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr, json: () => JSON.parse(stdout) }));
    child.stdin.end(options.input ?? '');
  });
}
