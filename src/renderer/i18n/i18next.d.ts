// Keys are checked at compile time against the English catalogues: t('chat:missing') does not type-check.
import 'i18next';
import type { resources } from './resources';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: (typeof resources)['en'];
  }
}
