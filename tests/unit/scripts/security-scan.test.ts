// The security scan's gate (scripts/security-gate.mjs) on made-up findings, the real allow-list's
// shape, and one real Electronegativity run on a deliberately unsafe window, so we know the
// scanner still reads our TypeScript and that the gate fails on what it finds.
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluate, formatReport, validateAllowlist, type AllowlistEntry, type Finding } from '../../../scripts/security-gate.mjs';
import { ALLOWLIST_FILE, scan } from '../../../scripts/security-scan.mjs';
import { removeTempDirs, tempDir } from '../../support/temp-dir';

afterAll(removeTempDirs);

const openExternal: Finding = {
  check: 'OPEN_EXTERNAL_JS_CHECK',
  severity: 'MEDIUM',
  confidence: 'TENTATIVE',
  file: 'src/main/electron/window.ts',
  line: 45,
  column: 63,
  sample: 'void shell.openExternal(url);',
  description: 'Review the use of openExternal',
};

const reviewed: AllowlistEntry = {
  check: 'OPEN_EXTERNAL_JS_CHECK',
  file: 'src/main/electron/window.ts',
  reason: 'Only http(s) URLs without credentials reach it, through decideNavigation.',
  reviewed: '2026-11-23',
};

describe('security gate', () => {
  it('fails on an unjustified MEDIUM finding and says which one', () => {
    const result = evaluate([openExternal], { entries: [] });
    expect(result.ok).toBe(false);
    expect(result.counts).toMatchObject({ findings: 1, gating: 1, allowed: 0, unjustified: 1 });
    const report = formatReport(result).join('\n');
    expect(report).toContain('UNJUSTIFIED MEDIUM/TENTATIVE OPEN_EXTERNAL_JS_CHECK at src/main/electron/window.ts:45:63');
    expect(report.split('\n').at(-1)).toBe('security scan: 1 findings (1 HIGH/MEDIUM), 0 allowed, 1 unjustified');
  });

  it('passes when the finding is allow-listed, and shows the reason', () => {
    const result = evaluate([openExternal], { entries: [reviewed] });
    expect(result.ok).toBe(true);
    expect(result.findings[0]).toMatchObject({ status: 'allowed', entry: reviewed });
    expect(formatReport(result).join('\n')).toContain(`reviewed 2026-11-23: ${reviewed.reason}`);
  });

  it('matches on check and file, not the line, so unrelated edits do not break it', () => {
    expect(evaluate([{ ...openExternal, line: 80, column: 2 }], [reviewed]).ok).toBe(true);
    expect(evaluate([{ ...openExternal, file: 'src/main/electron/menu.ts' }], [reviewed]).ok).toBe(false);
    expect(evaluate([{ ...openExternal, check: 'DANGEROUS_FUNCTIONS_JS_CHECK' }], [reviewed]).ok).toBe(false);
  });

  it('fails on a stale entry that matches no finding', () => {
    const result = evaluate([], { entries: [reviewed] });
    expect(result.ok).toBe(false);
    expect(result.stale).toEqual([{ entry: reviewed, matched: 0 }]);
    expect(formatReport(result).join('\n')).toContain('STALE       allow-list entry OPEN_EXTERNAL_JS_CHECK in src/main/electron/window.ts');
  });

  it('lets one entry justify one finding: a second one in the same file needs its own review', () => {
    const second = { ...openExternal, line: 90 };
    const once = evaluate([openExternal, second], [reviewed]);
    expect(once.ok).toBe(false);
    expect(once.counts.unjustified).toBe(1);
    expect(evaluate([openExternal, second], [{ ...reviewed, count: 2 }]).ok).toBe(true);
    // And a count larger than what is found is stale.
    expect(evaluate([openExternal], [{ ...reviewed, count: 2 }]).stale).toHaveLength(1);
  });

  it('prints LOW and INFORMATIONAL findings without failing; fails on HIGH', () => {
    const low = { ...openExternal, check: 'CSP_HEADER_EVALUATION', severity: 'LOW' };
    const info = { ...openExternal, check: 'ELECTRON_VERSION_JSON_CHECK', severity: 'INFORMATIONAL' };
    const passed = evaluate([low, info], []);
    expect(passed.ok).toBe(true);
    expect(passed.findings.map((f) => f.status)).toEqual(['reported', 'reported']);
    expect(evaluate([{ ...openExternal, severity: 'HIGH' }], []).ok).toBe(false);
  });

  it('rejects entries without a real reason or review date, and duplicates', () => {
    expect(evaluate([openExternal], [{ ...reviewed, reason: 'safe' }]).ok).toBe(false);
    expect(validateAllowlist([{ ...reviewed, reviewed: 'yesterday' }])).toHaveLength(1);
    expect(validateAllowlist([{ ...reviewed, count: 0 }])).toHaveLength(1);
    expect(validateAllowlist([reviewed, reviewed])).toHaveLength(1);
    expect(validateAllowlist({ nope: true })).toHaveLength(1);
  });

  it('keeps the real allow-list well formed', () => {
    const allowlist: unknown = JSON.parse(readFileSync(ALLOWLIST_FILE, 'utf8'));
    expect(validateAllowlist(allowlist)).toEqual([]);
  });
});

describe('security scan', () => {
  it('finds an unsafe window in TypeScript, and the gate fails on it', async () => {
    const root = await tempDir('holst-security-');
    await fs.mkdir(path.join(root, 'src'));
    await fs.writeFile(
      path.join(root, 'src', 'window.ts'),
      [
        "import { BrowserWindow } from 'electron';",
        'export function open(): BrowserWindow {',
        '  const options: Electron.WebPreferences = { nodeIntegration: true, contextIsolation: false };',
        '  return new BrowserWindow({ webPreferences: { ...options, nodeIntegration: true, contextIsolation: false } });',
        '}',
        'export const hidden = 1; // eng-disable SANDBOX_JS_CHECK',
        '',
      ].join('\n'),
    );
    const { findings, tool } = await scan({ root, electronVersion: '45.4.1', csp: false });
    expect(tool.atomicChecks).toBeGreaterThan(0);
    const byCheck = (check: string) => findings.filter((f) => f.check === check);
    expect(byCheck('CONTEXT_ISOLATION_JS_CHECK')).toEqual([expect.objectContaining({ severity: 'HIGH', file: 'src/window.ts', line: 4 })]);
    // The tool rates an explicit nodeIntegration: true INFORMATIONAL; the scan raises it.
    expect(byCheck('NODE_INTEGRATION_JS_CHECK')).toEqual([
      expect.objectContaining({ severity: 'HIGH', toolSeverity: 'INFORMATIONAL', file: 'src/window.ts' }),
    ]);
    expect(byCheck('ENG_DISABLE_COMMENT')).toEqual([expect.objectContaining({ severity: 'HIGH', file: 'src/window.ts', line: 6 })]);
    // App-wide: no navigation limits, no permission handler, no CSP in this "app".
    expect(byCheck('LIMIT_NAVIGATION_GLOBAL_CHECK')).toHaveLength(1);
    expect(byCheck('SCAN_PARSE_ERROR')).toEqual([]);
    const result = evaluate(findings, []);
    expect(result.ok).toBe(false);
    expect(result.counts.unjustified).toBeGreaterThanOrEqual(5);
  });
});
