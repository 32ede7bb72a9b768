import type { Database } from '../../lib/database/database.types';
import { credentialsSuite } from './credentials.suite';
import { locksSuite } from './locks.suite';
import { ordersSuite } from './orders.suite';
import { outboxSuite } from './outbox.suite';
import { stockSuite } from './stock.suite';
import { syncStateSuite } from './sync-state.suite';

/** Every driver-independent store spec; run once per driver against one open Database. */
export function storeSuites(database: () => Database): void {
  ordersSuite(database);
  syncStateSuite(database);
  credentialsSuite(database);
  stockSuite(database);
  outboxSuite(database);
  locksSuite(database);
}
