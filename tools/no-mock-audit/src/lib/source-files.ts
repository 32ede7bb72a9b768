import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/** Folders the audit covers: the code that runs in production. */
export const AUDITED_ROOTS = ['apps', 'libs'];

const SOURCE = /\.(ts|tsx|js|mjs|cjs)$/;
/** Test code, fixtures and tooling config: allowed to invent data. */
const EXCLUDED_FILE = /(\.|-)(spec|int-spec|test|fixture|fixtures|stories)\.[cm]?[jt]sx?$|^(jest|eslint|webpack)\.config\.|\.d\.ts$/;
const EXCLUDED_DIR = new Set(['node_modules', 'dist', 'coverage', 'test', 'tests', '__tests__', '__fixtures__', 'fixtures', 'testing', 'data']);

/** Production source files under the audited roots, as paths relative to `root`, sorted. */
export function listProductionSources(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!EXCLUDED_DIR.has(entry.name) && !entry.name.startsWith('.')) walk(join(dir, entry.name));
      } else if (SOURCE.test(entry.name) && !EXCLUDED_FILE.test(entry.name)) {
        files.push(relative(root, join(dir, entry.name)).split(sep).join('/'));
      }
    }
  };
  for (const top of AUDITED_ROOTS) {
    if (existsSync(join(root, top))) walk(join(root, top));
  }
  return files.sort();
}

/** The Nx project a file belongs to: the `name` in the nearest `project.json` above it. */
export function projectOf(root: string, file: string, cache = new Map<string, string>()): string {
  let dir = dirname(join(root, file));
  const visited: string[] = [];
  while (dir.startsWith(root) && dir !== root) {
    const known = cache.get(dir);
    if (known) return remember(cache, visited, known);
    visited.push(dir);
    const manifest = join(dir, 'project.json');
    if (existsSync(manifest)) {
      const name = (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name ?? relative(root, dir);
      return remember(cache, visited, name);
    }
    dir = dirname(dir);
  }
  return remember(cache, visited, '(no project)');
}

function remember(cache: Map<string, string>, dirs: string[], name: string): string {
  for (const dir of dirs) cache.set(dir, name);
  return name;
}
