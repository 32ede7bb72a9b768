import { eventSchemas, EVENT_TYPES } from '../event-map';
import { ROUTES } from '../routing';

/** The Markdown table of event types, routes and payload fields, generated from the contract. */
export function buildEventsTable(): string {
  const rows = EVENT_TYPES.map((type) => {
    const route = ROUTES[type];
    const channels = [...route.channels, ...(route.toJobChannel ? ['job:{jobId}'] : [])]
      .map((c) => (c === '*' ? 'every connection' : c))
      .join(', ');
    const shape = eventSchemas[type].shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
    const fields = Object.entries(shape)
      .map(([name, schema]) => (schema.safeParse(undefined).success ? `${name}?` : name))
      .join(', ');
    return `| \`${type}\` | ${fields || '(none)'} | ${channels} |`;
  });
  return [
    '# Event types',
    '',
    'Generated from `libs/sse-events` by `npx nx run sse-events:docs`; do not edit by hand.',
    'Every event travels in the envelope `{id, type, channels, source {system, account, environment}, occurredAt, jobId?, payload}`.',
    'The full schemas are in [asyncapi.yaml](./asyncapi.yaml).',
    '',
    '| event type | payload fields (`?` optional) | channels |',
    '|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
