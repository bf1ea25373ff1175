// The desktop app's menu, checked in plain Node (its module takes only types from Electron).
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate, type MenuCommand } from '../../src/main/electron/menu-template';

function build(isMac: boolean, isPackaged = true) {
  const calls: string[] = [];
  const template = menuTemplate({
    isMac,
    isPackaged,
    command: (name: MenuCommand) => () => calls.push(name),
    openLogs: () => calls.push('open-logs'),
    copyDiagnostics: () => calls.push('copy-diagnostics'),
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
});
