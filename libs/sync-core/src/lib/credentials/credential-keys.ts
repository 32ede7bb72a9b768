import { createSecretKey, type KeyObject, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

import { ConfigError } from '@ops/config';
import { CredentialSealer } from '@ops/store';
import { z } from 'zod';

/** Where credential keys come from, as `readWorkerConfig` resolved them. Holds no key bytes in view. */
export interface CredentialKeyConfig {
  /** `CREDENTIALS_KEY`. Required in production. */
  key?: KeyObject;
  /** `CREDENTIALS_PREVIOUS_KEYS`: open rows sealed before a rotation; never used to seal. */
  previousKeys: KeyObject[];
  /** The local key file used when `key` is absent (never in production). */
  keyFile?: string;
}

/** What key handling reports: a loud warning when it creates a key file, a line otherwise. */
export interface CredentialKeyLog {
  warn(message: string): void;
  log(message: string): void;
}

const KEY_BYTES = 32;
const HOW_TO = 'generate one with: openssl rand -base64 32';
const BASE64 = /^(?:[A-Za-z0-9+/]+={0,2}|[A-Za-z0-9_-]+)$/;

/**
 * The local key file for a data directory: `credentials.key` in DATA_DIR's parent, so with the
 * default `./data/pglite` it is `./data/credentials.key`, beside the database but not inside the
 * folder that holds it (a copy of the database files alone does not carry the key).
 */
export function credentialKeyFile(dataDir: string): string {
  return resolve(dirname(resolve(dataDir)), 'credentials.key');
}

/** Decodes a base64 (or base64url) 32-byte key. A problem names what is wrong, never the value. */
export function decodeCredentialKey(text: string): { key: KeyObject } | { problem: string } {
  const trimmed = text.trim();
  if (!BASE64.test(trimmed)) return { problem: `must be base64 (${HOW_TO})` };
  const bytes = Buffer.from(trimmed, 'base64');
  if (bytes.length !== KEY_BYTES) return { problem: `must decode to ${KEY_BYTES} bytes, got ${bytes.length} (${HOW_TO})` };
  return { key: createSecretKey(bytes) };
}

const blankAsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** `CREDENTIALS_KEY`: one base64 32-byte key, parsed to a KeyObject; blank counts as unset. */
export const credentialKeySchema = z.preprocess(
  blankAsUnset,
  z
    .string()
    .transform((value, ctx) => {
      const decoded = decodeCredentialKey(value);
      if ('key' in decoded) return decoded.key;
      ctx.addIssue({ code: 'custom', message: decoded.problem });
      return z.NEVER;
    })
    .optional(),
);

/** `CREDENTIALS_PREVIOUS_KEYS`: comma-separated base64 keys; a bad one is named by position. */
export const credentialKeyListSchema = z.string().transform((value, ctx) => {
  const keys: KeyObject[] = [];
  value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .forEach((entry, index) => {
      const decoded = decodeCredentialKey(entry);
      if ('key' in decoded) keys.push(decoded.key);
      else ctx.addIssue({ code: 'custom', message: `entry ${index + 1} ${decoded.problem}` });
    });
  return keys;
});

/**
 * The sealer for stored credentials: `CREDENTIALS_KEY` when set, else the local key file (created
 * on first use, see `loadOrCreateKeyFile`); previous keys only open. Logs the key ids in use.
 * @throws ConfigError when there is neither a key nor a key file, or the key file is malformed.
 */
export function createCredentialSealer(config: CredentialKeyConfig, log: CredentialKeyLog): CredentialSealer {
  const current = config.key ?? (config.keyFile ? loadOrCreateKeyFile(config.keyFile, log) : undefined);
  if (!current) throw new ConfigError(['CREDENTIALS_KEY: is required (32 random bytes, base64)']);
  const sealer = new CredentialSealer(current, config.previousKeys);
  const previous = sealer.keyIds.slice(1);
  log.log(`stored credentials are sealed under key id ${sealer.currentKeyId}${previous.length ? `; rows under ${previous.join(', ')} are still read` : ''}`);
  return sealer;
}

/**
 * Reads the key in `path`, or creates it: 32 random bytes, base64, mode 0600, parent folders
 * created 0700. Creation is atomic (written aside, then hard-linked into place), so processes
 * starting together agree on one key. Warns loudly when it creates the file, and when an
 * existing file is readable by group or others; never logs the key.
 * @throws ConfigError when the file does not hold a base64 32-byte key.
 */
export function loadOrCreateKeyFile(path: string, log: CredentialKeyLog): KeyObject {
  if (!exists(path)) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const aside = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(aside, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    try {
      linkSync(aside, path);
      log.warn(
        `CREDENTIALS_KEY is not set: created a new credentials key in ${path} (mode 0600). Stored OAuth ` +
          `tokens are sealed with it: back it up with the data, or they cannot be read again. Set ` +
          `CREDENTIALS_KEY for shared and production deployments (NODE_ENV=production refuses to start without it).`,
      );
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(aside);
    }
  } else {
    log.log(`CREDENTIALS_KEY is not set: using the local credentials key in ${path}`);
  }
  const mode = statSync(path).mode & 0o777;
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    log.warn(`the credentials key file ${path} is readable by others (mode 0${mode.toString(8)}): run chmod 600 on it`);
  }
  const decoded = decodeCredentialKey(readFileSync(path, 'utf8'));
  if ('problem' in decoded) throw new ConfigError([`credentials key file ${path}: ${decoded.problem}`]);
  return decoded.key;
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
