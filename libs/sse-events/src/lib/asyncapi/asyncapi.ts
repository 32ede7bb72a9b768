import { ALL_CONNECTIONS, STATIC_CHANNELS } from '../channels';
import { envelopeSchemaFor } from '../envelope';
import { EVENT_TYPES, type EventType } from '../event-map';
import { ROUTES } from '../routing';
import { toJsonSchema } from './json-schema';

const JOB = 'job';

/** A message key AsyncAPI accepts (`shopify:sync_completed` -> `shopify.sync_completed`). */
export const messageKey = (type: EventType): string => type.replace(':', '.');

function typesOn(channel: string): EventType[] {
  return EVENT_TYPES.filter((type) => {
    const route = ROUTES[type];
    if (route.channels.includes(ALL_CONNECTIONS as never)) return true;
    return channel === JOB ? route.toJobChannel === true : route.channels.includes(channel as never);
  });
}

function channelEntry(channel: string) {
  const messages = Object.fromEntries(
    typesOn(channel).map((type) => [messageKey(type), { $ref: `#/components/messages/${messageKey(type)}` }]),
  );
  if (channel === JOB) {
    return {
      address: '/sse/jobs/{jobId}',
      title: 'job:{jobId}',
      description: 'Progress and result of one forecast job.',
      parameters: { jobId: { description: 'The job id returned when the job was started.' } },
      messages,
    };
  }
  return { address: `/sse/${channel}`, title: channel, messages };
}

/**
 * The AsyncAPI 3 document of the event contract, built from the same zod schemas the hub and the
 * publishers validate with. Each message payload is the whole envelope, as sent in an SSE `data:`.
 */
export function buildAsyncApiDocument(version: string): Record<string, unknown> {
  const channelNames = [...STATIC_CHANNELS, JOB];
  const channels = Object.fromEntries(channelNames.map((name) => [name, channelEntry(name)]));
  const operations = Object.fromEntries(
    channelNames.map((name) => [
      `receive_${name}`,
      {
        action: 'receive',
        channel: { $ref: `#/channels/${name}` },
        messages: typesOn(name).map((type) => ({ $ref: `#/channels/${name}/messages/${messageKey(type)}` })),
      },
    ]),
  );
  const messages = Object.fromEntries(
    EVENT_TYPES.map((type) => [
      messageKey(type),
      {
        name: type,
        title: type,
        summary: `Routed to: ${ROUTES[type].channels.join(', ')}${ROUTES[type].toJobChannel ? ', job:{jobId}' : ''}`,
        contentType: 'application/json',
        payload: toJsonSchema(envelopeSchemaFor(type)),
      },
    ]),
  );
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Operations dashboard event contract',
      version,
      description:
        'Events the sync workers publish and the SSE hub streams. Each SSE frame carries `id:` (envelope id), ' +
        '`event:` (type) and `data:` (the JSON envelope). Generated from libs/sse-events; do not edit by hand.',
    },
    defaultContentType: 'application/json',
    servers: {
      hub: {
        host: '127.0.0.1:3000',
        protocol: 'http',
        description: 'The SSE hub. Subscribe with GET, e.g. /sse/dashboard or /sse?channels=sales,inventory.',
      },
    },
    channels,
    operations,
    components: { messages },
  };
}
