import { randomBytes } from 'node:crypto';

/** A keychain service name of its own per test run, so tests never touch the user's "Holst" entries. */
export const testKeychainService = (): string => `Holst-test-${randomBytes(4).toString('hex')}`;

/** Keys that look real: long enough for the last four characters to be shown. */
export const fakeApiKey = (last4 = 'abcd'): string => `sk-test-${randomBytes(12).toString('hex')}${last4}`;
