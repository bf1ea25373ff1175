// What the benchmarks that drive the app in Chromium need before they start: a built app and a browser.
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The build folder (HOLST_OUT, else out/) and Chromium's path (HOLST_CHROMIUM, else Debian's), or
 * null after printing why the benchmark is skipped (and marking the run failed) when one is missing.
 */
export function browserBenchSetup(builtFiles: string[]): { out: string; executablePath: string } | null {
  const out = process.env.HOLST_OUT ?? 'out';
  const executablePath = process.env.HOLST_CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
  const missing = builtFiles.filter((file) => !existsSync(path.join(out, file)));
  if (missing.length > 0) {
    console.log(
      `skipped: no built app in ${out}/ (${missing.join(', ')}) — run \`npm run build\` first (or set HOLST_OUT to a build folder)`,
    );
    process.exitCode = 1;
    return null;
  }
  if (!executablePath) {
    console.log('skipped: no Chromium found (install chromium or set HOLST_CHROMIUM)');
    process.exitCode = 1;
    return null;
  }
  return { out, executablePath };
}
