import os from 'node:os';
import type { AppInfo } from '../../shared/contract';
import type { CoreServices } from './services';
import { redact } from './logging/redact';
import { knownSecrets } from './logging/known-secrets';
import { PROXY_SECRET_ID } from './secrets/secret-store';

/**
 * What someone helping with a problem needs, as text to paste: versions, the platform, the
 * settings (which hold no secrets; the window position left out), where each key comes from
 * (never the key), the library's size and the last lines of the log. Redacted once more as a whole.
 */
export async function diagnostics(
  core: Pick<CoreServices, 'settings' | 'secrets' | 'library' | 'log'> & { info(): Promise<AppInfo> },
  logLines = 200,
): Promise<string> {
  const info = await core.info();
  const settings = core.settings.get();
  const versions = Object.entries(process.versions)
    .filter(([name]) => ['node', 'electron', 'chrome', 'v8', 'uv', 'openssl', 'modules'].includes(name))
    .map(([name, version]) => `${name} ${version}`)
    .join(', ');
  const keys = await Promise.all(
    settings.providers.map(async (p) => {
      const status = await core.secrets.status(p.id).catch(() => null);
      const key = status ? (status.set ? `key from ${status.source}` : 'no key') : 'key status unreadable';
      return `  ${p.id} (${p.kind}) ${p.baseUrl} — ${key}${p.caFile ? ', extra CA file' : ''}, ${p.models?.length ?? 0} models`;
    }),
  );
  const proxyPassword = settings.network.proxy?.username ? (await core.secrets.status(PROXY_SECRET_ID).catch(() => null))?.set : false;
  const { window: _window, ...shown } = settings;
  const counts = core.library.stats();
  const lines = [
    `Holst ${info.version} (${info.shell})`,
    `Platform: ${process.platform} ${os.release()} ${process.arch}; ${versions}`,
    `Data folder: ${info.dataDir}`,
    `Settings file: ${info.settingsFile}`,
    `Key storage: ${info.secretBackend}`,
    `Library: ${counts.images} images (${counts.trashed} in the trash), ${counts.conversations} conversations`,
    `Providers:`,
    ...(keys.length > 0 ? keys : ['  none']),
    `Proxy: ${settings.network.proxy ? `${settings.network.proxy.url}${settings.network.proxy.username ? `, user set, password ${proxyPassword ? 'set' : 'not set'}` : ''}` : 'none'}`,
    '',
    'Settings:',
    JSON.stringify(shown, null, 2),
    '',
    `Last ${logLines} log lines:`,
    ...(core.log ? core.log.tail(logLines) : ['(this shell keeps no log file)']),
  ];
  return redact(lines.join('\n'), knownSecrets());
}
