import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { requests } from '../../../src/shared/contract';
// @ts-expect-error a plain .mjs script with no type declarations
import { importCircles, importGraph, longFiles, MAX_LINES } from '../../../scripts/structure.mjs';

const src = path.resolve(__dirname, '../../../src');

describe('the source tree', () => {
  it('finds a circle when there is one, type-only imports included', async () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(importCircles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    const real = importGraph(src) as Map<string, string[]>;
    // app-core.ts imports the chat service's type only; the graph still has that arrow.
    expect(real.get('main/core/ipc/handlers.ts')?.length ?? 0).toBeGreaterThan(0);
  });

  it('has no import circle', () => {
    expect(importCircles(importGraph(src))).toEqual([]);
  });

  it(`has no source file over ${MAX_LINES} lines`, () => {
    expect(longFiles(src)).toEqual([]);
  });
});

describe('the IPC handlers', () => {
  const folder = path.join(src, 'main/core/ipc');
  const files = readdirSync(folder).filter((name) => name.endsWith('.ts'));

  it('answer every contract channel in a file named after its namespace', () => {
    const misplaced = Object.keys(requests).filter((channel) => {
      const namespace = channel.split('.')[0]!;
      const home = files.filter((name) => name === `${namespace}-handlers.ts` || name.startsWith(`${namespace}-`));
      return !home.some((name) => readFileSync(path.join(folder, name), 'utf8').includes(`'${channel}':`));
    });
    expect(Object.keys(requests).length).toBeGreaterThan(40);
    expect(misplaced).toEqual([]);
  });

  it('answer no channel outside its namespace file', () => {
    const strays = files.flatMap((name) =>
      Object.keys(requests)
        .filter((channel) => readFileSync(path.join(folder, name), 'utf8').includes(`'${channel}':`))
        .filter((channel) => !name.startsWith(`${channel.split('.')[0]}-`))
        .map((channel) => `${channel} in ${name}`),
    );
    expect(strays).toEqual([]);
  });
});
