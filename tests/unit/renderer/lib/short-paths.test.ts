// The desktop import summary names files from the folder they share, as a browser names the files
// of a dropped folder: "trip/a/b.png", not the whole path on disk.
import { describe, expect, it } from 'vitest';
import { shortPaths } from '../../../../src/renderer/lib/short-paths';

describe('shortPaths', () => {
  it('starts each path at the folder they all lie in, keeping its name', () => {
    const paths = ['/home/u/Pictures/trip/a/b.png', '/home/u/Pictures/trip/c.txt', '/home/u/Pictures/trip/a/d/e.png'];
    expect(shortPaths(paths)).toEqual(['trip/a/b.png', 'trip/c.txt', 'trip/a/d/e.png']);
  });

  it('keeps a lone file with its folder, and two dropped folders under their shared parent', () => {
    expect(shortPaths(['/home/u/Pictures/trip/a/b.png'])).toEqual(['a/b.png']);
    expect(shortPaths(['/home/u/Pictures/trip/x.png', '/home/u/Pictures/hols/y.png'])).toEqual([
      'Pictures/trip/x.png',
      'Pictures/hols/y.png',
    ]);
  });

  it('reads Windows paths, with either separator, keeping each path as written', () => {
    const paths = ['C:\\Users\\u\\Pictures\\trip\\a\\b.png', 'C:\\Users\\u\\Pictures\\trip/c.png'];
    expect(shortPaths(paths)).toEqual(['trip\\a\\b.png', 'trip/c.png']);
  });

  it('leaves paths whole when they share no folder but the root, or not even a drive', () => {
    expect(shortPaths(['/a/x.png', '/b/y.png'])).toEqual(['/a/x.png', '/b/y.png']);
    expect(shortPaths(['C:\\x.png', 'D:\\y.png'])).toEqual(['C:\\x.png', 'D:\\y.png']);
    expect(shortPaths(['C:\\x.png'])).toEqual(['C:\\x.png']);
    expect(shortPaths([])).toEqual([]);
  });

  it('does not take a name that merely starts the same for a shared folder', () => {
    expect(shortPaths(['/data/trip/a.png', '/data/trip-2/b.png'])).toEqual(['data/trip/a.png', 'data/trip-2/b.png']);
  });
});
