import { createSecretKey, randomBytes } from 'node:crypto';
import { inspect } from 'node:util';

import type { SealedCredentialState } from '../schema';
import { CredentialSealer, credentialKeyId, isSealedCredentialState } from './credential-sealer';
import { CredentialUnreadableError } from './credential-unreadable.error';

const account = { integration: 'xero', accountId: 'tenant-1' };
const state = { accessToken: 'eyJhbGciOi.access', refreshToken: 'rt-rotated-7f3a', expiresAt: 1_795_000_000_000 };

function unreadable(run: () => unknown): CredentialUnreadableError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CredentialUnreadableError);
    return error as CredentialUnreadableError;
  }
  throw new Error('expected CredentialUnreadableError');
}

/** Flips one bit of a base64 field's bytes, keeping its length. */
function flip(field: string, byte = 0): string {
  const bytes = Buffer.from(field, 'base64');
  bytes[byte] ^= 0x01;
  return bytes.toString('base64');
}

describe('CredentialSealer', () => {
  const key = randomBytes(32);
  const sealer = new CredentialSealer(key);

  it('round-trips a state; the stored form is versioned JSON with base64 fields and no plaintext', () => {
    const sealed = sealer.seal(state, account);
    expect(sealed).toEqual({
      v: 1,
      kid: credentialKeyId(key),
      iv: expect.stringMatching(/^[A-Za-z0-9+/]{16}$/),
      tag: expect.stringMatching(/^[A-Za-z0-9+/]{22}==$/),
      data: expect.any(String),
    });
    expect(isSealedCredentialState(sealed)).toBe(true);
    expect(JSON.stringify(sealed)).not.toMatch(/access|rt-rotated|1795000000000/);
    expect(sealer.open(JSON.parse(JSON.stringify(sealed)), account)).toEqual(state);
  });

  it('uses a fresh IV for every seal', () => {
    const a = sealer.seal(state, account);
    const b = sealer.seal(state, account);
    expect(a.iv).not.toBe(b.iv);
    expect(a.data).not.toBe(b.data);
  });

  it('derives a 16-hex-digit key id, the same for bytes and KeyObject, different per key', () => {
    expect(credentialKeyId(key)).toMatch(/^[0-9a-f]{16}$/);
    expect(credentialKeyId(createSecretKey(key))).toBe(credentialKeyId(key));
    expect(credentialKeyId(randomBytes(32))).not.toBe(credentialKeyId(key));
    expect(sealer.currentKeyId).toBe(credentialKeyId(key));
  });

  it('rejects keys that are not 32 bytes without printing them', () => {
    const short = Buffer.from('0123456789abcdef');
    expect(() => new CredentialSealer(short)).toThrow('a credentials key must be 32 bytes (AES-256), got 16');
    expect(() => new CredentialSealer(key, [randomBytes(31)])).toThrow(/got 31/);
  });

  it('never shows key bytes when inspected or serialised', () => {
    const shown = `${inspect(sealer, { showHidden: true, depth: 5 })} ${JSON.stringify(sealer)}`;
    expect(shown).not.toContain(key.toString('hex').slice(0, 16));
    expect(shown).not.toContain(key.toString('base64').slice(0, 16));
  });

  it('a wrong key cannot open a row: unknown key id, named with the account', () => {
    const other = new CredentialSealer(randomBytes(32));
    const error = unreadable(() => other.open(sealer.seal(state, account), account));
    expect(error).toMatchObject({
      code: 'CREDENTIALS_UNREADABLE',
      retryable: false,
      integration: 'xero',
      accountId: 'tenant-1',
      keyId: sealer.currentKeyId,
    });
    expect(error.message).toContain('xero account "tenant-1"');
    expect(error.message).toContain(`key id ${sealer.currentKeyId}`);
    expect(error.message).toContain(`configured key ids: ${other.currentKeyId}`);
    expect(error.message).not.toContain(key.toString('base64'));
  });

  it.each<[string, (s: SealedCredentialState) => SealedCredentialState]>([
    ['one bit of the data', (s) => ({ ...s, data: flip(s.data, 3) })],
    ['one bit of the tag', (s) => ({ ...s, tag: flip(s.tag, 15) })],
    ['one bit of the IV', (s) => ({ ...s, iv: flip(s.iv, 11) })],
    ['the data, cut short', (s) => ({ ...s, data: Buffer.from(s.data, 'base64').subarray(1).toString('base64') })],
  ])('a row with %s altered fails authentication', (_field, tamper) => {
    const error = unreadable(() => sealer.open(tamper(sealer.seal(state, account)), account));
    expect(error.keyId).toBe(sealer.currentKeyId);
    expect(error.reason).toMatch(/authentication failed/);
  });

  it('a shortened tag or IV is refused before decrypting (no truncated-tag forgeries)', () => {
    const sealed = sealer.seal(state, account);
    const shortTag = { ...sealed, tag: Buffer.from(sealed.tag, 'base64').subarray(0, 4).toString('base64') };
    const shortIv = { ...sealed, iv: Buffer.from(sealed.iv, 'base64').subarray(0, 8).toString('base64') };
    expect(unreadable(() => sealer.open(shortTag, account)).reason).toMatch(/wrong length/);
    expect(unreadable(() => sealer.open(shortIv, account)).reason).toMatch(/wrong length/);
  });

  it('an unknown key id is named, even when the key behind it would open the row', () => {
    const renamed = { ...sealer.seal(state, account), kid: 'ffffffffffffffff' };
    const error = unreadable(() => sealer.open(renamed, account));
    expect(error.keyId).toBe('ffffffffffffffff');
    expect(error.message).toContain('key id ffffffffffffffff');
    expect(error.reason).toMatch(/not configured/);
  });

  it.each([
    ['another account of the same integration', { integration: 'xero', accountId: 'tenant-2' }],
    ['the same account id of another integration', { integration: 'shopify', accountId: 'tenant-1' }],
    ['ids that concatenate to the same text', { integration: 'xerot', accountId: 'enant-1' }],
  ])('a row copied to %s fails (the account is bound as AAD)', (_case, target) => {
    const error = unreadable(() => sealer.open(sealer.seal(state, account), target));
    expect(error).toMatchObject({ integration: target.integration, accountId: target.accountId });
    expect(error.reason).toMatch(/another account/);
  });

  it.each([
    ['plain JSON written before sealing', { accessToken: 'plain', expiresAt: 1 }],
    ['another format version', { v: 2, kid: 'abc', iv: '', tag: '', data: '' }],
    ['a string', 'sealed?'],
    ['null', null],
  ])('%s is not a sealed state', (_case, stored) => {
    expect(unreadable(() => sealer.open(stored, account)).reason).toMatch(/not a sealed credential state/);
  });

  it('a sealed value that is not a JSON object is unreadable', () => {
    const sealedArray = sealer.seal([1, 2] as unknown as Record<string, unknown>, account);
    expect(unreadable(() => sealer.open(sealedArray, account)).reason).toMatch(/JSON object/);
  });

  describe('key rotation', () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const before = new CredentialSealer(oldKey);
    const after = new CredentialSealer(newKey, [oldKey]);

    it('opens rows sealed under a previous key, and seals new rows under the current one', () => {
      const old = before.seal(state, account);
      expect(after.open(old, account)).toEqual(state);
      const resealed = after.seal(after.open(old, account), account);
      expect(resealed.kid).toBe(credentialKeyId(newKey));
      expect(() => before.open(resealed, account)).toThrow(CredentialUnreadableError);
      expect(after.keyIds).toEqual([credentialKeyId(newKey), credentialKeyId(oldKey)]);
    });

    it('ignores a repeated key', () => {
      expect(new CredentialSealer(newKey, [newKey, oldKey, oldKey]).keyIds).toHaveLength(2);
    });
  });
});
