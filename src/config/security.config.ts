import { registerAs } from '@nestjs/config';
import { ConfigError, Env, readEnv, secret } from './env';

export interface SecurityConfig {
  /** Encryption keys for personal data, newest first; the first encrypts, all decrypt. */
  piiKeys: { id: string; key: Buffer }[];
  /** Key of the keyed hash used to look up a CCCD without decrypting (blind index). */
  piiHmacKey: Buffer;
}

function decodeKey(variable: string, value: string): Buffer {
  const key = Buffer.from(value, 'base64');
  if (key.length !== 32)
    throw new ConfigError(variable, 'must hold 32 bytes encoded in base64 (openssl rand -base64 32)');
  return key;
}

export function parseSecurityConfig(env: Env): SecurityConfig {
  const keysValue = secret(env, 'PII_ENCRYPTION_KEYS');
  const entries = keysValue.includes(':') ? keysValue.split(',') : [`k1:${keysValue}`];
  const piiKeys = entries.map((entry) => {
    const [id, value] = entry.trim().split(':', 2);
    if (!id || !value || !/^[a-zA-Z0-9]{1,8}$/.test(id)) {
      throw new ConfigError(
        'PII_ENCRYPTION_KEYS',
        'must be a comma list of id:base64key, e.g. k2:AAAA…,k1:BBBB…',
      );
    }
    return { id, key: decodeKey('PII_ENCRYPTION_KEYS', value) };
  });
  if (new Set(piiKeys.map((k) => k.id)).size !== piiKeys.length) {
    throw new ConfigError('PII_ENCRYPTION_KEYS', 'has the same key id twice');
  }
  return { piiKeys, piiHmacKey: decodeKey('PII_HMAC_KEY', secret(env, 'PII_HMAC_KEY')) };
}

export const securityConfig = registerAs('security', (): SecurityConfig => parseSecurityConfig(readEnv()));
