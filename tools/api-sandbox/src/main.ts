import { SANDBOX_SYSTEMS, startSandboxSystems } from './systems/sandbox-systems';

/**
 * `npm run sandbox`: starts every emulated system, prints what listens where, and prints the
 * manifest (one JSON object, one line) as the last line of its start-up output. Serves until
 * SIGINT or SIGTERM, then closes every server and exits 0. A bad option exits 1 before anything
 * listens.
 */
async function main(): Promise<void> {
  const sandbox = await startSandboxSystems(SANDBOX_SYSTEMS, process.argv.slice(2), process.env);
  for (const line of sandbox.lines) console.log(line);
  const names = SANDBOX_SYSTEMS.map((system) => system.name).join(', ');
  console.log(`Sandbox (${names}) ready in ${Math.round(process.uptime() * 1000)} ms; Ctrl-C stops it. Manifest for scripts:`);
  console.log(JSON.stringify(sandbox.manifest));
  const stop = () =>
    void sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`sandbox did not close cleanly: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
