import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { securityConfig, SecurityConfig } from '../../config';

/**
 * Encrypts personal data at rest (AES-256-GCM) and makes keyed hashes to find it without
 * decrypting. Ciphertext is "keyId:iv:tag:data" so old keys keep decrypting after a rotation;
 * the first configured key encrypts. See docs/security.md for rotating keys.
 */
@Injectable()
export class PiiCipher {
  constructor(@Inject(securityConfig.KEY) private readonly config: SecurityConfig) {}

  encrypt(plain: string): string {
    const { id, key } = this.config.piiKeys[0];
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [id, iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(
      ':',
    );
  }

  decrypt(stored: string): string {
    const [id, iv, tag, data] = stored.split(':');
    const entry = this.config.piiKeys.find((k) => k.id === id);
    if (!entry || !iv || !tag || data === undefined)
      throw new Error(`Cannot decrypt: unknown key id "${id}"`);
    const decipher = createDecipheriv('aes-256-gcm', entry.key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
  }

  /** True when the value was encrypted with an older key and should be re-encrypted. */
  needsRotation(stored: string): boolean {
    return !stored.startsWith(`${this.config.piiKeys[0].id}:`);
  }

  /** Keyed hash (blind index) for equality look-ups, e.g. finding a worker by CCCD. */
  blindIndex(plain: string): string {
    return createHmac('sha256', this.config.piiHmacKey).update(plain).digest('hex');
  }
}
