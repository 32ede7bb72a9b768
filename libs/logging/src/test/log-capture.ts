import type { DestinationStream } from 'pino';

/** A destination that keeps every line written to it, for specs. */
export class LogCapture implements DestinationStream {
  readonly chunks: string[] = [];

  write(chunk: string): void {
    this.chunks.push(chunk);
  }

  /** Everything written, as one string. */
  get raw(): string {
    return this.chunks.join('');
  }

  /** Every line parsed as JSON (throws on a non-JSON line). */
  records(): Record<string, unknown>[] {
    return this.raw
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  clear(): void {
    this.chunks.length = 0;
  }
}
