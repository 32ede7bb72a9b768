import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';

import { ConfigError } from '@ops/config';
import { credentialKeyId } from '@ops/store';

import { readWorkerConfig } from '../config/worker.config';
import { createCredentialSealer, credentialKeyFile, loadOrCreateKeyFile } from './credential-keys';

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

function recordingLog() {
  const lines: Array<['warn' | 'log', string]> = [];
  return {
    lines,
    warn: (message: string) => void lines.push(['warn', message]),
    log: (message: string) => void lines.push(['log', message]),
  };
}

describe('credential keys', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'credential-keys-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('the local key file', () => {
    it('lives in the parent of DATA_DIR: ./data/credentials.key by default', () => {
      expect(readWorkerConfig({}).credentials.keyFile).toBe(join(process.cwd(), 'data', 'credentials.key'));
      expect(credentialKeyFile(join(dir, 'db', 'pglite'))).toBe(join(dir, 'db', 'credentials.key'));
    });

    it('is created once with mode 0600 and a loud warning, then reused quietly', () => {
      const { credentials } = readWorkerConfig({ DATA_DIR: join(dir, 'data', 'pglite') });
      const path = join(dir, 'data', 'credentials.key');
      expect(credentials).toEqual({ key: undefined, previousKeys: [], keyFile: path });

      const first = recordingLog();
      const sealer = createCredentialSealer(credentials, first);
      const content = readFileSync(path, 'utf8');
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(Buffer.from(content.trim(), 'base64')).toHaveLength(32);
      expect(sealer.currentKeyId).toBe(credentialKeyId(Buffer.from(content.trim(), 'base64')));
      const warnings = first.lines.filter(([level]) => level === 'warn');
      expect(warnings).toHaveLength(1);
      expect(warnings[0][1]).toContain(`CREDENTIALS_KEY is not set: created a new credentials key in ${path}`);

      const second = recordingLog();
      expect(createCredentialSealer(credentials, second).currentKeyId).toBe(sealer.currentKeyId);
      expect(readFileSync(path, 'utf8')).toBe(content);
      expect(second.lines.filter(([level]) => level === 'warn')).toEqual([]);
      expect(second.lines.map(([, line]) => line)).toContain(`CREDENTIALS_KEY is not set: using the local credentials key in ${path}`);

      for (const [, line] of [...first.lines, ...second.lines]) expect(line).not.toContain(content.trim());
    });

    it('warns when an existing key file is readable by others', () => {
      const path = join(dir, 'credentials.key');
      writeFileSync(path, `${randomBytes(32).toString('base64')}\n`, { mode: 0o644 });
      chmodSync(path, 0o644);
      const log = recordingLog();
      loadOrCreateKeyFile(path, log);
      expect(log.lines).toContainEqual(['warn', `the credentials key file ${path} is readable by others (mode 0644): run chmod 600 on it`]);
    });

    it('refuses a key file that does not hold a 32-byte base64 key, without printing it', () => {
      const path = join(dir, 'credentials.key');
      const content = randomBytes(24).toString('base64');
      writeFileSync(path, content, { mode: 0o600 });
      const error = configError(() => loadOrCreateKeyFile(path, recordingLog()));
      expect(error.message).toContain(`credentials key file ${path}: must decode to 32 bytes, got 24`);
      expect(error.message).not.toContain(content);
    });
  });

  describe('CREDENTIALS_KEY and CREDENTIALS_PREVIOUS_KEYS', () => {
    const key = randomBytes(32).toString('base64');
    const old = randomBytes(32).toString('base64');

    it('NODE_ENV=production without CREDENTIALS_KEY refuses to start, naming the variable', () => {
      const error = configError(() => readWorkerConfig({ NODE_ENV: 'production', DATA_DIR: join(dir, 'pglite') }));
      expect(error.problems).toEqual(['CREDENTIALS_KEY: is required when NODE_ENV=production (32 random bytes, base64: openssl rand -base64 32)']);
    });

    it('blank values (an empty line in .env) count as unset', () => {
      const blank = { CREDENTIALS_KEY: ' ', CREDENTIALS_PREVIOUS_KEYS: '', DATA_DIR: join(dir, 'pglite') };
      expect(readWorkerConfig(blank).credentials).toEqual({ key: undefined, previousKeys: [], keyFile: join(dir, 'credentials.key') });
      expect(configError(() => readWorkerConfig({ ...blank, NODE_ENV: 'production' })).problems[0]).toMatch(/^CREDENTIALS_KEY: is required/);
    });

    it('uses the configured key and previous keys, with no key file, and keeps the bytes out of view', () => {
      const config = readWorkerConfig({ NODE_ENV: 'production', CREDENTIALS_KEY: key, CREDENTIALS_PREVIOUS_KEYS: ` ${old} ,` });
      expect(config.credentials.keyFile).toBeUndefined();
      const log = recordingLog();
      const sealer = createCredentialSealer(config.credentials, log);
      expect(sealer.keyIds).toEqual([credentialKeyId(Buffer.from(key, 'base64')), credentialKeyId(Buffer.from(old, 'base64'))]);
      expect(log.lines).toEqual([['log', `stored credentials are sealed under key id ${sealer.keyIds[0]}; rows under ${sealer.keyIds[1]} are still read`]]);
      const shown = inspect(config, { depth: 5, showHidden: true });
      for (const value of [key, old]) {
        expect(shown).not.toContain(value);
        expect(shown).not.toContain(Buffer.from(value, 'base64').toString('hex').slice(0, 12));
      }
    });

    it.each([
      ['not base64', 'this is not base64!!', 'CREDENTIALS_KEY: must be base64 (generate one with: openssl rand -base64 32)'],
      ['16 bytes', randomBytes(16).toString('base64'), 'CREDENTIALS_KEY: must decode to 32 bytes, got 16 (generate one with: openssl rand -base64 32)'],
      ['64 bytes', randomBytes(64).toString('base64'), 'CREDENTIALS_KEY: must decode to 32 bytes, got 64 (generate one with: openssl rand -base64 32)'],
    ])('a CREDENTIALS_KEY that is %s is named, its value never printed', (_case, value, problem) => {
      const error = configError(() => readWorkerConfig({ CREDENTIALS_KEY: value }));
      expect(error.problems).toEqual([problem]);
      expect(error.message).not.toContain(value);
    });

    it('a bad previous key is named by position, no value printed', () => {
      const bad = randomBytes(31).toString('base64');
      const error = configError(() => readWorkerConfig({ CREDENTIALS_KEY: key, CREDENTIALS_PREVIOUS_KEYS: `${old},${bad}` }));
      expect(error.problems).toEqual([
        'CREDENTIALS_PREVIOUS_KEYS: entry 2 must decode to 32 bytes, got 31 (generate one with: openssl rand -base64 32)',
      ]);
      for (const value of [key, old, bad]) expect(error.message).not.toContain(value);
    });
  });
});
