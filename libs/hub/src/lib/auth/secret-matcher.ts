import { createHash, timingSafeEqual } from 'node:crypto';

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Compares presented credentials with one configured secret in constant time: both sides are
 * hashed first, so neither the content nor the length of the secret leaks through timing.
 */
export class SecretMatcher {
  private readonly expected: Buffer;

  constructor(secret: string) {
    this.expected = digest(secret);
  }

  /** False for a missing or empty candidate. */
  matches(candidate: string | undefined): boolean {
    if (!candidate) return false;
    return timingSafeEqual(digest(candidate), this.expected);
  }
}
