import type { Provider } from '@nestjs/common';

import { MemoryTicketStore } from '../auth/memory-ticket-store';
import { RedisTicketStore } from '../auth/redis-ticket-store';
import { TicketStore } from '../auth/ticket-store';
import type { HubConfig } from '../config/hub.config';
import { HUB_CLUSTER } from '../hub.tokens';
import { EventHub } from '../sse/event-hub';
import { EventIngress, LocalIngress } from './event-ingress';
import { HubCluster, replicaIdOf } from './hub-cluster';
import { RedisIngress } from './redis-ingress';

/**
 * What differs between one hub process and a Redis-backed cluster of replicas: the cluster
 * itself (or null), where ingested events go, and where tickets live.
 */
export function clusterProviders(config: HubConfig): Provider[] {
  return [
    {
      provide: HUB_CLUSTER,
      inject: [EventHub],
      useFactory: (hub: EventHub): HubCluster | null =>
        config.redis
          ? new HubCluster(
              config.redis,
              hub,
              config.stream.historySize,
              replicaIdOf(config),
            )
          : null,
    },
    {
      provide: EventIngress,
      inject: [EventHub, HUB_CLUSTER],
      useFactory: (hub: EventHub, cluster: HubCluster | null) =>
        cluster
          ? new RedisIngress(hub, cluster.publisher)
          : new LocalIngress(hub),
    },
    {
      provide: TicketStore,
      inject: [HUB_CLUSTER],
      useFactory: (cluster: HubCluster | null) =>
        cluster
          ? new RedisTicketStore(cluster.reader.client, `${cluster.keyPrefix}ticket:`)
          : new MemoryTicketStore(),
    },
  ];
}
