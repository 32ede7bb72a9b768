import { JobIdSchema } from './schemas/common.schema';

/** The fixed channels a dashboard can subscribe to. Job channels (`job:{jobId}`) come on top. */
export const STATIC_CHANNELS = [
  'dashboard',
  'financial',
  'sales',
  'inventory',
  'production',
  'forecast',
  'admin',
] as const;

export type StaticChannel = (typeof STATIC_CHANNELS)[number];
export type JobChannel = `job:${string}`;
export type Channel = StaticChannel | JobChannel;

/** Routing marker meaning "every connection, whatever it subscribed to". */
export const ALL_CONNECTIONS = '*';

const JOB_PREFIX = 'job:';

export function jobChannel(jobId: string): JobChannel {
  return `${JOB_PREFIX}${jobId}`;
}

/** The job id of a `job:{jobId}` channel, or `undefined` for any other name. */
export function jobIdOf(channel: string): string | undefined {
  if (!channel.startsWith(JOB_PREFIX)) return undefined;
  const jobId = channel.slice(JOB_PREFIX.length);
  return JobIdSchema.safeParse(jobId).success ? jobId : undefined;
}

/** True for a static channel name or a well-formed `job:{jobId}`. */
export function isKnownChannel(name: string): name is Channel {
  return (STATIC_CHANNELS as readonly string[]).includes(name) || jobIdOf(name) !== undefined;
}
