// What the structure rules of issue 21 measure in src/: import circles (type-only imports count:
// they are coupling too) and source files over the length limit. `node scripts/structure.mjs`
// prints both; tests/unit/scripts/structure.test.ts holds the tree to them.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MAX_LINES = 400;
const SOURCE = /\.(ts|tsx|mts|cts)$/;
const IMPORT =
  /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

function sourceFiles(dir) {
  const files = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) files.push(...sourceFiles(full));
    else if (SOURCE.test(name) && !name.endsWith('.d.ts')) files.push(full);
  }
  return files;
}

function resolveImport(from, spec) {
  const base = path.resolve(path.dirname(from), spec);
  const stripped = base.replace(/\.(js|mjs|cjs)$/, '');
  for (const candidate of [base, `${stripped}.ts`, `${stripped}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (SOURCE.test(candidate) && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Every relative import of each source file under `root`, as paths relative to `root`. */
export function importGraph(root) {
  const graph = new Map();
  for (const file of sourceFiles(root)) {
    const text = readFileSync(file, 'utf8');
    const targets = new Set();
    for (const match of text.matchAll(IMPORT)) {
      const target = resolveImport(file, match[1] ?? match[2]);
      if (target) targets.add(path.relative(root, target));
    }
    graph.set(path.relative(root, file), [...targets].sort());
  }
  return graph;
}

/** Strongly connected components with more than one file (Tarjan), each sorted; a file importing itself counts too. */
export function importCircles(graph) {
  let index = 0;
  const indices = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const circles = [];
  const visit = (node) => {
    indices.set(node, index);
    low.set(node, index);
    index++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node), indices.get(next)));
    }
    if (low.get(node) === indices.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) circles.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!indices.has(node)) visit(node);
  return circles.sort((a, b) => a[0].localeCompare(b[0]));
}

/** Source files under `root` longer than MAX_LINES, with their line counts. */
export function longFiles(root) {
  return sourceFiles(root)
    .map((file) => ({ file: path.relative(root, file), lines: readFileSync(file, 'utf8').split('\n').length - 1 }))
    .filter((entry) => entry.lines > MAX_LINES)
    .sort((a, b) => b.lines - a.lines);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const root = path.resolve(process.argv[2] ?? 'src');
  const circles = importCircles(importGraph(root));
  const long = longFiles(root);
  console.log(`${circles.length} import circle(s) in ${path.relative(process.cwd(), root) || '.'}`);
  for (const circle of circles) console.log(`  - ${circle.join(' -> ')}`);
  console.log(`${long.length} file(s) over ${MAX_LINES} lines`);
  for (const { file, lines } of long) console.log(`  - ${file}: ${lines}`);
  if (circles.length || long.length) process.exitCode = 1;
}
