// The CLI asks the keychain only when a command needs a key: `library list` on a machine whose
// keychain is slow, locked or gone does not wait on it. The session bus here is a socket of our own
// that counts who connects (libsecret reaches the keychain through DBUS_SESSION_BUS_ADDRESS) and
// then hangs up, as a bus that is not there would.
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runHolst } from '../../support/cli';
import { removeTempDirs, tempDir } from '../../support/temp-dir';

afterAll(removeTempDirs);

async function countingBus(): Promise<{ address: string; connections: () => number; close: () => Promise<void> }> {
  const socket = path.join(await tempDir(), 'bus');
  let connections = 0;
  const server = net.createServer((connection) => {
    connections++;
    connection.destroy();
  });
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  return {
    address: `unix:path=${socket}`,
    connections: () => connections,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('the CLI and the keychain', () => {
  it('lists the library, the chats and the settings folder without reaching the keychain, and reaches it for a key', async () => {
    const bus = await countingBus();
    try {
      const dataDir = await tempDir();
      await fs.writeFile(
        path.join(dataDir, 'settings.json'),
        JSON.stringify({ version: 1, providers: [{ id: 'my-giga', kind: 'gigachat', baseUrl: 'https://giga.example/api/v1' }] }),
      );
      const env = { DBUS_SESSION_BUS_ADDRESS: bus.address, HOLST_KEYCHAIN_SERVICE: 'Holst-test-probe' };
      const listed = await runHolst(['--data-dir', dataDir, 'library', 'list'], { env });
      expect(listed.stderr).toBe('');
      expect(listed).toMatchObject({ code: 0, stdout: 'No images.\n' });
      const where = await runHolst(['--data-dir', dataDir, '--json', 'settings', 'path'], { env });
      expect(where.code).toBe(0);
      expect(where.json()).toEqual({ dataDir, settingsFile: path.join(dataDir, 'settings.json') });
      const chats = await runHolst(['--data-dir', dataDir, 'conversations', 'list'], { env });
      expect(chats).toMatchObject({ code: 0, stdout: 'No conversations.\n' });
      expect(bus.connections()).toBe(0);

      // A key's status needs the keychain: it is asked, and a keychain that is not there means no key.
      const status = await runHolst(['--data-dir', dataDir, '--json', 'key', 'status', 'my-giga'], { env });
      expect(status.code).toBe(0);
      expect(status.json()).toEqual({ providerId: 'my-giga', set: false, last4: null, source: null });
      expect(bus.connections()).toBeGreaterThan(0);
      // Storing one says why it cannot, and what to do.
      const set = await runHolst(['--data-dir', dataDir, 'key', 'set', 'my-giga'], { env, input: 'sk-0123456789abcdef' });
      expect(set.code).not.toBe(0);
      expect(set.stderr).toMatch(/API keys cannot be saved: .*no system keychain.*HOLST_API_KEY_MY_GIGA/s);
    } finally {
      await bus.close();
    }
  });
});
