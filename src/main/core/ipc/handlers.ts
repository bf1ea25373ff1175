import type { ProviderView } from '../../../shared/contract';
import { HolstError } from '../../../shared/errors';
import type { ProviderConfig } from '../../../shared/settings';
import type { AppCore } from '../app-core';
import { diagnostics } from '../diagnostics';
import { externalLinkUrl } from '../external-link';
import type { Handlers } from './dispatcher';
import { createGenerationHandlers } from './generation-handlers';
import { createLibraryHandlers } from './library-handlers';
import { setSaveFolder } from './save-folder-handler';
import { UPDATES_UNAVAILABLE } from '../update/update-state';
import { PROXY_SECRET_ID } from '../secrets/secret-store';

/** Maps every contract channel to the core service that answers it. */
export function createHandlers(core: AppCore): Handlers {
  const { settings, secrets, notices, events } = core;

  const providerViews = async (): Promise<ProviderView[]> =>
    Promise.all(settings.get().providers.map(async (config) => ({ config, key: await secrets.status(config.id) })));

  const requireProvider = (id: string): ProviderConfig => {
    const provider = settings.get().providers.find((p) => p.id === id);
    if (!provider) throw new HolstError('not_found', `There is no provider "${id}". Add it in Settings → Providers first.`);
    return provider;
  };

  const announceProviders = async () => events.emit('providers.changed', await providerViews());

  const networkView = async () => ({
    network: settings.get().network,
    proxyPasswordSet: (await secrets.status(PROXY_SECRET_ID)).set,
  });

  return {
    ...createLibraryHandlers(core),
    ...createGenerationHandlers(core),
    'network.get': () => networkView(),
    'network.save': async ({ network, proxyPassword }) => {
      if (typeof proxyPassword === 'string' && proxyPassword !== '' && !network.proxy?.username) {
        throw new HolstError('invalid_input', 'A proxy password needs a proxy user name.', { field: 'network.proxy.username' });
      }
      await settings.update((draft) => ({ ...draft, network }));
      // Without a proxy user there is nothing for a password to belong to.
      if (!network.proxy?.username || proxyPassword === null) {
        if (secrets.backendKind !== 'unavailable') await secrets.clear(PROXY_SECRET_ID);
      } else if (typeof proxyPassword === 'string' && proxyPassword !== '') {
        await secrets.set(PROXY_SECRET_ID, proxyPassword);
      }
      return networkView();
    },
    'app.info': () => core.info(),
    'app.notices': () => notices.list(),
    'app.diagnostics': async () => ({ text: await diagnostics(core) }),
    'app.openLogsFolder': async () => {
      const folder = core.log?.dir ?? null;
      if (!folder || !core.desktop) return { path: folder, opened: false };
      await core.desktop.openFolder(folder).catch((error: Error) => {
        throw new HolstError('storage', `Could not open ${folder}: ${error.message}`);
      });
      return { path: folder, opened: true };
    },
    'app.openExternal': async ({ url }) => {
      const target = externalLinkUrl(url);
      // Without a desktop (browser harness, CLI) the page opens the checked link itself.
      if (!core.desktop) return { opened: false };
      await core.desktop.openExternal(target).catch((error: Error) => {
        throw new HolstError('internal', `Could not open ${target} in the browser: ${error.message}`);
      });
      return { opened: true };
    },
    'app.checkForUpdates': () => core.desktop?.checkForUpdates?.() ?? UPDATES_UNAVAILABLE,
    'app.updateStatus': () => core.desktop?.updateStatus?.() ?? UPDATES_UNAVAILABLE,
    'app.dismissNotice': ({ id }) => {
      notices.dismiss(id);
      return null;
    },
    'settings.get': () => settings.get(),
    'settings.setTheme': ({ theme }) => settings.update((draft) => ({ ...draft, appearance: { ...draft.appearance, theme } })),
    'settings.setLanguage': ({ language }) => settings.update((draft) => ({ ...draft, appearance: { ...draft.appearance, language } })),
    'settings.setSaveFolder': (input) => setSaveFolder(core, input),
    'providers.list': () => providerViews(),
    'providers.save': async ({ provider, previousId }) => {
      const existing = settings.get().providers;
      const replacing = previousId ?? null;
      if (replacing !== null) requireProvider(replacing);
      if (provider.id !== replacing && existing.some((p) => p.id === provider.id)) {
        throw new HolstError('invalid_input', `A provider with the id "${provider.id}" already exists.`, { field: 'provider.id' });
      }
      await settings.update((draft) => {
        const providers =
          replacing === null ? [...draft.providers, provider] : draft.providers.map((p) => (p.id === replacing ? provider : p));
        return { ...draft, providers };
      });
      if (replacing !== null && replacing !== provider.id) await moveKey(core, replacing, provider.id);
      await announceProviders();
      return { config: provider, key: await secrets.status(provider.id) };
    },
    'providers.remove': async ({ id }) => {
      requireProvider(id);
      await settings.update((draft) => ({ ...draft, providers: draft.providers.filter((p) => p.id !== id) }));
      if (secrets.backendKind !== 'unavailable') await secrets.clear(id);
      await announceProviders();
      return null;
    },
    'secrets.status': ({ providerId }) => secrets.status(providerId),
    'secrets.set': async ({ providerId, key }) => {
      requireProvider(providerId);
      const status = await secrets.set(providerId, key);
      await announceProviders();
      return status;
    },
    'secrets.clear': async ({ providerId }) => {
      requireProvider(providerId);
      const status = await secrets.clear(providerId);
      await announceProviders();
      return status;
    },
  };
}

/** A renamed provider keeps its key: it moves to the keychain entry of the new id. */
async function moveKey(core: AppCore, fromId: string, toId: string): Promise<void> {
  if (core.secrets.backendKind === 'unavailable') return;
  const status = await core.secrets.status(fromId);
  if (!status.set || status.source === 'env') return;
  const key = await core.secrets.resolve(fromId);
  if (key) await core.secrets.set(toId, key);
  await core.secrets.clear(fromId);
}
