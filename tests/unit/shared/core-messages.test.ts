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

/**
 * Every module of the core says what it says to a person through `say` (core-messages.ts), but
 * these, for the reason given.
 */
const SAYS_OTHERWISE: Record<string, string> = {
  // Its notices carry a key of the window's own catalogue (app.json); `message` is for the log.
  'src/main/core/secrets/keychain-notice.ts': 'keys of the app catalogue',
  // An aggregator's own status lines ("Прогресс: 27%"), passed on in its words after its name.
  'src/main/core/providers/openai-chat/index.ts': "the provider's words",
};
const CORE_MODULES = fs
  .readdirSync('src/main/core', { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts'))
  .map((file) => path.join('src/main/core', file).split(path.sep).join('/'))
  .sort();
const SPEAKING_MODULES = CORE_MODULES.filter((file) => !(file in SAYS_OTHERWISE));

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

  it('reads every module of the core, and the exceptions are modules of it', () => {
    expect(CORE_MODULES.length).toBeGreaterThan(90);
    for (const file of Object.keys(SAYS_OTHERWISE)) expect(CORE_MODULES).toContain(file);
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
