import { pino, type DestinationStream } from 'pino';
import type PinoPretty from 'pino-pretty';

/**
 * pino-pretty is loaded only when pretty output is asked for: JSON processes never pay for it,
 * and an install without dev dependencies runs as long as it logs JSON.
 */
function loadPinoPretty(): typeof PinoPretty {
  try {
    return require('pino-pretty') as typeof PinoPretty;
  } catch (error) {
    throw new Error('LOG_FORMAT=pretty needs the pino-pretty package (a dev dependency); install it or use LOG_FORMAT=json', {
      cause: error,
    });
  }
}

/**
 * A synchronous pretty-printing destination: each JSON line pino writes is formatted and written
 * before `write` returns, so tests and short one-shot processes lose no lines (pino-pretty's own
 * stream and transport hop through stream buffers or a worker thread). Writes to stdout unless
 * given a destination; colours only on a colour-capable stdout.
 */
export function createPrettyStream(destination?: DestinationStream): DestinationStream {
  const { prettyFactory, isColorSupported } = loadPinoPretty();
  const pretty = prettyFactory({
    colorize: destination === undefined && isColorSupported,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,context',
    messageFormat: '{if context}[{context}] {end}{msg}',
  });
  const out = destination ?? pino.destination({ dest: 1, sync: true });
  return { write: (line: string) => out.write(pretty(line)) };
}
