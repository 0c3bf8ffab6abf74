import { Injectable } from '@nestjs/common';
import { type Algorithm, hash, verify } from '@node-rs/argon2';

/**
 * OWASP's Argon2id settings (19 MiB, 2 passes). `2` is Algorithm.Argon2id, written out because the
 * library declares it as a const enum, which isolated-module compilation (ts-jest) cannot read.
 */
const OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19456, timeCost: 2, parallelism: 1 };

/**
 * Passwords are put in composed Unicode (NFC) before hashing, so "Mật khẩu" typed with a keyboard
 * that sends decomposed marks matches the same passphrase typed with one that sends composed ones.
 */
@Injectable()
export class PasswordHasher {
  private dummyHash?: Promise<string>;

  hash(password: string): Promise<string> {
    return hash(password.normalize('NFC'), OPTIONS);
  }

  async verify(storedHash: string | null | undefined, password: string): Promise<boolean> {
    if (!storedHash) {
      // Spend the same time when there is no account, so timing does not tell which names exist.
      this.dummyHash ??= this.hash('not-a-real-password');
      await verify(await this.dummyHash, password.normalize('NFC')).catch(() => false);
      return false;
    }
    return verify(storedHash, password.normalize('NFC')).catch(() => false);
  }
}
