import { LogCapture } from '../test/log-capture';
import { createLogger } from './create-logger';
import { CREDENTIAL_HEADERS, CREDENTIAL_KEYS, REDACTED } from './redact-paths';

const SECRET = 'shpat_0123456789abcdef';

/** `{a: {b: {key: value}}}` with `depth` levels above the key. */
function nest(depth: number, key: string, value: unknown): Record<string, unknown> {
  let object: Record<string, unknown> = { [key]: value };
  for (let level = depth; level > 0; level -= 1) object = { [`level${level}`]: object };
  return object;
}

describe('createLogger', () => {
  let capture: LogCapture;
  beforeEach(() => {
    capture = new LogCapture();
  });

  it('writes one JSON object per line with an ISO time, the level name and the service', () => {
    createLogger({ service: 'shopify-sync', level: 'info', destination: capture }).info({ orders: 3 }, 'store synced');

    const [record] = capture.records();
    expect(record).toMatchObject({ level: 'info', service: 'shopify-sync', orders: 3, msg: 'store synced', pid: process.pid });
    expect(record['time']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(new Date(record['time'] as string).toISOString()).toBe(record['time']);
  });

  it('hides debug at info and shows it at debug', () => {
    const info = createLogger({ level: 'info', destination: capture });
    info.debug('hidden');
    info.info('shown');
    expect(capture.records().map((record) => record['msg'])).toEqual(['shown']);

    capture.clear();
    createLogger({ level: 'debug', destination: capture }).debug('now shown');
    expect(capture.records()).toEqual([expect.objectContaining({ level: 'debug', msg: 'now shown' })]);
  });

  describe('reading LOG_LEVEL and LOG_FORMAT when options leave them unset', () => {
    const saved = { ...process.env };
    afterEach(() => {
      process.env = { ...saved };
    });

    it('takes the level from LOG_LEVEL', () => {
      process.env['LOG_LEVEL'] = 'warn';
      const logger = createLogger({ destination: capture });
      logger.info('hidden');
      logger.warn('shown');
      expect(capture.records().map((record) => record['msg'])).toEqual(['shown']);
    });

    it('fails naming LOG_LEVEL when it is invalid', () => {
      process.env['LOG_LEVEL'] = 'loud';
      expect(() => createLogger({ destination: capture })).toThrow(/LOG_LEVEL: expected one of/);
    });

    it('does not read the environment for what options set', () => {
      process.env['LOG_LEVEL'] = 'loud';
      process.env['LOG_FORMAT'] = 'xml';
      expect(() => createLogger({ level: 'info', format: 'json', destination: capture })).not.toThrow();
    });
  });

  describe('redaction', () => {
    const cases = CREDENTIAL_KEYS.flatMap((key) => [0, 1, 3, 6].map((depth) => [key, depth] as const));

    it.each(cases)('censors %s at depth %i', (key, depth) => {
      createLogger({ level: 'info', destination: capture }).info(nest(depth, key, SECRET), 'event');
      expect(capture.raw).not.toContain(SECRET);
      expect(capture.raw).toContain(`"${key}":"${REDACTED}"`);
    });

    it.each(CREDENTIAL_HEADERS)('censors the %s header wherever a headers object is logged', (header) => {
      const logger = createLogger({ level: 'info', destination: capture });
      logger.info({ req: { method: 'GET', headers: { [header]: SECRET, accept: 'application/json' } } }, 'request');
      logger.info({ request: { options: { headers: { [header.toUpperCase()]: SECRET } } } }, 'outbound');
      expect(capture.raw).not.toContain(SECRET);
      expect(capture.records().map((record) => JSON.stringify(record).split(REDACTED).length - 1)).toEqual([1, 1]);
      expect(capture.records()[0]).toMatchObject({ req: { headers: { accept: 'application/json' } } });
    });

    it('matches names case-insensitively and keeps everything else', () => {
      createLogger({ level: 'info', destination: capture }).info(
        { Password: SECRET, ACCESS_TOKEN: SECRET, nextToken: 'page-2', tokenCount: 3, store: 'uk' },
        'mixed',
      );
      expect(capture.records()[0]).toMatchObject({
        Password: REDACTED,
        ACCESS_TOKEN: REDACTED,
        nextToken: 'page-2',
        tokenCount: 3,
        store: 'uk',
      });
    });

    it('censors credentials inside arrays and in the bindings of children and grandchildren', () => {
      const logger = createLogger({ level: 'info', destination: capture });
      logger.info({ stores: [{ domain: 'uk.myshopify.com', accessToken: SECRET }] }, 'stores');
      const child = logger.child({ account: { id: 'acct-1', credentialState: { refreshToken: SECRET } } });
      child.info('refreshed');
      child.child({ tenant: { id: 't-1', clientSecret: SECRET } }).info('grandchild');
      child.setBindings({ auth: { token: SECRET } });
      child.info('rebound');

      expect(capture.raw).not.toContain(SECRET);
      const [stores, refreshed, grandchild, rebound] = capture.records();
      expect(stores['stores']).toEqual([{ domain: 'uk.myshopify.com', accessToken: REDACTED }]);
      expect(refreshed['account']).toEqual({ id: 'acct-1', credentialState: REDACTED });
      expect(grandchild['tenant']).toEqual({ id: 't-1', clientSecret: REDACTED });
      expect(rebound['auth']).toEqual({ token: REDACTED });
    });

    it('leaves the logged object itself unchanged', () => {
      const logged = { store: { accessToken: SECRET } };
      createLogger({ level: 'info', destination: capture }).info(logged, 'event');
      expect(logged.store.accessToken).toBe(SECRET);
    });
  });

  describe('LOG_FORMAT=pretty', () => {
    it('writes human-readable lines, synchronously, still redacted', () => {
      const logger = createLogger({ service: 'sse-hub', level: 'info', format: 'pretty', destination: capture });
      logger.info({ context: 'HubLifecycle', password: SECRET }, 'listening on 3000');

      expect(capture.chunks).toHaveLength(1);
      const [line] = capture.chunks;
      expect(() => JSON.parse(line)).toThrow();
      expect(line).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: \[HubLifecycle\] listening on 3000\n/);
      expect(line).toContain('service: "sse-hub"');
      expect(line).toContain(`password: "${REDACTED}"`);
      expect(line).not.toContain(SECRET);
      expect(line).not.toContain('\u001b[');
    });
  });
});
