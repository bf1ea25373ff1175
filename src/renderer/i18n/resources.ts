/**
 * Every catalogue, bundled: one JSON file per feature and language, with the same keys in each
 * language. English `core` (what the core says itself) is the core's own list of sentences, so the
 * window's English and the CLI's never drift apart.
 */
import { CORE_MESSAGES, REQUEST_SUBJECTS } from '../../shared/core-messages';
import enApp from './locales/en/app.json';
import enChat from './locales/en/chat.json';
import enCommon from './locales/en/common.json';
import enErrors from './locales/en/errors.json';
import enSettings from './locales/en/settings.json';
import enMask from './locales/en/mask.json';
import enCompare from './locales/en/compare.json';
import enLibrary from './locales/en/library.json';
import enQueue from './locales/en/queue.json';
import ruApp from './locales/ru/app.json';
import ruChat from './locales/ru/chat.json';
import ruCommon from './locales/ru/common.json';
import ruErrors from './locales/ru/errors.json';
import ruSettings from './locales/ru/settings.json';
import ruMask from './locales/ru/mask.json';
import ruCompare from './locales/ru/compare.json';
import ruLibrary from './locales/ru/library.json';
import ruQueue from './locales/ru/queue.json';
import ruCore from './locales/ru/core.json';

const enCore = { ...CORE_MESSAGES, subject: REQUEST_SUBJECTS };

export const resources = {
  en: {
    common: enCommon,
    app: enApp,
    chat: enChat,
    errors: enErrors,
    settings: enSettings,
    mask: enMask,
    compare: enCompare,
    library: enLibrary,
    queue: enQueue,
    core: enCore,
  },
  ru: {
    common: ruCommon,
    app: ruApp,
    chat: ruChat,
    errors: ruErrors,
    settings: ruSettings,
    mask: ruMask,
    compare: ruCompare,
    library: ruLibrary,
    queue: ruQueue,
    core: ruCore,
  },
} as const;
