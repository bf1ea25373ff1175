/**
 * What the main process says to the user itself — the native menus and dialogs — in the language
 * the settings choose (or the system's). The window has its own catalogues; these few sentences
 * live here so the core and the Electron glue need no browser library. The CLI stays English.
 */
import { resolveLanguage, type Language } from '../../../shared/i18n';

const en = {
  'menu.settings': 'Settings…',
  'menu.file': 'File',
  'menu.newChat': 'New Chat',
  'menu.chat': 'Chat',
  'menu.library': 'Library',
  'menu.view': 'View',
  'menu.openLogs': 'Open Logs Folder',
  'menu.copyDiagnostics': 'Copy Diagnostics',
  'menu.about': 'About Holst',
  'menu.checkForUpdates': 'Check for Updates…',
  'update.notConfigured': 'Updates are not configured for this build',
  'update.notConfiguredDetail': 'This copy of Holst was built without an update feed. Get new versions where you got this one.',
  'update.upToDate': 'Holst is up to date',
  'update.upToDateDetail': 'Version {version} is the newest.',
  'update.downloading': 'Downloading Holst {version}',
  'update.downloadingDetail': 'You can keep working. Holst will ask before restarting to install it.',
  'update.ready': 'Holst {version} is ready to install',
  'update.readyDetail': 'Restart now to install it, or later: it is installed when you quit Holst.',
  'update.restart': 'Restart Now',
  'update.later': 'Later',
  'update.failed': 'Holst could not be updated',
  'update.unreachable': 'The update server could not be reached. Nothing was installed; try again later.',
  'update.malformed': 'The update server answered with something that is not a valid update. Nothing was installed.',
  'update.checksum': 'The downloaded update did not match its checksum and was thrown away. Nothing was installed.',
  'update.other': 'Nothing was installed. The log has the details.',
  'about.copyright': 'Images you make stay on your computer.',
  'dialog.logsFailed': 'Could not open the logs folder',
  'dialog.diagnosticsCopied': 'Diagnostics copied',
  'dialog.diagnosticsCopiedDetail':
    'Versions, settings without secrets and the last log lines are on the clipboard, ready to paste into a report.',
  'dialog.importTitle': 'Import images',
  'dialog.imagesFilter': 'Images',
  'dialog.saveCopyTitle': 'Save a copy',
  'dialog.exportFolderTitle': 'Export images to a folder',
  'dialog.exportZipTitle': 'Export images as a ZIP',
  'dialog.zipFilter': 'ZIP archives',
  'dialog.saveFolderTitle': 'Choose the save folder',
  'dialog.replaceTitle': 'Replace files in “{folder}”?',
  'dialog.replaceDetail': 'Pictures with the same names as the exported ones will be overwritten.',
  'dialog.replace': 'Replace',
  'dialog.cancel': 'Cancel',
  'dialog.windowGone': 'The Holst window stopped working',
  'dialog.windowGoneDetail': 'Your library and conversations are saved. Reload the window to carry on.',
  'dialog.reload': 'Reload',
  'dialog.quit': 'Quit',
  'dialog.startFailed': 'Holst could not start',
  'dialog.logIn': 'The log is in {folder}.',
  'serve.running': 'Holst is running in your browser at {url}',
  'serve.dataFolder': 'Data folder: {folder}',
  'serve.stop': 'Press Ctrl+C to stop.',
} as const;

export type MainTextKey = keyof typeof en;

const ru: Record<MainTextKey, string> = {
  'menu.settings': 'Настройки…',
  'menu.file': 'Файл',
  'menu.newChat': 'Новый чат',
  'menu.chat': 'Чат',
  'menu.library': 'Библиотека',
  'menu.view': 'Вид',
  'menu.openLogs': 'Открыть папку журналов',
  'menu.copyDiagnostics': 'Скопировать диагностику',
  'menu.about': 'О программе Holst',
  'menu.checkForUpdates': 'Проверить обновления…',
  'update.notConfigured': 'В этой сборке обновления не настроены',
  'update.notConfiguredDetail': 'Эта копия Holst собрана без источника обновлений. Новые версии берите там же, где взяли эту.',
  'update.upToDate': 'У вас последняя версия Holst',
  'update.upToDateDetail': 'Версия {version} — самая новая.',
  'update.downloading': 'Загружается Holst {version}',
  'update.downloadingDetail': 'Можно продолжать работу. Перед перезапуском для установки Holst спросит вас.',
  'update.ready': 'Holst {version} готов к установке',
  'update.readyDetail': 'Перезапустите сейчас, чтобы установить, или позже: обновление установится при выходе из Holst.',
  'update.restart': 'Перезапустить',
  'update.later': 'Позже',
  'update.failed': 'Не удалось обновить Holst',
  'update.unreachable': 'Сервер обновлений недоступен. Ничего не установлено; попробуйте позже.',
  'update.malformed': 'Сервер обновлений прислал не обновление, а что-то другое. Ничего не установлено.',
  'update.checksum': 'Загруженное обновление не совпало с контрольной суммой и удалено. Ничего не установлено.',
  'update.other': 'Ничего не установлено. Подробности — в журнале.',
  'about.copyright': 'Ваши картинки остаются на вашем компьютере.',
  'dialog.logsFailed': 'Не удалось открыть папку журналов',
  'dialog.diagnosticsCopied': 'Диагностика скопирована',
  'dialog.diagnosticsCopiedDetail':
    'Версии, настройки без секретов и последние строки журнала — в буфере обмена; вставьте их в сообщение о проблеме.',
  'dialog.importTitle': 'Импорт изображений',
  'dialog.imagesFilter': 'Изображения',
  'dialog.saveCopyTitle': 'Сохранить копию',
  'dialog.exportFolderTitle': 'Экспорт изображений в папку',
  'dialog.exportZipTitle': 'Экспорт изображений в ZIP',
  'dialog.zipFilter': 'Архивы ZIP',
  'dialog.saveFolderTitle': 'Выберите папку для сохранения',
  'dialog.replaceTitle': 'Заменить файлы в папке «{folder}»?',
  'dialog.replaceDetail': 'Картинки с теми же именами, что у экспортируемых, будут перезаписаны.',
  'dialog.replace': 'Заменить',
  'dialog.cancel': 'Отмена',
  'dialog.windowGone': 'Окно Holst перестало работать',
  'dialog.windowGoneDetail': 'Библиотека и чаты сохранены. Перезагрузите окно, чтобы продолжить.',
  'dialog.reload': 'Перезагрузить',
  'dialog.quit': 'Выйти',
  'dialog.startFailed': 'Holst не удалось запустить',
  'dialog.logIn': 'Журнал — в папке {folder}.',
  'serve.running': 'Holst открыт в браузере: {url}',
  'serve.dataFolder': 'Папка данных: {folder}',
  'serve.stop': 'Чтобы остановить, нажмите Ctrl+C.',
};

export const MAIN_TEXT: Record<Language, Record<MainTextKey, string>> = { en, ru };

export type MainText = (key: MainTextKey, values?: Record<string, string>) => string;

/** The text function for a language: `{name}` placeholders are filled from `values`. */
export function mainText(language: Language): MainText {
  return (key, values = {}) => MAIN_TEXT[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The system's preferred languages from the locale variables (LC_ALL, LC_MESSAGES, LANG), for plain Node. */
export function systemLanguagesFromEnv(env: NodeJS.ProcessEnv): string[] {
  return [env.LC_ALL, env.LC_MESSAGES, env.LANG, env.LANGUAGE?.split(':')[0]]
    .filter((value): value is string => !!value && value !== 'C' && value !== 'POSIX')
    .map((value) => value.split('.')[0]!.replace('_', '-'));
}

/** The main process's language: the setting, else the system's (as `systemLanguages` lists them). */
export const mainLanguage = (setting: string | undefined, systemLanguages: readonly string[]): Language =>
  resolveLanguage(setting, systemLanguages);
