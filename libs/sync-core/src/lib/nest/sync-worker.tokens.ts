/** Injection tokens of the worker runtime. */
export const WORKER_CONFIG = Symbol('WORKER_CONFIG');
export const DATABASE = Symbol('DATABASE');
export const EVENT_PUBLISHER = Symbol('EVENT_PUBLISHER');
/** The `CredentialSealer` for stored credential state (`CREDENTIALS_KEY`, or the local key file). */
export const CREDENTIAL_SEALER = Symbol('CREDENTIAL_SEALER');
/** The `WorkerDefinition`s this process hosts. */
export const WORKER_DEFINITIONS = Symbol('WORKER_DEFINITIONS');
/** The environment the definitions read their config from. */
export const WORKER_ENVIRONMENT = Symbol('WORKER_ENVIRONMENT');
/** Whether this process schedules its workers (a daemon) or only runs them on demand (one-shot). */
export const WORKER_SCHEDULING = Symbol('WORKER_SCHEDULING');
