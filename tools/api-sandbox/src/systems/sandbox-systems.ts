import type { SandboxSystem, StartedSandboxSystem } from './sandbox-system';
import { amazonSystem } from './amazon.system';
import { shopifySystem } from './shopify.system';
import { unleashedSystem } from './unleashed.system';
import { xeroSystem } from './xero.system';

/** Every system `npm run sandbox` starts, in start order. A new emulator is one more entry. */
export const SANDBOX_SYSTEMS = [shopifySystem, amazonSystem, xeroSystem, unleashedSystem] as const;

type ManifestOf<S> = S extends SandboxSystem<string, infer M> ? M : never;

/**
 * The JSON object `npm run sandbox` prints as its last start-up line, keyed by system name.
 * A system that is not emulated (not in {@link SANDBOX_SYSTEMS}) is absent.
 */
export type SandboxManifest = { [S in (typeof SANDBOX_SYSTEMS)[number] as S['name']]: ManifestOf<S> };

export interface StartedSandbox {
  readonly lines: readonly string[];
  readonly manifest: SandboxManifest;
  /** Closes every system; rejects with the first failure after trying them all. */
  close(): Promise<void>;
}

/**
 * Starts the systems one after another. If one fails to start, the ones already running are
 * closed before the error is rethrown, so a failed start leaves no server listening.
 */
export async function startSandboxSystems(
  systems: readonly SandboxSystem[],
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<StartedSandbox> {
  const started: [string, StartedSandboxSystem<unknown>][] = [];
  const closeAll = async () => {
    const results = await Promise.allSettled(started.map(([, system]) => system.close()));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  };
  try {
    for (const system of systems) started.push([system.name, await system.start(argv, env)]);
  } catch (error) {
    await closeAll().catch(() => undefined);
    throw error;
  }
  return {
    lines: started.flatMap(([, system]) => system.lines),
    manifest: Object.fromEntries(started.map(([name, system]) => [name, system.manifest])) as SandboxManifest,
    close: closeAll,
  };
}
