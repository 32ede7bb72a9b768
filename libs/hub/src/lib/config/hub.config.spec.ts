import { ConfigError } from '@ops/config';

import { loadHubConfig } from './hub.config';

const secrets = {
  HUB_PUBLISHER_TOKEN: 'p'.repeat(16),
  HUB_ADMIN_TOKEN: 'a'.repeat(16),
  HUB_JWT_SECRET: 's'.repeat(32),
};

describe('loadHubConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadHubConfig(secrets);
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      auth: { enabled: true },
      stream: {
        heartbeatMs: 30_000,
        retryMs: 3_000,
        historySize: 1_000,
        maxBufferBytes: 1_048_576,
      },
      limits: {
        maxConnections: 20_000,
        maxConnectionsPerIp: 1_000,
        maxBodyBytes: 1_048_576,
      },
    });
  });

  it('refuses to start with auth on and a secret missing, naming it', () => {
    expect(() => loadHubConfig({ ...secrets, HUB_JWT_SECRET: '' })).toThrow(
      /HUB_JWT_SECRET: must be set when HUB_AUTH=on/,
    );
    const error = (() => {
      try {
        loadHubConfig({});
      } catch (e) {
        return e as ConfigError;
      }
      throw new Error('expected a ConfigError');
    })();
    expect(error.problems.map((p) => p.split(':')[0])).toEqual([
      'HUB_PUBLISHER_TOKEN',
      'HUB_ADMIN_TOKEN',
      'HUB_JWT_SECRET',
    ]);
  });

  it('allows missing secrets with HUB_AUTH=off', () => {
    expect(loadHubConfig({ HUB_AUTH: 'off' }).auth.enabled).toBe(false);
  });

  it.each([
    [{ HUB_PORT: 'abc' }, /HUB_PORT: must be an integer/],
    [{ HUB_PORT: '70000' }, /HUB_PORT/],
    [{ HUB_HEARTBEAT_MS: '1.5' }, /HUB_HEARTBEAT_MS/],
    [{ HUB_AUTH: 'maybe' }, /HUB_AUTH/],
    [{ HUB_MAX_BUFFER_BYTES: '10' }, /HUB_MAX_BUFFER_BYTES/],
  ])('names the bad variable in %j', (env, message) => {
    expect(() => loadHubConfig({ ...secrets, ...env })).toThrow(message);
    expect(() => loadHubConfig({ ...secrets, ...env })).toThrow(ConfigError);
  });

  it('never echoes a secret value', () => {
    const leaked = 'short-secret';
    try {
      loadHubConfig({ ...secrets, HUB_JWT_SECRET: leaked });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect((error as Error).message).toMatch(/HUB_JWT_SECRET/);
      expect((error as Error).message).not.toContain(leaked);
    }
  });

  it('reads the scale-out settings: Redis, trusted proxies, metrics token', () => {
    const config = loadHubConfig({
      ...secrets,
      REDIS_URL: 'redis://:pw@10.0.0.5:6379/2',
      REDIS_STREAM_MAXLEN: '5000',
      HUB_TRUST_PROXY: ' 10.0.0.0/8, 127.0.0.1 ,fd00::/8',
      HUB_METRICS_TOKEN: 'm'.repeat(16),
    });
    expect(config.redis).toEqual({
      url: 'redis://:pw@10.0.0.5:6379/2',
      streamKey: 'ops:events',
      maxLen: 5000,
    });
    expect(config.trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1', 'fd00::/8']);
    expect(config.auth.metricsToken).toBe('m'.repeat(16));
    expect(loadHubConfig(secrets)).toMatchObject({ redis: undefined, trustProxy: [] });
  });

  it.each([
    ['HUB_TRUST_PROXY', '10.0.0.0/33'],
    ['HUB_TRUST_PROXY', 'proxy.internal'],
    ['HUB_TRUST_PROXY', '10.0.0.1/8/1'],
    ['REDIS_URL', 'http://redis:6379'],
  ])('refuses %s=%s, naming it without echoing a Redis password', (name, value) => {
    expect(() => loadHubConfig({ ...secrets, [name]: value })).toThrow(
      new RegExp(name),
    );
    try {
      loadHubConfig({ ...secrets, REDIS_URL: 'http://:hunter2@redis:6379' });
    } catch (error) {
      expect((error as Error).message).not.toContain('hunter2');
    }
  });
});
