import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirFromArgv, defaultDataDir, resolveDataDir } from '../../../../../src/main/core/paths/data-dir';

describe('data folder', () => {
  it("matches Electron's userData folder for an app named Holst on each platform", () => {
    expect(defaultDataDir('linux', {}, '/home/ann')).toBe('/home/ann/.config/Holst');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/ann')).toBe('/cfg/Holst');
    expect(defaultDataDir('darwin', {}, '/Users/ann')).toBe('/Users/ann/Library/Application Support/Holst');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'C:\\Users\\ann')).toBe(
      'C:\\Users\\ann\\AppData\\Roaming\\Holst',
    );
  });

  it('takes --data-dir first, then HOLST_DATA_DIR, and makes it absolute', () => {
    expect(dataDirFromArgv(['x', '--data-dir', '/a'])).toBe('/a');
    expect(dataDirFromArgv(['--data-dir=/b'])).toBe('/b');
    expect(resolveDataDir({ argv: ['--data-dir', 'rel'], env: { HOLST_DATA_DIR: '/env' }, cwd: '/work' })).toBe(
      path.resolve('/work', 'rel'),
    );
    expect(resolveDataDir({ argv: [], env: { HOLST_DATA_DIR: '/env' } })).toBe(path.resolve('/env'));
  });
});
