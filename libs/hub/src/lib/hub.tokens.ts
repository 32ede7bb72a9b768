/** Injection token of the validated {@link HubConfig}. */
export const HUB_CONFIG = Symbol('HUB_CONFIG');
/** Injection token of this replica's {@link HubCluster}, or null without `REDIS_URL`. */
export const HUB_CLUSTER = Symbol('HUB_CLUSTER');
