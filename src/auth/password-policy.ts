import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { foldVietnamese } from '../common/text/vietnamese';
import { SEEDS_DIR } from '../common/seed-files';

/**
 * The one rule for a password a person chooses (activation, a new password, after an admin's
 * reset), in the spirit of NIST SP 800-63B §3.1.1.2: at least 8 characters, no composition rules
 * (a long Vietnamese sentence with spaces and diacritics is the best password there is), but not
 * a password attackers try first, not a run like "aaaaaaaa" or "abcdefgh", and not built on the
 * person's own user name, name or CCCD, or on this site's name. Seeded demo hashes are not
 * passwords anyone chose here and are not checked.
 */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;

export type PasswordProblem =
  | 'validation.password.short'
  | 'validation.password.common'
  | 'validation.password.simple'
  | 'validation.password.personal';

/** What the person is known by: the password must not be built on it. */
export interface PasswordContext {
  username?: string | null;
  displayName?: string | null;
  cccd?: string | null;
}

/** Words every password is checked against, whoever sets it: the site's own names. */
const SITE_WORDS = ['hoctap', 'congdanhoctap'];

/** Lower case, no diacritics (đ → d), letters and digits only: how passwords are compared. */
export function foldPassword(text: string): string {
  return foldVietnamese(text.normalize('NFKC')).replace(/[^a-z0-9]/g, '');
}

let common: Set<string> | undefined;

/** The bundled lists (seeds/security), folded; read once. */
function commonPasswords(): Set<string> {
  common ??= new Set(
    ['common-passwords.txt', 'common-passwords-vi.txt']
      .flatMap((file) => readFileSync(join(SEEDS_DIR, 'security', file), 'utf8').split('\n'))
      .filter((line) => !line.startsWith('#'))
      .map(foldPassword)
      .filter((word) => word.length > 0),
  );
  return common;
}

/** The message key of the first problem with a password, or null when it may be used. */
export function passwordProblem(password: string, context: PasswordContext = {}): PasswordProblem | null {
  if ([...password.normalize('NFC')].length < PASSWORD_MIN) return 'validation.password.short';
  const folded = foldPassword(password);
  if (isSimple(password, folded)) return 'validation.password.simple';
  const list = commonPasswords();
  const base = folded.replace(/\d+$/, '');
  if (list.has(folded) || (base.length >= 3 && list.has(base))) return 'validation.password.common';
  if (personalWords(context).some((word) => builtOn(folded, word))) return 'validation.password.personal';
  return null;
}

/** Few different characters, or one run up or down the alphabet or the digits. */
function isSimple(password: string, folded: string): boolean {
  if (new Set(password.normalize('NFC').toLowerCase()).size < 4) return true;
  if (folded.length < PASSWORD_MIN) return false;
  const steps = new Set([...folded].slice(1).map((c, i) => c.charCodeAt(0) - folded.charCodeAt(i)));
  return steps.size === 1 && [...steps].every((step) => Math.abs(step) <= 1);
}

/** The words of a person a password must not be built on, folded. */
function personalWords(context: PasswordContext): string[] {
  const words = [...SITE_WORDS];
  if (context.username) words.push(foldPassword(context.username));
  if (context.cccd) words.push(context.cccd);
  if (context.displayName) {
    // "Nguyễn Thị Lan (LĐLĐ tỉnh)": the words in brackets are a note, not the name.
    const name = context.displayName.replace(/\([^)]*\)/g, ' ');
    const names = foldVietnamese(name).split(' ').map(foldPassword).filter(Boolean);
    // "Nguyễn Văn An": nguyenvanan, annguyenvan (given name first), annguyen, nguyenan.
    if (names.length > 1) {
      const given = names[names.length - 1];
      const family = names[0];
      words.push(names.join(''), given + names.slice(0, -1).join(''), given + family, family + given);
    } else words.push(...names);
  }
  return words.filter((word) => word.length >= 3);
}

/** True when, without the word, fewer than PASSWORD_MIN letters and digits of its own are left. */
function builtOn(folded: string, word: string): boolean {
  return folded.includes(word) && folded.split(word).join('').length < PASSWORD_MIN;
}
