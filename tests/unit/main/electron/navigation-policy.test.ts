import { describe, expect, it } from 'vitest';
import { decideNavigation, decideWillNavigate, originOf } from '../../../../src/main/electron/navigation-policy';

const app = ['holst-app://app'];

describe('window navigation policy', () => {
  it('keeps the app on its own pages', () => {
    expect(decideWillNavigate('holst-app://app/index.html#settings', 'holst-app://app/index.html', app)).toBe('allow');
  });

  it('refuses in-window navigation to the web and opens http(s) links in the system browser instead', () => {
    expect(decideWillNavigate('https://example.com/', 'holst-app://app/index.html', app)).toBe('external');
    expect(decideNavigation('http://example.com/page', app)).toBe('external');
  });

  it('refuses every other scheme outright', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<b>x</b>',
      'smb://host/share',
      'holst-app://evil/x',
      'not a url',
    ]) {
      expect(decideWillNavigate(url, 'holst-app://app/index.html', app), url).toBe('deny');
    }
  });

  it('refuses links that carry credentials', () => {
    expect(decideNavigation('https://user:pass@example.com/', app)).toBe('deny');
  });
});

describe('originOf', () => {
  it('gives custom schemes a real origin (Node says "null" for them)', () => {
    expect(new URL('holst-app://app/index.html').origin).toBe('null');
    expect(originOf('holst-app://app/index.html')).toBe('holst-app://app');
    expect(originOf('http://127.0.0.1:5173/x?y')).toBe('http://127.0.0.1:5173');
    expect(originOf('about:blank')).toBeNull();
    expect(originOf('garbage')).toBeNull();
  });
});
