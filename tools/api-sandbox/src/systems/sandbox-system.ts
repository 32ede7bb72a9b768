/** One emulated system as `npm run sandbox` sees it: how to start it and how to describe it. */
export interface SandboxSystem<TName extends string = string, TManifest = unknown> {
  /** The system's key in the manifest line, e.g. `shopify`. */
  readonly name: TName;
  /**
   * Reads this system's options from the command line and environment (throws with the offending
   * option named, before any server listens) and starts its servers. `--port=0` means every
   * server this system opens gets a free port.
   */
  start(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<StartedSandboxSystem<TManifest>>;
}

export interface StartedSandboxSystem<TManifest> {
  /** Human-readable lines for the terminal: what listens where, with which credentials. */
  readonly lines: readonly string[];
  /** This system's entry in the manifest: everything a client needs to connect. */
  readonly manifest: TManifest;
  /** Stops every server the system started; resolves when they are closed. */
  close(): Promise<void>;
}
