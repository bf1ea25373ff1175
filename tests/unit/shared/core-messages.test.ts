// What the core says to a person is in the window's language: every key it can send is in both
// catalogues with the same parameters, every key is one it really sends, and the modules that
// speak through the catalogue build no sentence of their own.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import ruCore from '../../../src/renderer/i18n/locales/ru/core.json';
import { resources } from '../../../src/renderer/i18n/resources';
import { CORE_MESSAGE_KEYS, CORE_MESSAGES, paramNames, REQUEST_SUBJECTS, say } from '../../../src/shared/core-messages';
import { HolstError } from '../../../src/shared/errors';

const ru = ruCore as Record<string, unknown>;
const sorted = (names: string[]) => [...new Set(names)].sort();

/** The core's modules whose every user-facing sentence goes through `say` (core-messages.ts). */
const SPEAKING_MODULES = [
  'src/main/core/providers/connection-test.ts',
  'src/main/core/net/provider-http.ts',
  'src/main/core/providers/common.ts',
  'src/main/core/library/export/export-image.ts',
  'src/main/core/library/export/export-job.ts',
  'src/main/core/library/export/zip-writer.ts',
  'src/main/core/providers/check-request.ts',
  'src/main/core/providers/provider-settings.ts',
  'src/main/core/library/export/save-folder.ts',
  'src/main/core/library/query/library-view.ts',
  'src/main/core/library/query/library-tags.ts',
  'src/main/core/library/image-library.ts',
  'src/main/core/library/bulk-actions.ts',
  'src/main/core/conversations/conversation-store.ts',
  'src/main/core/jobs/background-jobs.ts',
  'src/main/core/ipc/library-export-target.ts',
  'src/main/core/ipc/library-export-handlers.ts',
  'src/main/core/ipc/library-import-handlers.ts',
  'src/main/core/database/database.ts',
  'src/main/core/paths/window-paths.ts',
  'src/main/core/secrets/secret-store.ts',
  'src/main/core/providers/registry.ts',
  'src/main/core/providers/image-refs.ts',
  'src/main/core/providers/download.ts',
  'src/main/core/providers/gigachat/auth.ts',
  'src/main/core/providers/gigachat/index.ts',
  'src/main/core/providers/givon/answer.ts',
  'src/main/core/providers/openai-images/index.ts',
  'src/main/core/generation/input-images.ts',
  'src/main/core/generation/chat-service.ts',
  'src/main/core/generation/generate.ts',
  'src/main/core/generation/prepare.ts',
  'src/main/core/generation/mask-size.ts',
  'src/main/core/library/ingest/save-mask.ts',
  'src/main/core/library/ingest/receive-bytes.ts',
  'src/main/core/library/ingest/ingest.ts',
  'src/main/core/library/ingest/ingest-refusal.ts',
  'src/main/core/settings/settings-store.ts',
  'src/main/core/external-link.ts',
  'src/main/core/ipc/desktop-only.ts',
  'src/main/core/ipc/settings-handlers.ts',
  'src/main/core/ipc/app-handlers.ts',
  'src/main/core/ipc/dispatcher.ts',
  'src/main/core/app-core.ts',
  'src/main/core/providers/givon/index.ts',
];

describe("the core's sentences", () => {
  it.each(CORE_MESSAGE_KEYS)('%s is in both catalogues with the same parameters', (key) => {
    expect((resources.en.core as Record<string, unknown>)[key]).toBe(CORE_MESSAGES[key]);
    expect(typeof ru[key], `ru core.json has no "${key}"`).toBe('string');
    expect(sorted(paramNames(ru[key] as string))).toEqual(sorted(paramNames(CORE_MESSAGES[key])));
    // Russian really is Russian: Cyrillic, not the English left in place.
    expect(ru[key]).toMatch(/[а-яё]/i);
  });

  it('names every request a provider makes in both languages', () => {
    const subjects = ru.subject as Record<string, string>;
    expect(Object.keys(subjects).sort()).toEqual(Object.keys(REQUEST_SUBJECTS).sort());
    for (const phrase of Object.values(subjects)) expect(phrase).toMatch(/^[а-яё ]+$/);
  });

  it('has no Russian entry the core cannot send', () => {
    expect(Object.keys(ru).filter((key) => key !== 'subject' && !(key in CORE_MESSAGES))).toEqual([]);
  });

  it('sends only keys the core really uses', () => {
    const main = fs
      .readdirSync('src/main', { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => path.join('src/main', file));
    // errors.ts builds the core's refusal of input that fails its schema (invalidInput).
    const source = [...main, 'src/shared/errors.ts'].map((file) => fs.readFileSync(file, 'utf8')).join('\n');
    const used = (key: string) => source.includes(`'${key}'`) || key === 'providerSaid';
    expect(CORE_MESSAGE_KEYS.filter((key) => !used(key))).toEqual([]);
  });

  it.each(SPEAKING_MODULES)('%s says nothing outside the catalogue', (file) => {
    const source = fs.readFileSync(file, 'utf8');
    // A HolstError with a sentence of its own, or a connection step with a literal message.
    expect(source).not.toMatch(/new HolstError\(/);
    expect(source).not.toMatch(/message: [`'"]/);
  });

  it('fills in the English for the CLI and the log, sending the subject by its id and the provider’s words apart', () => {
    const sentence = say('providerAnswered401', { name: 'GigaChat', status: 401, what: 'the model list' }, '  Token has expired  ');
    expect(sentence).toEqual({
      key: 'providerAnswered401',
      params: { name: 'GigaChat', status: '401', what: 'modelList' },
      quote: 'Token has expired',
      message: 'GigaChat answered 401 to the model list. Check the API key in Settings → Providers. It said: “Token has expired”',
    });
    expect(HolstError.said('auth', sentence).toPayload()).toEqual({ code: 'auth', ...sentence });
  });
});
