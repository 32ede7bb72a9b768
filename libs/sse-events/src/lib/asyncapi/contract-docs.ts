import { stringify } from 'yaml';

import { buildAsyncApiDocument } from './asyncapi';
import { buildEventsTable } from './events-table';

export const CONTRACT_VERSION = '1.0.0';

/** The generated documents, keyed by their path under `docs/`. */
export function renderContractDocs(): Record<'asyncapi.yaml' | 'events.md', string> {
  return {
    'asyncapi.yaml': stringify(buildAsyncApiDocument(CONTRACT_VERSION), { aliasDuplicateObjects: false, lineWidth: 0 }),
    'events.md': buildEventsTable(),
  };
}
