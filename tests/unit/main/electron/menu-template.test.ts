// The desktop app's menu, checked in plain Node (its module takes only types from Electron).
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { mainText, MAIN_TEXT, mainLanguage, systemLanguagesFromEnv } from '../../../../src/main/core/i18n/main-text';
import { menuTemplate, type MenuCommand } from '../../../../src/main/electron/menu-template';
import type { Language } from '../../../../src/shared/i18n';

function build(isMac: boolean, isPackaged = true, language: Language = 'en') {
  const calls: string[] = [];
  const template = menuTemplate({
    isMac,
    isPackaged,
    command: (name: MenuCommand) => () => calls.push(name),
    openLogs: () => calls.push('open-logs'),
    copyDiagnostics: () => calls.push('copy-diagnostics'),
    text: mainText(language),
  });
  return { template, calls };
}

const items = (menu: MenuItemConstructorOptions): MenuItemConstructorOptions[] => (menu.submenu as MenuItemConstructorOptions[]) ?? [];
const find = (menus: MenuItemConstructorOptions[], label: string) => menus.flatMap(items).find((i) => i.label === label);
const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.();

describe('application menu', () => {
  it('has the standard roles on every platform: Edit (copy/paste), View, Window, Help', () => {
    for (const isMac of [true, false]) {
      const { template } = build(isMac);
      const roles = template.map((m) => m.role ?? m.label);
      expect(roles).toEqual([...(isMac ? ['appMenu'] : []), 'File', 'editMenu', 'View', 'windowMenu', 'help']);
    }
  });

  it('sends its commands to the window, and offers the logs, diagnostics and About', () => {
    const { template, calls } = build(false);
    for (const label of ['New Chat', 'Chat', 'Library', 'Settings…', 'Open Logs Folder', 'Copy Diagnostics']) click(find(template, label));
    expect(calls).toEqual(['new-chat', 'chat', 'library', 'settings', 'open-logs', 'copy-diagnostics']);
    expect(find(template, 'New Chat')?.accelerator).toBe('CmdOrCtrl+N');
    expect(items(template.at(-1)!).some((i) => i.role === 'about')).toBe(true);
  });

  it('puts About and Settings in the macOS app menu, and developer tools only in unpacked builds', () => {
    const mac = build(true).template;
    expect(items(mac[0]!).map((i) => i.role ?? i.label)).toEqual(expect.arrayContaining(['about', 'Settings…', 'quit']));
    const view = (packaged: boolean) => items(build(false, packaged).template.find((m) => m.label === 'View')!).map((i) => i.role);
    expect(view(true)).not.toContain('toggleDevTools');
    expect(view(false)).toContain('toggleDevTools');
  });

  it('speaks Russian when the app does: its own labels, the same commands', () => {
    const { template, calls } = build(false, true, 'ru');
    expect(template.map((m) => m.role ?? m.label)).toEqual(['Файл', 'editMenu', 'Вид', 'windowMenu', 'help']);
    for (const label of ['Новый чат', 'Чат', 'Библиотека', 'Настройки…', 'Открыть папку журналов', 'Скопировать диагностику'])
      click(find(template, label));
    expect(calls).toEqual(['new-chat', 'chat', 'library', 'settings', 'open-logs', 'copy-diagnostics']);
  });
});

describe("the main process's language", () => {
  it('has every sentence in both languages, with the same placeholders', () => {
    expect(Object.keys(MAIN_TEXT.ru).sort()).toEqual(Object.keys(MAIN_TEXT.en).sort());
    for (const [key, text] of Object.entries(MAIN_TEXT.en)) {
      const names = (value: string) => [...value.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(names(MAIN_TEXT.ru[key as keyof typeof MAIN_TEXT.ru]), key).toEqual(names(text));
    }
    expect(mainText('ru')('dialog.logIn', { folder: '/tmp/logs' })).toBe('Журнал — в папке /tmp/logs.');
  });

  it('follows the setting, else the system locale', () => {
    expect(systemLanguagesFromEnv({ LANG: 'ru_RU.UTF-8' })).toEqual(['ru-RU']);
    expect(systemLanguagesFromEnv({ LC_ALL: 'C', LANG: 'en_GB.UTF-8' })).toEqual(['en-GB']);
    expect(mainLanguage('system', systemLanguagesFromEnv({ LANG: 'ru_RU.UTF-8' }))).toBe('ru');
    expect(mainLanguage('en', ['ru-RU'])).toBe('en');
    expect(mainLanguage('ru', [])).toBe('ru');
  });
});
