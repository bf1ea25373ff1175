// Packaging checks that run without Electron's binary: electron-builder.yml (targets, native modules, fuses,
// signing, icons, publish), the icons script, and the afterPack hook that checks packaged native binaries.
// `npm run dist` itself needs Electron's zip from GitHub and is not run here.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { PlatformPackager } from 'app-builder-lib';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration, TargetConfiguration } from 'electron-builder';
import { minimatch } from 'minimatch';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../../support/temp-dir';

afterAll(removeTempDirs);

const root = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const requireCjs = createRequire(import.meta.url);
// js-yaml is the parser electron-builder itself reads this file with.
const yaml = requireCjs('js-yaml') as { load(text: string): unknown };

const configFile = path.join(root, 'electron-builder.yml');
const config = yaml.load(fs.readFileSync(configFile, 'utf8')) as Configuration;
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  homepage?: string;
  author?: string | { name?: string; email?: string };
};

type TargetEntry = string | TargetConfiguration;

/** Every target of one OS as { name: archs }, whichever of electron-builder's spellings the file uses. */
function targetsOf(platform: { target?: TargetEntry | TargetEntry[] | null } | null | undefined): Record<string, string[]> {
  const list = platform?.target == null ? [] : Array.isArray(platform.target) ? platform.target : [platform.target];
  const result: Record<string, string[]> = {};
  for (const entry of list) {
    const target = typeof entry === 'string' ? { target: entry } : entry;
    const arch = target.arch == null ? [] : Array.isArray(target.arch) ? target.arch : [target.arch];
    result[target.target] = [...arch].sort();
  }
  return result;
}

describe('electron-builder.yml', () => {
  it('is valid for the installed electron-builder (its own schema check)', async () => {
    await expect(validateConfiguration(config, { isEnabled: false, add: () => {} } as never)).resolves.toBeUndefined();
  });

  it('names the app', () => {
    expect(config.appId).toBe('app.holst.desktop');
    expect(config.productName).toBe('Holst');
  });

  it('builds NSIS for Windows, DMG and the zip updates need for macOS (x64 and arm64 each), AppImage and deb for Linux', () => {
    expect(targetsOf(config.win)).toEqual({ nsis: ['arm64', 'x64'] });
    expect(targetsOf(config.mac)).toEqual({ dmg: ['arm64', 'x64'], zip: ['arm64', 'x64'] });
    expect(targetsOf(config.linux)).toEqual({ AppImage: ['x64'], deb: ['x64'] });
  });

  it('rebuilds native modules for Electron', () => {
    expect(config.npmRebuild).toBe(true);
  });

  it('flips the fuses when packaging', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('hands @electron/fuses exactly those fuses', async () => {
    // electron-builder turns `electronFuses` into this wire config and flips it after afterPack, before signing.
    const packager = PlatformPackager.prototype as unknown as { generateFuseConfig(fuses: unknown): Promise<unknown> };
    expect(await packager.generateFuseConfig(config.electronFuses)).toEqual({
      version: FuseVersion.V1,
      resetAdHocDarwinSignature: true,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });

  it('signs macOS with the hardened runtime and a minimal entitlements file; notarization is left to the environment', () => {
    expect(config.mac?.hardenedRuntime).toBe(true);
    const entitlements = fs.readFileSync(path.join(root, config.mac!.entitlements!), 'utf8');
    const keys = [...entitlements.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1]);
    expect(keys).toEqual(['com.apple.security.cs.allow-jit']);
    // Unset: electron-builder notarizes when APPLE_* variables are present and skips it otherwise.
    expect(config.mac?.notarize).toBeUndefined();
  });

  it('holds no signing secrets', () => {
    const text = fs.readFileSync(configFile, 'utf8');
    for (const key of ['cscLink', 'cscKeyPassword', 'certificatePassword', 'certificateFile', 'appleIdPassword', 'appleApiKey']) {
      expect(text).not.toMatch(new RegExp(`^\\s*${key}\\s*:`, 'm'));
    }
  });

  it('publishes nowhere yet', () => {
    expect(config).toHaveProperty('publish', null);
  });

  it('checks the packaged native binaries after packing', () => {
    expect(config.afterPack).toBe('./scripts/after-pack.cjs');
    expect(typeof requireCjs(path.join(root, String(config.afterPack)))).toBe('function');
  });
});

describe('native modules', () => {
  const NATIVE_FILE = /\.(node|dylib|dll|so)$|\.so\.\d+(\.\d+)*$/;
  const patterns = (
    config.asarUnpack == null ? [] : Array.isArray(config.asarUnpack) ? config.asarUnpack : [config.asarUnpack]
  ) as string[];
  // electron-builder matches asarUnpack with minimatch and { dot: true } against paths relative to the app.
  const unpacked = (file: string) => patterns.some((p) => minimatch(file.split(path.sep).join('/'), p, { dot: true }));

  /** Where Node would find `name` from `fromDir` (the package's own node_modules first, then up to the root). */
  function packageDir(name: string, fromDir: string): string | null {
    for (let dir = fromDir; ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, 'node_modules', name);
      if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
      if (dir === root || path.dirname(dir) === dir) return null;
    }
  }

  /** Every installed package the runtime dependencies pull in, with its directory. */
  function runtimePackages(): Map<string, string> {
    const found = new Map<string, string>();
    const queue = Object.keys(pkg.dependencies).map((name) => ({ name, from: root }));
    while (queue.length > 0) {
      const { name, from } = queue.shift()!;
      const dir = packageDir(name, from);
      if (!dir || found.has(dir)) continue;
      found.set(dir, name);
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        dependencies?: Record<string, string>;
        optionalDependencies?: Record<string, string>;
      };
      // Optional dependencies for other OSes and CPUs are not installed; packageDir skips them.
      for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) queue.push({ name: dep, from: dir });
    }
    return found;
  }

  /** Files of one package, not of the packages nested in its own node_modules. */
  function filesOf(dir: string): string[] {
    return fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name))
      .filter((f) => !path.relative(dir, f).split(path.sep).includes('node_modules'));
  }

  const natives = new Map<string, string[]>();
  beforeAll(() => {
    for (const [dir, name] of runtimePackages()) {
      const files = filesOf(dir);
      const binaries = files.filter((f) => NATIVE_FILE.test(path.basename(f)));
      if (binaries.length > 0 || fs.existsSync(path.join(dir, 'binding.gyp'))) {
        natives.set(
          name,
          [path.join(dir, 'package.json'), ...binaries].map((f) => path.relative(root, f)),
        );
      }
    }
  });

  it('finds the native packages among the runtime dependencies', () => {
    const names = [...natives.keys()];
    expect(names).toEqual(expect.arrayContaining(['keytar', 'better-sqlite3']));
    expect(names.some((n) => n.startsWith('@img/sharp-') && !n.startsWith('@img/sharp-libvips-'))).toBe(true);
  });

  it('unpacks every one of them from the asar, with every binary it ships', () => {
    for (const [name, files] of natives) {
      for (const file of files) expect(unpacked(file), `${name}: ${file}`).toBe(true);
    }
  });

  it('unpacks sharp and its binaries for every OS, not only the one that built the package', () => {
    for (const file of [
      'node_modules/sharp/lib/sharp.js',
      'node_modules/@img/sharp-darwin-arm64/lib/sharp-darwin-arm64.node',
      'node_modules/@img/sharp-libvips-darwin-x64/lib/libvips-cpp.8.18.7.dylib',
      'node_modules/@img/sharp-win32-arm64/lib/libvips-42.dll',
      'node_modules/@img/sharp-libvips-linux-x64/lib/libvips-cpp.so.8.18.7',
    ]) {
      expect(unpacked(file), file).toBe(true);
    }
  });

  it('keeps the app code itself in the asar', () => {
    expect(unpacked('out/main/index.cjs')).toBe(false);
    expect(unpacked('node_modules/undici/index.js')).toBe(false);
  });
});

describe('icons', () => {
  const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
  const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
  let out = '';

  beforeAll(async () => {
    out = await tempDir('holst-icons-');
    const run = spawnSync(process.execPath, [path.join(root, 'scripts', 'icons.mjs'), '--out', out], { cwd: root, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
  });

  it('come from one committed vector source', async () => {
    const meta = await sharp(path.join(root, 'build', 'icon.svg')).metadata();
    expect(meta.format).toBe('svg');
    expect(meta.width).toBe(meta.height);
  });

  it('are where electron-builder.yml looks for them', () => {
    for (const configured of [config.mac?.icon, config.win?.icon, config.linux?.icon]) {
      expect(configured).toMatch(/^build\//);
      expect(fs.existsSync(path.join(out, path.relative('build', configured!))), configured!).toBe(true);
    }
  });

  it('include a 1024 px PNG for macOS', async () => {
    const meta = await sharp(path.join(out, 'icon.png')).metadata();
    expect([meta.format, meta.width, meta.height, meta.hasAlpha]).toEqual(['png', 1024, 1024, true]);
  });

  it('include every Linux size', async () => {
    expect(fs.readdirSync(path.join(out, 'icons')).sort()).toEqual(LINUX_SIZES.map((s) => `${s}x${s}.png`).sort());
    for (const size of LINUX_SIZES) {
      const meta = await sharp(path.join(out, 'icons', `${size}x${size}.png`)).metadata();
      expect([meta.format, meta.width, meta.height], `${size}`).toEqual(['png', size, size]);
    }
  });

  it('include an ICO with the Windows sizes as PNG entries', async () => {
    const ico = fs.readFileSync(path.join(out, 'icon.ico'));
    expect(ico.readUInt16LE(0)).toBe(0); // reserved
    expect(ico.readUInt16LE(2)).toBe(1); // icon, not cursor
    const count = ico.readUInt16LE(4);
    expect(count).toBe(ICO_SIZES.length);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const entry = 6 + i * 16;
      const width = ico[entry] || 256;
      const height = ico[entry + 1] || 256;
      expect(height).toBe(width);
      expect(ico.readUInt16LE(entry + 4)).toBe(1); // planes
      expect(ico.readUInt16LE(entry + 6)).toBe(32); // bits per pixel
      const length = ico.readUInt32LE(entry + 8);
      const offset = ico.readUInt32LE(entry + 12);
      expect(offset + length).toBeLessThanOrEqual(ico.length);
      const png = ico.subarray(offset, offset + length);
      expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      const meta = await sharp(png).metadata();
      expect([meta.width, meta.height]).toEqual([width, width]);
      sizes.push(width);
    }
    expect(sizes).toEqual(ICO_SIZES);
  });
});

describe('package.json for packaging', () => {
  it('makes the icons before electron-builder runs', () => {
    expect(pkg.scripts.dist).toMatch(/node scripts\/icons\.mjs.*&&.*electron-builder --config electron-builder\.yml/);
  });

  it('has the homepage and maintainer e-mail the deb needs', () => {
    expect(pkg.homepage).toMatch(/^https?:\/\//);
    const email = typeof pkg.author === 'string' ? /<([^>]+)>/.exec(pkg.author)?.[1] : pkg.author?.email;
    expect(email).toMatch(/@/);
  });
});

interface BinaryInfo {
  format: 'elf' | 'macho' | 'pe';
  archs: string[];
}
interface AfterPackHook {
  (context: {
    appOutDir: string;
    electronPlatformName: string;
    arch: number;
    packager: { appInfo: { productFilename: string } };
  }): Promise<void>;
  checkPackagedNatives(unpackedDir: string, platform: string, arch: string): string[];
  readBinaryInfo(file: string): BinaryInfo | null;
}

describe('afterPack: packaged native binaries', () => {
  const hook = requireCjs(path.join(root, 'scripts', 'after-pack.cjs')) as AfterPackHook;

  const elf = (machine: number) => {
    const b = Buffer.alloc(64);
    b.writeUInt32BE(0x7f454c46, 0);
    b[4] = 2; // 64-bit
    b[5] = 1; // little-endian
    b.writeUInt16LE(machine, 18);
    return b;
  };
  const macho = (cpu: number) => {
    const b = Buffer.alloc(32);
    b.writeUInt32LE(0xfeedfacf, 0);
    b.writeUInt32LE(cpu, 4);
    return b;
  };
  const fat = (...cpus: number[]) => {
    const b = Buffer.alloc(8 + 20 * cpus.length);
    b.writeUInt32BE(0xcafebabe, 0);
    b.writeUInt32BE(cpus.length, 4);
    cpus.forEach((cpu, i) => b.writeUInt32BE(cpu, 8 + i * 20));
    return b;
  };
  const pe = (machine: number) => {
    const b = Buffer.alloc(0x100);
    b.write('MZ', 0, 'latin1');
    b.writeUInt32LE(0x80, 0x3c);
    b.write('PE\0\0', 0x80, 'latin1');
    b.writeUInt16LE(machine, 0x84);
    return b;
  };
  const MACHO_X64 = 0x01000007;
  const MACHO_ARM64 = 0x0100000c;

  /** A fake app.asar.unpacked: { 'node_modules/x/file': contents }. */
  async function tree(files: Record<string, Buffer | string>): Promise<string> {
    const dir = await tempDir('holst-unpacked-');
    for (const [file, data] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), data);
    }
    return dir;
  }
  const macArm64 = (binary: Buffer) => ({
    'node_modules/keytar/package.json': '{}',
    'node_modules/keytar/build/Release/keytar.node': binary,
    'node_modules/better-sqlite3/package.json': '{}',
    'node_modules/better-sqlite3/build/Release/better_sqlite3.node': binary,
    'node_modules/sharp/package.json': '{}',
    'node_modules/@img/sharp-darwin-arm64/package.json': '{}',
    'node_modules/@img/sharp-darwin-arm64/lib/sharp-darwin-arm64.node': binary,
    'node_modules/@img/sharp-libvips-darwin-arm64/lib/libvips-cpp.8.18.7.dylib': binary,
  });

  it('reads the OS and CPU of the native binaries installed here', () => {
    const format = process.platform === 'darwin' ? 'macho' : process.platform === 'win32' ? 'pe' : 'elf';
    const sharpLib = path.join('node_modules', '@img', `sharp-${process.platform}-${process.arch}`, 'lib');
    const binaries = [
      'node_modules/keytar/build/Release/keytar.node',
      'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
      ...fs
        .readdirSync(path.join(root, sharpLib))
        .filter((f) => f.endsWith('.node'))
        .map((f) => path.join(sharpLib, f)),
    ];
    expect(binaries).toHaveLength(3);
    for (const file of binaries) {
      expect(hook.readBinaryInfo(path.resolve(root, file)), file).toEqual({ format, archs: [process.arch] });
    }
  });

  it('passes a package whose binaries match its OS and CPU', async () => {
    expect(hook.checkPackagedNatives(await tree(macArm64(macho(MACHO_ARM64))), 'darwin', 'arm64')).toEqual([]);
    expect(hook.checkPackagedNatives(await tree(macArm64(fat(MACHO_X64, MACHO_ARM64))), 'darwin', 'arm64')).toEqual([]);
  });

  it("fails an x64 package built with an arm64 machine's binaries", async () => {
    const problems = hook.checkPackagedNatives(await tree(macArm64(macho(MACHO_ARM64))), 'darwin', 'x64');
    expect(problems.some((p) => p.startsWith('@img/sharp-darwin-x64 '))).toBe(true);
    expect(problems).toContain(`${path.join('node_modules', 'keytar', 'build', 'Release', 'keytar.node')} is built for arm64, not x64`);
  });

  it('fails binaries for another OS, and a missing native module', async () => {
    const dir = await tree({
      'node_modules/keytar/package.json': '{}',
      'node_modules/keytar/build/Release/keytar.node': elf(0x3e),
      'node_modules/sharp/package.json': '{}',
      'node_modules/@img/sharp-win32-x64/package.json': '{}',
      'node_modules/@img/sharp-win32-x64/lib/sharp-win32-x64.node': pe(0x8664),
    });
    const problems = hook.checkPackagedNatives(dir, 'win32', 'x64');
    expect(problems.some((p) => p.startsWith('better-sqlite3 is not in'))).toBe(true);
    expect(problems).toContain(
      `${path.join('node_modules', 'keytar', 'build', 'Release', 'keytar.node')} is a elf binary, not pe (for win32)`,
    );
    expect(problems).toHaveLength(2);
  });

  it('stops the build through electron-builder’s afterPack context', async () => {
    const appOutDir = await tempDir('holst-mac-arm64-');
    const unpacked = path.join(appOutDir, 'Holst.app', 'Contents', 'Resources', 'app.asar.unpacked');
    for (const [file, data] of Object.entries(macArm64(macho(MACHO_ARM64)))) {
      fs.mkdirSync(path.dirname(path.join(unpacked, file)), { recursive: true });
      fs.writeFileSync(path.join(unpacked, file), data);
    }
    const context = (arch: number) => ({
      appOutDir,
      electronPlatformName: 'darwin',
      arch,
      packager: { appInfo: { productFilename: 'Holst' } },
    });
    await expect(hook(context(3))).resolves.toBeUndefined(); // Arch.arm64
    await expect(hook(context(1))).rejects.toThrow(/darwin x64 package would not load/); // Arch.x64
  });
});
