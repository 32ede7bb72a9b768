import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const workspaceRoot = join(__dirname, '../../../..');

export interface ExtraLib {
  /** Folder relative to the workspace root, e.g. `libs/integrations/probe`. */
  root: string;
  /** Import alias added to the scratch `tsconfig.base.json`. */
  alias: string;
  tags: string[];
}

export interface LintResult {
  status: number | null;
  output: string;
}

export interface ScratchWorkspace {
  root: string;
  /** Names of the projects in the scratch project graph. */
  projects: string[];
  /** Lints `source` as the file at `filePath` with the real ESLint config, against the scratch graph. */
  lintAs(filePath: string, source: string): LintResult;
  /** Deletes the scratch folder; calling it twice does nothing. */
  remove(): void;
}

/** The workspace's `project.json` files (relative paths) under apps/, libs/ and tools/. */
function projectFiles(dir = ''): string[] {
  const entries = readdirSync(join(workspaceRoot, dir), { withFileTypes: true });
  if (entries.some((entry) => entry.isFile() && entry.name === 'project.json')) return [join(dir, 'project.json')];
  return entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && !['node_modules', 'dist', 'coverage', 'data'].includes(entry.name))
    .filter((entry) => dir !== '' || ['apps', 'libs', 'tools'].includes(entry.name))
    .flatMap((entry) => projectFiles(join(dir, entry.name)));
}

/** The environment without the parent Nx run's variables, so Nx finds the scratch folder as its workspace. */
function scratchEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('NX_')));
  return { ...env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
}

/**
 * A throwaway copy of the workspace in the OS temp folder, for proving boundary rules that need a
 * project which does not exist yet: the real `eslint.config.mjs`, `tsconfig.base.json` and every
 * `project.json`, plus `extraLibs` (a stub `src/index.ts` each) and their aliases. `node_modules`
 * is a symlink to the real one. Nx computes the scratch project graph before this returns; nothing
 * is written to the real workspace.
 */
export function createScratchWorkspace(extraLibs: ExtraLib[]): ScratchWorkspace {
  const root = mkdtempSync(join(tmpdir(), 'workspace-checks-'));
  const remove = () => rmSync(root, { recursive: true, force: true });
  try {
    cpSync(join(workspaceRoot, 'eslint.config.mjs'), join(root, 'eslint.config.mjs'));
    symlinkSync(join(workspaceRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
    writeFileSync(join(root, 'nx.json'), JSON.stringify({ useDaemonProcess: false, neverConnectToCloud: true, analytics: false }));
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'scratch-workspace', private: true }));
    for (const file of projectFiles()) {
      mkdirSync(join(root, dirname(file)), { recursive: true });
      cpSync(join(workspaceRoot, file), join(root, file));
    }

    const tsconfig = JSON.parse(readFileSync(join(workspaceRoot, 'tsconfig.base.json'), 'utf8'));
    for (const lib of extraLibs) {
      const name = lib.root.split('/').slice(1).join('-');
      mkdirSync(join(root, lib.root, 'src'), { recursive: true });
      writeFileSync(join(root, lib.root, 'project.json'), JSON.stringify({ name, sourceRoot: `${lib.root}/src`, projectType: 'library', tags: lib.tags }));
      writeFileSync(join(root, lib.root, 'src/index.ts'), `export const ${name.replace(/\W/g, '_')} = true;\n`);
      tsconfig.compilerOptions.paths[lib.alias] = [`./${lib.root}/src/index.ts`];
    }
    writeFileSync(join(root, 'tsconfig.base.json'), JSON.stringify(tsconfig, null, 2));

    const nx = spawnSync(join(root, 'node_modules/.bin/nx'), ['show', 'projects', '--json'], { cwd: root, env: scratchEnv(), encoding: 'utf8' });
    if (nx.status !== 0) throw new Error(`nx could not build the scratch project graph:\n${nx.stdout}${nx.stderr}`);
    const projects = JSON.parse(nx.stdout) as string[];

    const lintAs = (filePath: string, source: string): LintResult => {
      const run = spawnSync(join(root, 'node_modules/.bin/eslint'), ['--stdin', '--stdin-filename', filePath, '--format', 'stylish', '--no-color'], {
        cwd: root,
        env: scratchEnv(),
        input: source,
        encoding: 'utf8',
      });
      return { status: run.status, output: run.stdout + run.stderr };
    };
    return { root, projects, lintAs, remove };
  } catch (error) {
    remove();
    throw error;
  }
}
