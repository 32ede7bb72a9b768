import { createCipheriv, createDecipheriv, createHash, createSecretKey, type KeyObject, randomBytes } from 'node:crypto';

import type { CredentialState, SealedCredentialState } from '../schema';
import { CredentialUnreadableError } from './credential-unreadable.error';

/** The account a credential state belongs to; bound to the ciphertext as additional data. */
export interface CredentialAccount {
  integration: string;
  accountId: string;
}

/** A 32-byte AES-256 key, as raw bytes or a secret KeyObject (which never prints its bytes). */
export type CredentialKeyInput = KeyObject | Uint8Array;

const VERSION = 1;
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * A key's id: the first 16 hex digits of SHA-256 over a fixed label and the key. Derived, so
 * nobody configures ids, and two keys share one only by a 1-in-2^64 accident; safe to log (it
 * cannot be turned back into the key).
 */
export function credentialKeyId(key: CredentialKeyInput): string {
  const bytes = toKeyObject(key).export();
  return createHash('sha256').update('ops/credentials-key-id\0').update(bytes).digest('hex').slice(0, 16);
}

/**
 * Seals and opens credential state with AES-256-GCM under versioned keys. `seal` always uses
 * the current key; `open` accepts the current key or any previous one, found by the row's key id,
 * so keys rotate by moving the old one to `previous` (rows are re-sealed under the current key on
 * their next save). The account is bound as additional data: a row copied to another account,
 * altered in any field, or sealed under a key not given here fails with
 * `CredentialUnreadableError`.
 */
export class CredentialSealer {
  /** Id of the key every `seal` uses. */
  readonly currentKeyId: string;
  readonly #current: KeyObject;
  readonly #keys = new Map<string, KeyObject>();

  /**
   * @param current seals and opens.
   * @param previous only open (rows sealed before a rotation). Repeats of a key are ignored.
   * @throws Error when a key is not 32 bytes (the message never contains key material).
   */
  constructor(current: CredentialKeyInput, previous: readonly CredentialKeyInput[] = []) {
    this.#current = toKeyObject(current);
    this.currentKeyId = credentialKeyId(this.#current);
    for (const key of [this.#current, ...previous.map(toKeyObject)]) {
      const id = credentialKeyId(key);
      if (!this.#keys.has(id)) this.#keys.set(id, key);
    }
  }

  /** Ids of every key this sealer opens, current first. */
  get keyIds(): string[] {
    return [...this.#keys.keys()];
  }

  /** Encrypts `state` (as JSON) for `account` under the current key, with a fresh random IV. */
  seal(state: CredentialState, account: CredentialAccount): SealedCredentialState {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#current, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(additionalData(account));
    const data = Buffer.concat([cipher.update(JSON.stringify(state), 'utf8'), cipher.final()]);
    return {
      v: VERSION,
      kid: this.currentKeyId,
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      data: data.toString('base64'),
    };
  }

  /**
   * Decrypts a stored value for `account`.
   * @throws CredentialUnreadableError when the value is not a sealed state, names a key id this
   *   sealer does not hold, fails authentication (altered, or sealed for another account), or
   *   does not decrypt to a JSON object.
   */
  open(stored: unknown, account: CredentialAccount): CredentialState {
    const unreadable = (keyId: string | undefined, reason: string) =>
      new CredentialUnreadableError(account.integration, account.accountId, keyId, reason);
    if (!isSealedCredentialState(stored)) {
      const named = (stored as { kid?: unknown } | null)?.kid;
      throw unreadable(typeof named === 'string' ? named : undefined, 'the stored value is not a sealed credential state (format version 1)');
    }
    const key = this.#keys.get(stored.kid);
    if (!key) {
      throw unreadable(stored.kid, `it was sealed under a key that is not configured (configured key ids: ${this.keyIds.join(', ')})`);
    }
    const iv = Buffer.from(stored.iv, 'base64');
    const tag = Buffer.from(stored.tag, 'base64');
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
      throw unreadable(stored.kid, 'its IV or authentication tag has the wrong length (the row was altered)');
    }
    let plain: string;
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(additionalData(account));
      decipher.setAuthTag(tag);
      plain = Buffer.concat([decipher.update(Buffer.from(stored.data, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw unreadable(stored.kid, 'authentication failed: the row was altered, or was sealed for another account');
    }
    const state = parseObject(plain);
    if (!state) throw unreadable(stored.kid, 'it does not decrypt to a JSON object');
    return state;
  }
}

/** True for values of the sealed shape (fields present, version 1); says nothing about authenticity. */
export function isSealedCredentialState(value: unknown): value is SealedCredentialState {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v['v'] === VERSION && ['kid', 'iv', 'tag', 'data'].every((field) => typeof v[field] === 'string');
}

/** JSON of [version, integration, accountId]: unambiguous for any characters in either id. */
function additionalData(account: CredentialAccount): Buffer {
  return Buffer.from(JSON.stringify([VERSION, account.integration, account.accountId]), 'utf8');
}

function toKeyObject(key: CredentialKeyInput): KeyObject {
  const object = key instanceof Uint8Array ? createSecretKey(key) : key;
  if (object.type !== 'secret' || object.symmetricKeySize !== KEY_BYTES) {
    throw new Error(`a credentials key must be ${KEY_BYTES} bytes (AES-256), got ${object.symmetricKeySize ?? 0}`);
  }
  return object;
}

function parseObject(text: string): CredentialState | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as CredentialState) : undefined;
  } catch {
    return undefined;
  }
}
