/** `--name=value` arguments by name (`--port=0` -> `{ port: '0' }`); other arguments are ignored. */
export function parseFlags(argv: readonly string[]): Record<string, string> {
  return Object.fromEntries(argv.filter((a) => a.startsWith('--')).map((a) => a.slice(2).split('=', 2) as [string, string]));
}

/**
 * The port of one system's server: `--<system>-port=` or `<SYSTEM>_SANDBOX_PORT`, else `--port=0`
 * gives a free port, else the shared base port (`--port=`, `SHOPIFY_SANDBOX_PORT`, 8700) plus the
 * system's own offset, so the systems of one sandbox never collide. Throws naming the option.
 */
export function systemPort(flags: Record<string, string>, env: NodeJS.ProcessEnv, system: string, offset: number): number {
  const basePort = Number(flags['port'] ?? env['SHOPIFY_SANDBOX_PORT'] ?? 8700);
  const own = flags[`${system}-port`] ?? env[`${system.toUpperCase()}_SANDBOX_PORT`];
  const port = own !== undefined ? Number(own) : basePort === 0 ? 0 : basePort + offset;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid sandbox config: ${system}-port: must be a port number`);
  return port;
}
