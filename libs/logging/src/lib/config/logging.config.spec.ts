import { ConfigError } from '@ops/config';

import { readLoggingConfig } from './logging.config';

describe('readLoggingConfig', () => {
  it.each([
    [{}, { level: 'info', format: 'json' }],
    [{ LOG_LEVEL: 'debug', LOG_FORMAT: 'pretty' }, { level: 'debug', format: 'pretty' }],
    [{ LOG_LEVEL: ' WARN ', LOG_FORMAT: 'JSON' }, { level: 'warn', format: 'json' }],
    [{ LOG_LEVEL: '', LOG_FORMAT: '  ' }, { level: 'info', format: 'json' }],
    [{ LOG_LEVEL: 'silent' }, { level: 'silent', format: 'json' }],
  ])('reads %j as %j', (env, expected) => {
    expect(readLoggingConfig(env)).toEqual(expected);
  });

  it('names every bad variable and the values it accepts', () => {
    let error: unknown;
    try {
      readLoggingConfig({ LOG_LEVEL: 'verbose', LOG_FORMAT: 'xml' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'LOG_LEVEL: expected one of fatal|error|warn|info|debug|trace|silent, got "verbose"',
      'LOG_FORMAT: expected one of json|pretty, got "xml"',
    ]);
  });
});
