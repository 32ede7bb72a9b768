import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from 'nestjs-pino';

/**
 * Makes `LoggingModule`'s pino logger Nest's app logger: Nest's own start-up lines and every
 * `new Logger(Context).log(...)` become JSON lines with `context`. Create the app with
 * `{ bufferLogs: true }` and call this right after: the lines buffered until now are written
 * through pino too. Needs `LoggingModule.forRoot()` in the app's module graph.
 */
export function useAppLogger(app: INestApplicationContext): void {
  app.useLogger(app.get(Logger));
}
