import { randomBytes } from 'node:crypto';
import { PiiCipher } from './pii-cipher';

const key = () => randomBytes(32);

describe(PiiCipher.name, () => {
  const k1 = { id: 'k1', key: key() };
  const k2 = { id: 'k2', key: key() };
  const hmac = key();

  it('round-trips and never stores the plain value', () => {
    const sut = new PiiCipher({ piiKeys: [k1], piiHmacKey: hmac });
    const stored = sut.encrypt('067090012345');
    expect(stored).not.toContain('067090012345');
    expect(sut.decrypt(stored)).toBe('067090012345');
    expect(sut.encrypt('067090012345')).not.toBe(stored); // random IV
  });

  it('keeps decrypting old values after a key rotation and says they need re-encryption', () => {
    const old = new PiiCipher({ piiKeys: [k1], piiHmacKey: hmac }).encrypt('067090012345');
    const sut = new PiiCipher({ piiKeys: [k2, k1], piiHmacKey: hmac });
    expect(sut.decrypt(old)).toBe('067090012345');
    expect(sut.needsRotation(old)).toBe(true);
    expect(sut.needsRotation(sut.encrypt('x'))).toBe(false);
  });

  it('refuses tampered ciphertext', () => {
    const sut = new PiiCipher({ piiKeys: [k1], piiHmacKey: hmac });
    const [id, iv, tag, data] = sut.encrypt('067090012345').split(':');
    const flipped = Buffer.from(data, 'base64');
    flipped[0] ^= 1;
    expect(() => sut.decrypt([id, iv, tag, flipped.toString('base64')].join(':'))).toThrow();
  });

  it('gives a stable blind index that depends on the key', () => {
    const a = new PiiCipher({ piiKeys: [k1], piiHmacKey: hmac });
    const b = new PiiCipher({ piiKeys: [k1], piiHmacKey: key() });
    expect(a.blindIndex('067090012345')).toBe(a.blindIndex('067090012345'));
    expect(a.blindIndex('067090012345')).not.toBe(b.blindIndex('067090012345'));
  });
});
