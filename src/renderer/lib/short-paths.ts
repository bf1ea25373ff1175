/**
 * Paths on disk shortened for a list, as a browser names the files of a dropped folder: each from
 * the folder they all lie in, that folder's name kept ("/home/u/Pictures/trip/a/b.png" with its
 * siblings in trip → "trip/a/b.png"). Both / and \ separate; each path keeps its own separators.
 */
export function shortPaths(paths: string[]): string[] {
  if (paths.length === 0) return [];
  const split = paths.map((p) => p.split(/[\\/]/));
  const first = split[0]!;
  // How many leading parts every path's folder shares (a path's last part is its own name).
  let shared = Math.min(...split.map((parts) => parts.length - 1));
  for (let i = 0; i < shared; i++) {
    if (split.some((parts) => parts[i] !== first[i])) shared = i;
  }
  // The parent of the shared folder is left out; a folder at the root keeps its whole path.
  const drop = shared - 1;
  if (drop <= 0) return paths;
  const cut = first.slice(0, drop).reduce((length, part) => length + part.length + 1, 0);
  return paths.map((p) => p.slice(cut));
}
