/** Injection tokens of the worker runtime. */
export const WORKER_CONFIG = Symbol('WORKER_CONFIG');
export const DATABASE = Symbol('DATABASE');
export const EVENT_PUBLISHER = Symbol('EVENT_PUBLISHER');
