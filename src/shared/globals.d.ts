/** Injected at build time (esbuild, Vite and Vitest `define`) from package.json. */
declare const __HOLST_VERSION__: string;
