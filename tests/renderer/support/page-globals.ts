// What the renderer's modules find on a page and Node 20 lacks: the languages i18n starts from.
// Imported before the renderer code under test.
if (typeof globalThis.navigator === 'undefined') {
  Object.defineProperty(globalThis, 'navigator', { value: { languages: ['en-US'] }, configurable: true });
}
