// Types for scripts/launch-language.mjs, so TypeScript tests can import it.
export type LaunchLanguage = 'en' | 'ru';

export function launchDataDir(argv?: readonly string[], env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform, home?: string): string;
export function languageSetting(dataDir: string): string | undefined;
export function resolveLaunchLanguage(setting: string | undefined, env?: NodeJS.ProcessEnv): LaunchLanguage;
export function launchLanguage(argv?: readonly string[], env?: NodeJS.ProcessEnv): LaunchLanguage;
