'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads this hook as CommonJS */
// electron-builder afterPack hook (electron-builder.yml: afterPack). Runs once per OS and arch, after the app is
// copied into the Electron bundle and before fuses are flipped and the bundle is signed.
//
// It fails the build when a native module would not load in the packaged app:
//   - keytar, better-sqlite3 or sharp's binary for this OS and CPU (@img/sharp-<os>-<arch>) is not unpacked;
//   - a .node, .so, .dylib or .dll in app.asar.unpacked is built for another OS or CPU. npm installs sharp's binary
//     only for the machine's own OS and CPU, so building the other arch on the same machine needs it installed first
//     (see "Packaging and release" in README.md).
const fs = require('node:fs');
const path = require('node:path');

/** electron-builder's Arch enum (builder-util), by value. */
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

const REQUIRED_MODULES = ['keytar', 'better-sqlite3', 'sharp'];

const ELF_MACHINES = { 0x03: 'ia32', 0x28: 'armv7l', 0x3e: 'x64', 0xb7: 'arm64' };
const MACHO_CPUS = { 0x00000007: 'ia32', 0x01000007: 'x64', 0x0000000c: 'armv7l', 0x0100000c: 'arm64' };
const PE_MACHINES = { 0x014c: 'ia32', 0x01c4: 'armv7l', 0x8664: 'x64', 0xaa64: 'arm64' };

/**
 * The binary format and CPU(s) of a native file, from its header: { format: 'elf' | 'macho' | 'pe', archs: string[] },
 * or null when it is not a binary this hook knows.
 */
function readBinaryInfo(file) {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(4096);
    const length = fs.readSync(fd, head, 0, head.length, 0);
    const buf = head.subarray(0, length);
    if (length >= 20 && buf.readUInt32BE(0) === 0x7f454c46) {
      const littleEndian = buf[5] === 1;
      const machine = littleEndian ? buf.readUInt16LE(18) : buf.readUInt16BE(18);
      return { format: 'elf', archs: [ELF_MACHINES[machine] ?? `elf-machine-${machine}`] };
    }
    if (length >= 8 && (buf.readUInt32LE(0) === 0xfeedfacf || buf.readUInt32LE(0) === 0xfeedface)) {
      const cpu = buf.readUInt32LE(4);
      return { format: 'macho', archs: [MACHO_CPUS[cpu] ?? `macho-cpu-${cpu}`] };
    }
    if (length >= 8 && (buf.readUInt32BE(0) === 0xcafebabe || buf.readUInt32BE(0) === 0xcafebabf)) {
      // A universal (fat) Mach-O: a big-endian list of the slices it holds.
      const count = buf.readUInt32BE(4);
      const entrySize = buf.readUInt32BE(0) === 0xcafebabf ? 32 : 20;
      const archs = [];
      for (let i = 0; i < count && 8 + i * entrySize + 4 <= length; i++) {
        const cpu = buf.readUInt32BE(8 + i * entrySize);
        archs.push(MACHO_CPUS[cpu] ?? `macho-cpu-${cpu}`);
      }
      return { format: 'macho', archs };
    }
    if (length >= 64 && buf.toString('latin1', 0, 2) === 'MZ') {
      const peOffset = buf.readUInt32LE(0x3c);
      const pe = Buffer.alloc(6);
      if (fs.readSync(fd, pe, 0, 6, peOffset) === 6 && pe.toString('latin1', 0, 4) === 'PE\0\0') {
        const machine = pe.readUInt16LE(4);
        return { format: 'pe', archs: [PE_MACHINES[machine] ?? `pe-machine-${machine}`] };
      }
    }
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

const FORMAT_OF_PLATFORM = { darwin: 'macho', mas: 'macho', linux: 'elf', win32: 'pe' };
const NATIVE_FILE = /\.(node|dylib|dll|so)$|\.so\.\d+(\.\d+)*$/;

function nativeFilesUnder(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && NATIVE_FILE.test(entry.name))
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name));
}

/**
 * What would stop the packaged app from loading its native modules, as a list of sentences (empty when all is well).
 * unpackedDir: resources/app.asar.unpacked; platform: 'darwin' | 'mas' | 'linux' | 'win32'; arch: 'x64' | 'arm64' | …
 */
function checkPackagedNatives(unpackedDir, platform, arch) {
  const problems = [];
  const modules = path.join(unpackedDir, 'node_modules');
  for (const name of REQUIRED_MODULES) {
    if (!fs.existsSync(path.join(modules, name, 'package.json'))) problems.push(`${name} is not in ${modules}`);
  }
  const sharpOs = platform === 'mas' ? 'darwin' : platform;
  if (arch !== 'universal' && !fs.existsSync(path.join(modules, '@img', `sharp-${sharpOs}-${arch}`, 'package.json'))) {
    problems.push(`@img/sharp-${sharpOs}-${arch} (sharp's binary for ${sharpOs} ${arch}) is not in ${modules}`);
  }
  const format = FORMAT_OF_PLATFORM[platform];
  for (const file of nativeFilesUnder(modules)) {
    const info = readBinaryInfo(file);
    const where = path.relative(unpackedDir, file);
    if (!info) {
      if (file.endsWith('.node')) problems.push(`${where} is not a native binary`);
      continue;
    }
    if (format && info.format !== format) {
      problems.push(`${where} is a ${info.format} binary, not ${format} (for ${platform})`);
    } else if (arch !== 'universal' && !info.archs.includes(arch)) {
      problems.push(`${where} is built for ${info.archs.join(' + ')}, not ${arch}`);
    }
  }
  return problems;
}

function resourcesDir(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') {
    return path.join(appOutDir, `${packager.appInfo.productFilename}.app`, 'Contents', 'Resources');
  }
  return path.join(appOutDir, 'resources');
}

async function afterPack(context) {
  const arch = ARCH_NAMES[context.arch] ?? String(context.arch);
  const unpackedDir = path.join(resourcesDir(context), 'app.asar.unpacked');
  const problems = checkPackagedNatives(unpackedDir, context.electronPlatformName, arch);
  if (problems.length > 0) {
    throw new Error(
      `Native modules in the ${context.electronPlatformName} ${arch} package would not load:\n  - ${problems.join('\n  - ')}\n` +
        'See "Packaging and release" in README.md.',
    );
  }
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.checkPackagedNatives = checkPackagedNatives;
module.exports.readBinaryInfo = readBinaryInfo;
