// The self-update's Electron-free part: when a build counts as configured, how failures are sorted,
// and how often the window hears of download progress.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UpdateState, updateFailure, updatesConfigured } from '../../../../../src/main/core/update/update-state';
import { UpdateStatusSchema, type UpdateStatus } from '../../../../../src/shared/update';
import { removeTempDirs, tempDir } from '../../../../support/temp-dir';

afterAll(removeTempDirs);

const coded = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('updatesConfigured', () => {
  it('needs a packaged app and a non-empty app-update.yml beside its resources', async () => {
    const resources = await tempDir();
    expect(updatesConfigured(true, resources)).toBe(false);
    await fs.writeFile(path.join(resources, 'app-update.yml'), '');
    expect(updatesConfigured(true, resources)).toBe(false);
    await fs.writeFile(path.join(resources, 'app-update.yml'), 'provider: generic\nurl: https://example.com/\n');
    expect(updatesConfigured(true, resources)).toBe(true);
    expect(updatesConfigured(false, resources)).toBe(false);
    expect(updatesConfigured(true, undefined)).toBe(false);
  });
});

describe('updateFailure', () => {
  it.each([
    [coded('sha512 checksum mismatch, expected abc, got def', 'ERR_CHECKSUM_MISMATCH'), 'checksum'],
    [coded('Cannot parse update info from latest-linux.yml', 'ERR_UPDATER_INVALID_UPDATE_INFO'), 'malformed'],
    [coded('App version is not a valid semver version: "soon"', 'ERR_UPDATER_INVALID_VERSION'), 'malformed'],
    [coded('No files provided', 'ERR_UPDATER_NO_FILES_PROVIDED'), 'malformed'],
    [coded('Cannot find channel "latest-linux.yml" update info: HttpError: 404', 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND'), 'malformed'],
    [new Error('net::ERR_CONNECTION_REFUSED'), 'unreachable'],
    [new Error('net::ERR_NAME_NOT_RESOLVED'), 'unreachable'],
    [new Error('Cannot download "https://example.com/x", status 503: Service Unavailable'), 'unreachable'],
    [new Error('EACCES: permission denied, open /opt/Holst.AppImage'), 'other'],
    ['a thrown string', 'other'],
  ])('%s → %s', (error, reason) => {
    const failure = updateFailure(error);
    expect(failure.reason).toBe(reason);
    expect(failure.detail).toBe(String(error instanceof Error ? error.message : error));
  });

  it('keeps the first line of a long message, at most 500 characters', () => {
    expect(updateFailure(new Error(`${'x'.repeat(600)}\nstack`)).detail).toBe('x'.repeat(500));
  });
});

describe('UpdateState', () => {
  it('tells each change, download progress once per whole percent and at the end', () => {
    const heard: UpdateStatus[] = [];
    const state = new UpdateState((s) => heard.push(s));
    state.set({ state: 'checking' });
    for (let transferred = 0; transferred <= 1000; transferred += 4) {
      state.progress('0.2.0', { percent: transferred / 10, transferred, total: 1000 });
    }
    state.set({ state: 'ready', version: '0.2.0' });
    const percents = heard.flatMap((s) => (s.state === 'downloading' ? [s.percent] : []));
    expect(percents.map(Math.floor)).toEqual([...new Set(percents.map(Math.floor))]);
    expect(percents.length).toBe(101);
    expect(heard.at(-2)).toEqual({ state: 'downloading', version: '0.2.0', percent: 100, transferred: 1000, total: 1000 });
    expect(heard.at(-1)).toEqual({ state: 'ready', version: '0.2.0' });
    for (const status of heard) expect(UpdateStatusSchema.parse(status)).toEqual(status);
  });

  it('keeps progress within 0–100 whatever the updater reports, and records failures as errors', () => {
    const state = new UpdateState(() => {});
    expect(state.progress('1.0.0', { percent: Number.NaN, transferred: 0, total: 0 })).toMatchObject({ percent: 0 });
    expect(state.progress('1.0.0', { percent: 140, transferred: 10, total: 5 })).toMatchObject({ percent: 100 });
    expect(state.fail(new Error('net::ERR_CONNECTION_RESET'))).toEqual({
      state: 'error',
      reason: 'unreachable',
      detail: 'net::ERR_CONNECTION_RESET',
    });
    expect(state.status.state).toBe('error');
  });
});
