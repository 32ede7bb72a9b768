// Builds one app with Nx (quietly; cached when nothing changed) and returns the path of its main.js.
import { spawnSync } from 'node:child_process';

export function buildApp(app, env) {
  const build = spawnSync('npx', ['nx', 'build', app, '--output-style=static'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...env, NX_DAEMON: 'false', NX_TUI: 'false' },
  });
  if (build.status !== 0) {
    console.error(`building ${app} failed: run \`npx nx build ${app}\` to see why`);
    process.exit(build.status ?? 1);
  }
  return `dist/apps/${app}/main.js`;
}
