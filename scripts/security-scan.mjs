// `node scripts/security-scan.mjs`: Electronegativity over src/ (TypeScript as written: main
// process, preload, renderer, shared, core), plus two checks of our own, judged against the
// reviewed allow-list security/electronegativity-allowlist.json by scripts/security-gate.mjs.
// Exits 1 on any unjustified HIGH/MEDIUM finding, a stale or malformed allow-list entry, or a
// scan that could not run; LOW/INFORMATIONAL findings are printed only.
//
// Why src/ and not out/: Electronegativity reads .js/.ts/.tsx/.html but not .cjs, so it would
// skip out/main/index.cjs; and that bundle (2 MB, dependencies included) does not parse with
// its old scope analyser anyway ("Unknown node type ClassPrivateProperty"). One run over the
// whole of src/ lets the app-wide checks (navigation limits, permission handler, CSP) see all
// the code at once.
//
// Offline and deterministic: the tool fetches translations from S3 (1 s timeout, retried, ~3 s)
// and the Electron release list from GitHub. The fetch library is stubbed to fail at once (the
// bundled English texts are used), and AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK, which only
// compares the Electron version with GitHub's release notes, is not run; keeping Electron
// current is the dependency updates' job.
//
// Our own checks:
// - ENG_DISABLE_COMMENT (HIGH): an `eng-disable` comment would hide a finding from the tool and
//   so from this gate; every exception must go through the allow-list instead.
// - CSP_HEADER_EVALUATION: the tool only recognises a CSP in a <meta> tag or a literal
//   onHeadersReceived header, so it cannot see ours (SECURITY_HEADERS, sent with every
//   holst-app:// response). We evaluate the real policy string with the same CSP evaluator the
//   tool uses: its HIGH/SYNTAX/MEDIUM findings gate as HIGH/MEDIUM, its "maybe" ones are LOW.
// - SCAN_PARSE_ERROR (HIGH): a file the tool could not parse was not checked at all.
//
// Stricter than the tool on a few checks (ESCALATED below): it rates an explicit
// `nodeIntegration: true` INFORMATIONAL and enableBlinkFeatures / experimentalFeatures /
// allowpopups LOW, which would let exactly the settings we forbid pass the gate.
import { readdirSync, readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { evaluate, formatReport } from './security-gate.mjs';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ALLOWLIST_FILE = 'security/electronegativity-allowlist.json';
/** Checks not run, with the reason printed on every scan. Names as the tool's -x option takes them. */
export const EXCLUDED_CHECKS = {
  AvailableSecurityFixesGlobalCheck: "needs GitHub's Electron release list (network); Electron updates are tracked separately",
};
/** Tool severity raised for the gate: these settings must never appear without a review. */
export const ESCALATED = {
  NODE_INTEGRATION_JS_CHECK: 'HIGH',
  BLINK_FEATURES_JS_CHECK: 'MEDIUM',
  BLINK_FEATURES_HTML_CHECK: 'MEDIUM',
  EXPERIMENTAL_FEATURES_JS_CHECK: 'MEDIUM',
  EXPERIMENTAL_FEATURES_HTML_CHECK: 'MEDIUM',
  ALLOWPOPUPS_HTML_CHECK: 'MEDIUM',
};
const SCANNED_EXTENSIONS = new Set(['.js', '.jsx', '.ts', '.tsx', '.html', '.htm']);

function toolPaths() {
  const main = require.resolve('@doyensec/electronegativity');
  const toolRequire = createRequire(main);
  return { main, toolRequire, version: toolRequire('../package.json').version };
}

/** Makes the tool's `got` fail immediately instead of reaching S3 or GitHub. */
function stubNetwork({ main }) {
  const i18nRequire = createRequire(path.join(path.dirname(main), 'locales', 'i18n.js'));
  const gotPath = i18nRequire.resolve('got');
  const offline = () => Promise.reject(new Error('network disabled by scripts/security-scan.mjs'));
  offline.head = offline;
  offline.get = offline;
  const stub = new Module(gotPath);
  stub.filename = gotPath;
  stub.loaded = true;
  stub.exports = offline;
  require.cache[gotPath] = stub;
}

function relative(root, file) {
  return file === 'N/A' ? 'N/A' : path.relative(root, file).split(path.sep).join('/');
}

function listFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && SCANNED_EXTENSIONS.has(path.extname(d.name)))
    .map((d) => path.join(d.parentPath ?? d.path, d.name))
    .filter((file) => !file.split(path.sep).includes('node_modules'))
    .sort();
}

function engDisableComments(root, files) {
  const findings = [];
  for (const file of files) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((text, i) => {
        const column = text.indexOf('eng-disable');
        if (column === -1) return;
        findings.push({
          check: 'ENG_DISABLE_COMMENT',
          severity: 'HIGH',
          confidence: 'CERTAIN',
          file: relative(root, file),
          line: i + 1,
          column,
          sample: text.trim(),
          description: 'An eng-disable comment hides findings from the scan; justify them in the allow-list instead.',
        });
      });
  }
  return findings;
}

/** Our CSP as the app sends it, evaluated with the CSP evaluator Electronegativity uses. */
async function evaluateCsp(root, { toolRequire }) {
  const source = 'src/main/server/content-security.ts';
  const { build } = await import('esbuild');
  const bundled = await build({
    entryPoints: [path.join(root, source)],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    logLevel: 'silent',
  });
  const { CONTENT_SECURITY_POLICY: policy } = await import(
    `data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`
  );
  if (typeof policy !== 'string' || policy === '') throw new Error(`${source} no longer exports CONTENT_SECURITY_POLICY`);
  const csp = toolRequire('@doyensec/csp-evaluator');
  const s = csp.severities;
  const severityOf = (value) =>
    value === s.HIGH
      ? 'HIGH'
      : value === s.SYNTAX || value === s.MEDIUM
        ? 'MEDIUM'
        : value === s.INFO || value === s.NONE
          ? 'INFORMATIONAL'
          : 'LOW';
  const results = new csp.CspEvaluator(new csp.CspParser(policy).csp, csp.Version.CSP3).evaluate();
  return results.map((r) => ({
    check: 'CSP_HEADER_EVALUATION',
    severity: severityOf(r.severity),
    confidence: 'CERTAIN',
    file: source,
    line: 0,
    column: 0,
    sample: `${r.directive}${r.value ? ` ${r.value}` : ''}: ${r.description}`,
    description: `Content-Security-Policy weakness: ${r.description}`,
  }));
}

/** Runs Electronegativity on `input` (default src/) and our checks; returns normalised findings. */
export async function scan({ root = ROOT, input = 'src', electronVersion, csp = true } = {}) {
  const tool = toolPaths();
  stubNetwork(tool);
  const inputDir = path.resolve(root, input);
  const files = listFiles(inputDir);
  if (files.length === 0) throw new Error(`nothing to scan in ${inputDir}`);
  const version = electronVersion ?? electronVersionOf(root);

  const run = tool.toolRequire(tool.main);
  const log = console.log;
  // The tool says so on every run once its translation fetch fails; that is expected here.
  console.log = (...args) => {
    if (!String(args[0]).startsWith('Could not retrieve updated translations')) log(...args);
  };
  let result;
  try {
    result = await run({
      input: inputDir,
      isRelative: false,
      electronVersionOverride: version,
      excludeFromScan: Object.keys(EXCLUDED_CHECKS).map((name) => name.toLowerCase()),
    });
  } finally {
    console.log = log;
  }
  if (!result || result.atomicChecks === 0) throw new Error('Electronegativity ran no checks');

  const findings = result.issues.map((issue) => ({
    check: issue.id,
    severity: ESCALATED[issue.id] ?? issue.severity.name,
    ...(ESCALATED[issue.id] && ESCALATED[issue.id] !== issue.severity.name ? { toolSeverity: issue.severity.name } : {}),
    confidence: issue.confidence.name,
    file: relative(root, issue.file),
    line: issue.location?.line ?? 0,
    column: issue.location?.column ?? 0,
    sample: issue.sample,
    description: issue.description,
  }));
  for (const error of result.errors) {
    findings.push({
      check: error.tolerable ? 'SCAN_PARSE_WARNING' : 'SCAN_PARSE_ERROR',
      severity: error.tolerable ? 'LOW' : 'HIGH',
      confidence: 'CERTAIN',
      file: relative(root, error.file),
      line: 0,
      column: 0,
      sample: error.message,
      description: 'Electronegativity could not parse this file, so none of its checks ran on it.',
    });
  }
  findings.push(...engDisableComments(root, files));
  if (csp) findings.push(...(await evaluateCsp(root, tool)));
  return {
    findings,
    tool: { version: tool.version, globalChecks: result.globalChecks, atomicChecks: result.atomicChecks },
    files: files.length,
    electronVersion: version,
  };
}

/** The oldest Electron the package.json range allows, as the tool itself would assume. */
export function electronVersionOf(root = ROOT) {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const range = pkg.devDependencies?.electron ?? pkg.dependencies?.electron;
  const version = typeof range === 'string' ? /\d+\.\d+\.\d+/.exec(range)?.[0] : undefined;
  if (!version) throw new Error('package.json names no Electron version');
  return version;
}

async function main() {
  const started = Date.now();
  let allowlist;
  try {
    allowlist = JSON.parse(readFileSync(path.join(ROOT, ALLOWLIST_FILE), 'utf8'));
  } catch (error) {
    console.error(`security scan: cannot read ${ALLOWLIST_FILE}: ${error.message}`);
    return 1;
  }
  const { findings, tool, files, electronVersion } = await scan();
  console.log(
    `Electronegativity ${tool.version} on src/ (${files} files, Electron ${electronVersion}, ` +
      `${tool.atomicChecks} atomic + ${tool.globalChecks} global checks) plus ENG_DISABLE_COMMENT, CSP_HEADER_EVALUATION`,
  );
  for (const [name, why] of Object.entries(EXCLUDED_CHECKS)) console.log(`not run: ${name} (${why})`);
  const result = evaluate(findings, allowlist);
  for (const line of formatReport(result)) console.log(line);
  console.log(`(${Date.now() - started} ms)`);
  return result.ok ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(`security scan: could not run: ${error.stack ?? error}`);
      process.exit(1);
    },
  );
}
