import { isKnownChannel, jobChannel } from '@ops/sse-events';

import { badRequest, notFound } from './hub-http.exception';

/** Most channels one connection may ask for. */
export const MAX_CHANNELS_PER_CONNECTION = 256;
/** Longest accepted channel name (`job:` plus a 64-character job id fits). */
export const MAX_CHANNEL_NAME_LENGTH = 100;

const CHANNEL_SYNTAX = /^[A-Za-z0-9_:-]+$/;
const EVENT_ID_SYNTAX = /^[A-Za-z0-9._:-]{1,128}$/;

function checkName(name: string): string {
  if (name.length === 0) throw badRequest('channel names must not be empty');
  if (name.length > MAX_CHANNEL_NAME_LENGTH) {
    throw badRequest(
      `channel names must be at most ${MAX_CHANNEL_NAME_LENGTH} characters`,
    );
  }
  if (!CHANNEL_SYNTAX.test(name))
    throw badRequest('channel names may contain only letters, digits, _ : -');
  if (!isKnownChannel(name))
    throw notFound(`unknown channel ${JSON.stringify(name)}`);
  return name;
}

/**
 * The channel of `GET /sse/:channel`.
 * @throws 400 for a malformed name, 404 for a well-formed but unknown one.
 */
export function singleChannel(name: string): string[] {
  return [checkName(name)];
}

/** The channel of `GET /sse/jobs/:jobId`; a malformed job id is an unknown channel (404). */
export function jobStreamChannel(jobId: string): string[] {
  const channel: string = jobChannel(jobId);
  if (!isKnownChannel(channel))
    throw notFound(
      `unknown job channel ${JSON.stringify(channel.slice(0, 80))}`,
    );
  return [channel];
}

/**
 * The channels of `GET /sse?channels=a,b` (repeated `channels` parameters are joined).
 * Duplicates are collapsed, order is kept.
 * @throws 400 when the list is missing, empty, too long or malformed; 404 naming an unknown channel.
 */
export function channelList(raw: unknown): string[] {
  const joined = Array.isArray(raw) ? raw.join(',') : raw;
  if (typeof joined !== 'string' || joined.trim() === '') {
    throw badRequest(
      'query parameter "channels" is required (comma-separated channel names)',
    );
  }
  const names = joined.split(',').map((name) => name.trim());
  if (names.length > MAX_CHANNELS_PER_CONNECTION) {
    throw badRequest(
      `at most ${MAX_CHANNELS_PER_CONNECTION} channels per connection`,
    );
  }
  return [...new Set(names.map(checkName))];
}

/**
 * The id to replay after: the `Last-Event-ID` header wins over the `lastEventId` query parameter.
 * A value that cannot be an event id is passed on as is and will produce a replay gap.
 */
export function lastEventIdOf(
  header: unknown,
  query: unknown,
): string | undefined {
  const value =
    typeof header === 'string' && header !== ''
      ? header
      : typeof query === 'string'
        ? query
        : undefined;
  if (value === undefined || value === '') return undefined;
  return EVENT_ID_SYNTAX.test(value)
    ? value
    : value.slice(0, 128).replace(/[^A-Za-z0-9._:-]/g, '_');
}
